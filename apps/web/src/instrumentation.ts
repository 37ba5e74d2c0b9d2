// Runs once when the server starts: a bad environment stops it here with the reason, instead of
// failing the first request. NEXT_RUNTIME is Next's build-time switch (not configuration): the
// edge bundle drops this branch, so env.ts and its Node modules stay out of it.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkEnvAtStart } = await import('./env')
    checkEnvAtStart()
  }
}
