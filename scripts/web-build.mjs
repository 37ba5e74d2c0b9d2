// Builds the web app (`next build`) when its sources are newer than the last build; shared by
// `pnpm start` and `pnpm start:cluster`.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.next') continue
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

function needsBuild(root) {
  const web = join(root, 'apps/web')
  const buildId = join(web, '.next/BUILD_ID')
  if (!existsSync(buildId)) return true
  const sources = [join(web, 'src'), join(web, 'next.config.ts'), join(root, 'packages')]
  const newest = Math.max(
    ...sources.map((s) => (statSync(s).isDirectory() ? newestMtime(s) : statSync(s).mtimeMs)),
  )
  return newest > statSync(buildId).mtimeMs
}

/** Runs `next build` if needed; false when the build failed. */
export function buildWebIfNeeded(root, env, log) {
  if (!needsBuild(root)) return true
  log('building the web app…')
  const web = join(root, 'apps/web')
  const build = spawnSync(join(web, 'node_modules/.bin/next'), ['build'], {
    cwd: web,
    env,
    stdio: 'inherit',
  })
  return build.status === 0
}
