#!/usr/bin/env node
// `pnpm start:cluster`: a local cluster — 2 web and 2 sync instances (one process each) behind
// HAProxy, which serves the pages and the sync WebSocket (/sync/…) on one origin at PORT. Uses the
// DATABASE_URL and REDIS_URL it is given (default: local PostgreSQL and Redis) and needs
// SESSION_SECRET. Ctrl-C stops everything. Prints "[cluster] ready …" once the balancer sees every
// instance healthy; a dead instance is logged and routed around, not restarted.
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { spawnNamed, stopProcess, waitHealthy } from './cluster-process.mjs'
import { serverStates } from './haproxy-admin.mjs'
import { clusterPorts, haproxyConfig } from './haproxy-config.mjs'
import { startLocalLivekit } from './local-livekit.mjs'
import { buildSync, syncStartArgs } from './sync-command.mjs'
import { buildWebIfNeeded } from './web-build.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const log = (line) => console.log(`[cluster] ${line}`)
const fail = (message) => {
  console.error(`[cluster] ${message}`)
  process.exit(1)
}

const haproxy = [process.env.HAPROXY_BIN, '/usr/sbin/haproxy', '/usr/local/sbin/haproxy']
  .concat((process.env.PATH ?? '').split(':').map((d) => join(d, 'haproxy')))
  .find((p) => p && existsSync(p))
if (!haproxy)
  fail(
    'HAProxy not found: `apt-get install haproxy` (Debian/Ubuntu), `brew install haproxy` (macOS), or set HAPROXY_BIN',
  )
if ((process.env.SESSION_SECRET ?? '').length < 16) {
  fail(
    'SESSION_SECRET (16+ characters) is required, the same for every instance: e.g.\n  SESSION_SECRET=$(openssl rand -hex 32) pnpm start:cluster',
  )
}

const ports = clusterPorts(Number(process.env.PORT ?? 3000))
const work = mkdtempSync(join(tmpdir(), 'mockroom-cluster-'))
const statsSocket = join(work, 'haproxy-admin.sock')
const base = {
  ...process.env,
  CLUSTER: 'true',
  DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  // the balancer appends the browser's address to X-Forwarded-For
  TRUST_PROXY: 'true',
}
// each instance its own empty data folder: proof that nothing shared lives in a local file
const dataDir = (name) => {
  const dir = join(work, name)
  mkdirSync(dir)
  return dir
}

if (!buildWebIfNeeded(root, base, log)) process.exit(1)
log('bundling the sync server…')
if (!buildSync(root)) process.exit(1)

// as `pnpm start`: a local `livekit-server --dev` unless LIVEKIT_URL names one (webhook → balancer)
const livekit = await startLocalLivekit({ env: base, webPort: ports.port, log, autoInstall: false })
const web = join(root, 'apps/web')
const sync = syncStartArgs(root)
const instances = [
  ...ports.web.map((port, i) => {
    const name = `web${i + 1}`
    const env = { ...base, PORT: String(port), DATA_DIR: dataDir(name) }
    const args = ['start', '-p', String(port), '-H', '127.0.0.1']
    const child = spawnNamed(name, join(web, 'node_modules/.bin/next'), args, { cwd: web, env })
    return { name, port, child }
  }),
  ...ports.sync.map((port, i) => {
    const name = `sync${i + 1}`
    const env = {
      ...base,
      SYNC_PORT: String(port),
      SYNC_HOST: '127.0.0.1',
      DATA_DIR: dataDir(name),
    }
    const child = spawnNamed(name, process.execPath, sync.args, { cwd: sync.cwd, env })
    return { name, port, child }
  }),
]
writeFileSync(join(work, 'haproxy.cfg'), haproxyConfig({ ...ports, statsSocket }))
const balancer = spawnNamed('haproxy', haproxy, ['-f', join(work, 'haproxy.cfg'), '-db'], {})
for (const { name, port, child } of instances) log(`${name} pid ${child.pid} on 127.0.0.1:${port}`)
log(`haproxy pid ${balancer.pid} on :${ports.port}, admin socket ${statsSocket}`)

let ready = false
let stopping = false
async function stop(code) {
  if (stopping) return
  stopping = true
  log('stopping…')
  const children = [balancer, ...instances.map((i) => i.child)]
  await Promise.all([...children.map((c) => stopProcess(c)), livekit?.stop()])
  rmSync(work, { recursive: true, force: true })
  process.exit(code)
}
process.on('SIGINT', () => void stop(0))
process.on('SIGTERM', () => void stop(0))
balancer.on('exit', (code) => {
  if (!stopping) log(`haproxy exited (${code}); stopping`)
  void stop(code || 1)
})
for (const { name, child } of instances) {
  child.on('exit', (code, signal) => {
    if (stopping) return
    if (!ready) {
      log(`${name} exited (${code ?? signal}) during start-up; stopping`)
      return void stop(1)
    }
    log(`${name} exited (${code ?? signal}); the balancer routes around it`)
  })
}

try {
  await Promise.all(
    instances.map((i) => waitHealthy(`http://127.0.0.1:${i.port}/healthz`, i.child)),
  )
  // the balancer's own checks (rise 2 × inter 1 s) must see them too before traffic is sure to land
  while (!(await serverStates(statsSocket).catch(() => [])).every((s) => s.status === 'UP')) {
    await new Promise((r) => setTimeout(r, 250))
  }
} catch (err) {
  log(`start-up failed: ${err instanceof Error ? err.message : String(err)}`)
  await stop(1)
}
ready = true
log(`ready on http://localhost:${ports.port} (${instances.map((i) => i.name).join(', ')})`)
