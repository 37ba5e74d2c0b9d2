#!/usr/bin/env node
// `pnpm start`: build the web app if its sources changed, then run web + sync together.
// `pnpm dev`: the same two processes with hot reload. Ctrl-C stops both. With LIVEKIT_URL unset, a
// local call server runs beside them, prepared in the background when missing (local-livekit.mjs).
import { spawn } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startLocalLivekit } from './local-livekit.mjs'
import { buildSync, syncStartArgs } from './sync-command.mjs'
import { buildWebIfNeeded } from './web-build.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const dev = process.argv.includes('--dev')
const web = join(root, 'apps/web')
const sync = join(root, 'apps/sync')
// both processes share one data dir, resolved once so their working directories do not matter
const env = { ...process.env, DATA_DIR: resolve(root, process.env.DATA_DIR ?? 'data') }

if (!dev && !buildWebIfNeeded(root, env, (line) => console.log(`[start] ${line}`))) {
  process.exit(1)
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
  // production: next behind a server that takes the client address from the socket
  dev
    ? spawn(join(web, 'node_modules/.bin/next'), ['dev', '-p', port], {
        cwd: web,
        env,
        stdio: 'inherit',
      })
    : spawn(process.execPath, [join(root, 'scripts/web-server.mjs'), '-p', port], {
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
  void livekit?.stop()
  process.exitCode = code
}
for (const c of children) c.on('exit', (code) => stop(code ?? 0))
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))
