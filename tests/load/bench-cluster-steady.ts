// pnpm bench:cluster-steady — issue #13: the steady typing load of bench:steady (per room 2 writers
// at RATE chars/s, Poisson, + 1 observer) against, in one run and per room count:
//   mockroom ×1   one sync instance in cluster mode (PostgreSQL + Redis), every client on it;
//   mockroom ×2   two instances; writer 0 on A, writer 1 and the observer on B (edits cross Redis);
//   hocuspocus ×2 @hocuspocus/server + extension-redis + extension-database (PostgreSQL), same split.
// Latency is edit → the other writer. CPU from /proc: the server instances (pinned to core 1 when
// taskset exists), our own redis-server, and the PostgreSQL backends of each run's fresh database.
// Flags: --rooms 100,400,1000. Env: WARMUP, DURATION, CONNECT_TIMEOUT (s), RATE, SETUPS (e.g. mockroom-2,hocuspocus-2),
// BENCH_DATABASE_URL (an admin connection; default the local PostgreSQL).
import { mkdtempSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { signSessionToken } from '@mockroom/access/server'
import { buildSync, syncStartArgs } from '../../scripts/sync-command.mjs'
import { freshDatabase, processCpuMs, startRedis, type Database } from './bench-infra'
import { hocuspocusWire } from './hocuspocus-wire'
import { hasTaskset, launch, type LaunchSpec, type ServerProc } from './server-proc'
import { SteadyLoad, type Who } from './steady-load'

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i < 0 ? undefined : (process.argv[i + 1] ?? '')
}
const roomCounts = (arg('rooms') ?? '100,400').split(',').map(Number)
const WARMUP = Number(process.env.WARMUP ?? 5) * 1000
const DURATION = Number(process.env.DURATION ?? 20) * 1000
const RATE = Number(process.env.RATE ?? 5)
const CONNECT_TIMEOUT = Number(process.env.CONNECT_TIMEOUT ?? 150) * 1000
const setups = (process.env.SETUPS ?? 'mockroom-1,mockroom-2,hocuspocus-2').split(',')
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const secret = 'bench-cluster-steady-secret-0123456789'
const root = join(import.meta.dirname, '../..')
if (!buildSync(root)) throw new Error('building apps/sync failed')

interface Row {
  server: string
  instances: number
  rooms: number
  p50: number
  p99: number
  edits: number
  drops: number
  cpuPct: number
  usPerEdit: number
  redisPct: number
  pgPct: number
  generatorCpuPct: number
  generatorLagP99: number
  /** seconds to open every room (the typing in opened rooms has started meanwhile) */
  connectS: number
  /** set when the rooms could not all be opened in time (the row has no measurements) */
  note?: string
}

const mockroomSpec = (db: Database, redisUrl: string): LaunchSpec => ({
  label: 'mockroom',
  args: syncStartArgs(root).args,
  cwd: syncStartArgs(root).cwd,
  env: {
    SYNC_PORT: '0',
    SYNC_HOST: '127.0.0.1',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'mockroom-cluster-steady-')),
    DATABASE_URL: db.url,
    REDIS_URL: redisUrl,
    CLUSTER: 'true',
    SESSION_SECRET: secret,
    LOG_LEVEL: 'info', // the listening line (with its port) is logged at info
  },
  ready: /"port":(\d+)/,
})

const hocuspocusSpec = (db: Database, redisUrl: string): LaunchSpec => ({
  label: 'hocuspocus',
  args: ['--import', 'tsx', 'hocuspocus-server.ts'],
  cwd: import.meta.dirname,
  env: { PORT: '0', DATABASE_URL: db.url, REDIS_URL: redisUrl, SESSION_SECRET: secret },
  ready: /listening (\d+)/,
})

const hocuspocusTable = 'create table hocuspocus_documents (name text primary key, data bytea)'

const roles = { w0: 'interviewer', w1: 'candidate', observer: 'observer' } as const
const token = (room: string, who: Who) =>
  signSessionToken(
    { roomId: room, sessionId: room, participantId: `${room}-${who}`, role: roles[who], name: who },
    secret,
    3600,
  )

const f = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '-')
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms))
async function until(check: () => boolean, timeoutMs: number) {
  const end = Date.now() + timeoutMs
  while (Date.now() < end && !check()) await sleep(100)
}
// a server that never prints its port fails the run instead of hanging it
const withTimeout = <T>(p: Promise<T>, ms = 60_000) =>
  Promise.race([
    p,
    sleep(ms).then(() => Promise.reject<T>(new Error(`no server ready after ${ms / 1000} s`))),
  ])
const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN
}

async function measure(setup: string, rooms: number, redisUrl: string, redisPid: number) {
  const [server = '', n = '1'] = setup.split('-')
  const instances = Number(n)
  const hocus = server === 'hocuspocus'
  const db = await freshDatabase(adminUrl, hocus ? hocuspocusTable : undefined)
  const procs: ServerProc[] = []
  try {
    // one after the other: the first Mockroom instance creates the schema
    for (let i = 0; i < instances; i++)
      procs.push(await withTimeout(launch((hocus ? hocuspocusSpec : mockroomSpec)(db, redisUrl))))
    const ports = procs.map((p) => p.port)
    const portFor = (_room: number, who: Who) => ports[who === 'w0' ? 0 : ports.length - 1] ?? 0
    const wire = hocus ? hocuspocusWire : undefined
    const common = { port: ports[0] ?? 0, portFor, wire, rate: RATE, token }
    // a few rooms first, opened and closed, so code compiled on first use is not in the window
    const warm = new SteadyLoad({ ...common, rooms: 10, prefix: 'warm' })
    await warm.connect()
    await sleep(2000)
    warm.close()
    const load = new SteadyLoad({ ...common, rooms })
    const c0 = performance.now()
    let failure = ''
    const connected = await Promise.race([
      load.connect().then(
        () => true,
        (e: Error) => ((failure = e.message), false),
      ),
      sleep(CONNECT_TIMEOUT).then(() => false),
    ])
    const connectS = (performance.now() - c0) / 1000
    if (!connected) {
      load.close()
      const opened = `opened ${load.roomsOpen} of ${rooms} rooms in ${f(connectS)} s`
      const note = failure ? `${opened}, then a client failed: ${failure}` : `${opened}, gave up`
      return { server, instances, rooms, connectS, note } as Row
    }
    await sleep(WARMUP)
    const lag = monitorEventLoopDelay({ resolution: 10 })
    lag.enable()
    const cpu = () => procs.reduce((sum, p) => sum + p.cpuMs(), 0)
    const [cpu0, redis0, pg0, gen0] = [
      cpu(),
      processCpuMs(redisPid),
      db.backendCpuMs(),
      process.cpuUsage(),
    ]
    const t0 = performance.now()
    load.startWindow()
    await sleep(DURATION)
    load.stopWindow()
    const wall = performance.now() - t0
    const [used, redis, pgMs, gen] = [
      cpu() - cpu0,
      processCpuMs(redisPid) - redis0,
      db.backendCpuMs() - pg0,
      process.cpuUsage(gen0),
    ]
    lag.disable()
    await until(() => load.missing() === 0, 5000)
    const row: Row = {
      server,
      instances,
      rooms,
      p50: pct(load.latencies, 50),
      p99: pct(load.latencies, 99),
      edits: load.sent,
      drops: load.missing() + load.disconnects,
      cpuPct: (used / wall) * 100,
      usPerEdit: (used * 1000) / load.sent,
      redisPct: (redis / wall) * 100,
      pgPct: (pgMs / wall) * 100,
      generatorCpuPct: ((gen.user + gen.system) / 1000 / wall) * 100,
      generatorLagP99: lag.percentile(99) / 1e6,
      connectS,
    }
    load.close()
    return row
  } finally {
    await Promise.all(procs.map((p) => p.stop()))
    await db.drop()
  }
}

const redis = await startRedis()
console.log(
  `bench:cluster-steady — ${RATE} chars/s per writer, 2 writers + 1 observer per room, warm-up ${WARMUP / 1000} s, window ${DURATION / 1000} s; ` +
    `servers ${hasTaskset ? 'all on core 1 (taskset)' : 'not pinned (no taskset)'}; own redis-server ${redis.url}; ` +
    `${new Date().toISOString()}, load avg ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
)
const header =
  '| server | instances | rooms | p50 ms | p99 ms | edits/s (target) | drops | server CPU % of a core | server µs/edit | Redis CPU % | PostgreSQL backends CPU % | generator CPU % | generator lag p99 ms | connect s |\n' +
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|'
const line = (r: Row) =>
  r.note
    ? `| ${r.server} | ${r.instances} | ${r.rooms} | ${r.note} |`
    : `| ${r.server} | ${r.instances} | ${r.rooms} | ${f(r.p50, 1)} | ${f(r.p99, 1)} | ${f(r.edits / (DURATION / 1000))} (${r.rooms * 2 * RATE}) | ${r.drops} | ${f(r.cpuPct)} | ${f(r.usPerEdit)} | ${f(r.redisPct, 1)} | ${f(r.pgPct, 1)} | ${f(r.generatorCpuPct)} | ${f(r.generatorLagP99, 1)} | ${f(r.connectS)} |`
const rows: Row[] = []
try {
  for (const rooms of roomCounts)
    for (const setup of setups) {
      const row = await measure(setup, rooms, redis.url, redis.pid)
      rows.push(row)
      console.log(`${line(row)} load avg ${loadavg()[0]?.toFixed(1)}`)
    }
} finally {
  redis.stop()
}
console.log(`\n${header}`)
for (const r of rows) console.log(line(r))
console.log(
  `load avg at the end ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
)
process.exit(0)
