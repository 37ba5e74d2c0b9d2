// pnpm bench:steady-cluster — the steady typing load of bench:steady against one sync instance and against
// two, side by side: with two, each room's writers sit on different instances (w0 on A, w1 on B,
// observers alternate), so every edit reaches the other writer through Redis. Both set-ups run in
// cluster mode (REDIS_URL, PostgreSQL: a fresh database per run) so the split is the only
// difference. Clients dial the instances directly (no balancer: placement must be known).
// Flags: --rooms N (default: 100 and 400). Env: WARMUP, DURATION (s), RATE, DATABASE_ADMIN_URL,
// REDIS_URL.
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { signSessionToken } from '@mockroom/access/server'
import pg from 'pg'
import { buildSync, syncStartArgs } from '../../scripts/sync-command.mjs'
import { hasTaskset, launch, type ServerProc } from './server-proc'
import { SteadyLoad } from './steady-load'

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i < 0 ? undefined : (process.argv[i + 1] ?? '')
}
const roomCounts = arg('rooms') ? [Number(arg('rooms'))] : [100, 400]
const WARMUP = Number(process.env.WARMUP ?? 5) * 1000
const DURATION = Number(process.env.DURATION ?? 20) * 1000
const RATE = Number(process.env.RATE ?? 5)
const ADMIN_DB = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const secret = 'bench-cluster-secret-0123456789abcdef'
const root = join(import.meta.dirname, '../..')
if (!buildSync(root)) throw new Error('building apps/sync failed')

interface Row {
  instances: number
  rooms: number
  cpuPct: number
  usPerEdit: number
  p50: number
  p99: number
  edits: number
  drops: number
  generatorCpuPct: number
}

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: ADMIN_DB })
  await client.connect()
  await client.query(sql).finally(() => client.end())
}

function instance(label: string, databaseUrl: string, core: number): Promise<ServerProc> {
  const start = syncStartArgs(root)
  return launch({
    label,
    args: start.args,
    cwd: start.cwd,
    core,
    env: {
      SYNC_PORT: '0',
      SYNC_HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'mockroom-bench-cluster-')),
      DATABASE_URL: databaseUrl,
      REDIS_URL,
      SESSION_SECRET: secret,
      LOG_LEVEL: 'info',
    },
    ready: /"port":(\d+)/,
  })
}

const roles = { w0: 'interviewer', w1: 'candidate', observer: 'observer' } as const
const token = (room: string, who: keyof typeof roles) =>
  signSessionToken(
    { roomId: room, sessionId: room, participantId: `${room}-${who}`, role: roles[who], name: who },
    secret,
    3600,
  )
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms))
async function until(check: () => boolean, timeoutMs: number) {
  const end = Date.now() + timeoutMs
  while (Date.now() < end && !check()) await sleep(100)
}
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN
}

async function measure(instances: 1 | 2, rooms: number): Promise<Row> {
  const database = `mockroom_bench_${randomBytes(4).toString('hex')}`
  await admin(`create database ${database}`)
  const url = ADMIN_DB.replace(/\/[^/]*$/, `/${database}`)
  // one instance on core 1 (as bench:steady); two on cores 1 and 0
  const procs: ServerProc[] = []
  try {
    for (let i = 0; i < instances; i++) procs.push(await instance(`sync${i + 1}`, url, 1 - i))
    const [a, b = a] = procs.map((p) => p.port) as [number, number?]
    const portFor = (r: number, who: 'w0' | 'w1' | 'observer') =>
      who === 'w0' ? a : who === 'w1' ? b : r % 2 ? a : b
    const warm = new SteadyLoad({ port: a, portFor, rooms: 10, rate: RATE, prefix: 'warm', token })
    await warm.connect()
    await sleep(2000)
    warm.close()
    const load = new SteadyLoad({ port: a, portFor, rooms, rate: RATE, token })
    await load.connect()
    await sleep(WARMUP)
    const cpu = () => procs.reduce((sum, p) => sum + p.cpuMs(), 0)
    const cpu0 = cpu()
    const gen0 = process.cpuUsage()
    const t0 = performance.now()
    load.startWindow()
    await sleep(DURATION)
    load.stopWindow()
    const used = cpu() - cpu0
    const gen = process.cpuUsage(gen0)
    const wall = performance.now() - t0
    await until(() => load.missing() === 0, 5000)
    load.close()
    return {
      instances,
      rooms,
      cpuPct: (used / wall) * 100,
      usPerEdit: (used * 1000) / load.sent,
      p50: pct(load.latencies, 50),
      p99: pct(load.latencies, 99),
      edits: load.sent,
      drops: load.missing() + load.disconnects,
      generatorCpuPct: ((gen.user + gen.system) / 1000 / wall) * 100,
    }
  } finally {
    await Promise.all(procs.map((p) => p.stop()))
    await admin(`drop database if exists ${database} with (force)`)
  }
}

const f = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '-')
console.log(
  `bench:steady-cluster — ${RATE} chars/s per writer, 2 writers + 1 observer per room, warm-up ${WARMUP / 1000} s, window ${DURATION / 1000} s; ` +
    `instances ${hasTaskset ? 'pinned (one: core 1; two: cores 1 and 0)' : 'not pinned (no taskset)'}; PostgreSQL + Redis`,
)
const rows: Row[] = []
for (const rooms of roomCounts) {
  for (const instances of [1, 2] as const) {
    const row = await measure(instances, rooms)
    rows.push(row)
    console.log(
      `  ${instances} instance(s) @ ${rooms}: p99 ${f(row.p99, 1)} ms, drops ${row.drops}, generator CPU ${f(row.generatorCpuPct)}%, load avg ${loadavg()[0]?.toFixed(1)}`,
    )
  }
}
console.log(
  '\n| rooms | | p50 ms | p99 ms | edits | drops | CPU µs/edit (all instances) | CPU % of a core |',
)
console.log('|---|---|---|---|---|---|---|---|')
for (const r of rows)
  console.log(
    `| ${r.rooms} | ${r.instances === 1 ? 'one instance' : 'two, writers split'} | ${f(r.p50, 1)} | ${f(r.p99, 1)} | ${r.edits} | ${r.drops} | ${f(r.usPerEdit, 1)} | ${f(r.cpuPct)} |`,
  )
process.exit(0)
