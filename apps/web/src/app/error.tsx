'use client'

// Last-resort boundary so a crash shows a way forward instead of a blank page.
export default function ErrorPage({ retry }: { error: unknown; retry: () => void }) {
  return (
    <section className="card notice">
      <h1>Something went wrong</h1>
      <p role="alert">This page hit an unexpected error. Try again, or reload the page.</p>
      <p>
        <button type="button" className="button" onClick={() => retry()}>
          Try again
        </button>
      </p>
    </section>
  )
}
