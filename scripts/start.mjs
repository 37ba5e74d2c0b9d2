#!/usr/bin/env node
// `pnpm start`: build the web app if its sources changed, then run web + sync together.
// `pnpm dev`: the same two processes with hot reload. Ctrl-C stops both. With LIVEKIT_URL unset and
// a livekit-server binary at hand, a local call server runs beside them (scripts/local-livekit.mjs).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startLocalLivekit } from './local-livekit.mjs'
import { buildSync, syncStartArgs } from './sync-command.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const dev = process.argv.includes('--dev')
const web = join(root, 'apps/web')
const sync = join(root, 'apps/sync')
// both processes share one data dir, resolved once so their working directories do not matter
const env = { ...process.env, DATA_DIR: resolve(root, process.env.DATA_DIR ?? 'data') }

function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.next') continue
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

function needsBuild() {
  const buildId = join(web, '.next/BUILD_ID')
  if (!existsSync(buildId)) return true
  const sources = [join(web, 'src'), join(web, 'next.config.ts'), join(root, 'packages')]
  const newest = Math.max(
    ...sources.map((s) => (statSync(s).isDirectory() ? newestMtime(s) : statSync(s).mtimeMs)),
  )
  return newest > statSync(buildId).mtimeMs
}

if (!dev && needsBuild()) {
  console.log('[start] building the web app…')
  const build = spawnSync(join(web, 'node_modules/.bin/next'), ['build'], {
    cwd: web,
    env,
    stdio: 'inherit',
  })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

if (!dev) {
  console.log('[start] bundling the sync server…')
  if (!buildSync(root)) process.exit(1)
}

const port = env.PORT ?? '3000'
const livekit = await startLocalLivekit({
  env,
  webPort: port,
  log: (line) => console.log(`[start] ${line}`),
})
const children = [
  spawn(join(web, 'node_modules/.bin/next'), [dev ? 'dev' : 'start', '-p', port], {
    cwd: web,
    env,
    stdio: 'inherit',
  }),
  dev
    ? spawn(join(sync, 'node_modules/.bin/tsx'), ['watch', 'src/main.ts'], {
        cwd: sync,
        env,
        stdio: 'inherit',
      })
    : spawn(process.execPath, syncStartArgs(root).args, {
        cwd: syncStartArgs(root).cwd,
        env,
        stdio: 'inherit',
      }),
]
console.log(
  `[start] web on http://localhost:${port}, sync on ws://localhost:${env.SYNC_PORT ?? '1234'}`,
)

let stopping = false
function stop(code) {
  if (stopping) return
  stopping = true
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM')
  if (livekit?.exitCode === null) livekit.kill('SIGTERM')
  process.exitCode = code
}
for (const c of children) c.on('exit', (code) => stop(code ?? 0))
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))
