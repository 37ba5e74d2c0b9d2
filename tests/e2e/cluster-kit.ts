import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { servicesMissing } from '@mockroom/test-support/services'
import pg from 'pg'
import { addServer, haproxyCommand, serverStates } from '../../scripts/haproxy-admin.mjs'
import { e2eLivekitUrl, LIVEKIT_KEY, LIVEKIT_SECRET } from './livekit-server-kit'

// A real cluster for the cluster specs: `scripts/start-cluster.mjs` (2 web + 2 sync + HAProxy) on
// a fresh PostgreSQL database and the local Redis, driven through HAProxy's runtime API.

const root = resolve(import.meta.dirname, '../..')
const ADMIN_DB = process.env.CLUSTER_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const REDIS_URL = process.env.CLUSTER_REDIS_URL ?? 'redis://127.0.0.1:6379'

export interface Cluster {
  origin: string
  /** HAProxy's admin socket */
  admin: string
  /** instance name (web1, sync2, …) → pid and port */
  instances: Map<string, { pid: number; port: number }>
  /** the environment every instance runs with (for one added later) */
  env: NodeJS.ProcessEnv
  stop(): Promise<void>
}

/** Host and port of the PostgreSQL and Redis servers the cluster uses. */
export function serviceAddresses() {
  const db = new URL(ADMIN_DB)
  const redis = new URL(REDIS_URL)
  return {
    database: { host: db.hostname, port: Number(db.port || 5432) },
    redis: { host: redis.hostname, port: Number(redis.port || 6379) },
  }
}

/** null when PostgreSQL, Redis and HAProxy all answer; throws under CI=true when one does not. */
export function missingService(): Promise<string | null> {
  return servicesMissing('the cluster e2e suite', [
    { kind: 'haproxy' },
    { kind: 'postgres', url: ADMIN_DB },
    { kind: 'redis', url: REDIS_URL },
  ])
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_DB })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/**
 * Starts the cluster with its balancer on `port`; resolves once it says it is ready. With
 * `via`, the instances reach PostgreSQL and Redis through those ports (cuttable proxies).
 */
export async function startCluster(
  port: number,
  via: { databasePort?: number; redisPort?: number } = {},
): Promise<Cluster> {
  const { databasePort, redisPort } = via
  const database = `mockroom_cluster_${randomBytes(4).toString('hex')}`
  await adminQuery(`create database ${database}`)
  const url = new URL(ADMIN_DB)
  url.pathname = `/${database}`
  if (databasePort) {
    url.hostname = '127.0.0.1'
    url.port = String(databasePort)
  }
  const env = {
    ...process.env,
    PORT: String(port),
    SESSION_SECRET: randomBytes(24).toString('base64url'),
    DATABASE_URL: url.toString(),
    REDIS_URL: redisPort ? `redis://127.0.0.1:${redisPort}` : REDIS_URL,
    // rate counts of this run only: the local Redis outlives runs (web; sync keeps its own keys)
    REDIS_KEY_PREFIX: `mockroom-test-${database}:`,
    LOG_LEVEL: 'warn',
    // as for the other specs: nothing listens there, so the runner starts no LiveKit of its own
    LIVEKIT_URL: e2eLivekitUrl(),
    LIVEKIT_API_KEY: LIVEKIT_KEY,
    LIVEKIT_API_SECRET: LIVEKIT_SECRET,
  }
  const runner = spawn(process.execPath, ['scripts/start-cluster.mjs'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const instances = new Map<string, { pid: number; port: number }>()
  let admin = ''
  const log: string[] = []
  await new Promise<void>((ready, fail) => {
    createInterface({ input: runner.stderr }).on('line', (line) => log.push(line))
    createInterface({ input: runner.stdout }).on('line', (line) => {
      log.push(line)
      const started = /^\[cluster\] (\w+) pid (\d+) on 127\.0\.0\.1:(\d+)/.exec(line)
      if (started) instances.set(started[1]!, { pid: Number(started[2]), port: Number(started[3]) })
      admin = /admin socket (\S+)/.exec(line)?.[1] ?? admin
      if (line.startsWith('[cluster] ready')) ready()
    })
    runner.once('exit', (code) =>
      fail(new Error(`cluster runner exited (${code}):\n${log.slice(-30).join('\n')}`)),
    )
  })
  return {
    origin: `http://localhost:${port}`,
    admin,
    instances,
    env: { ...env, CLUSTER: 'true', TRUST_PROXY: 'true' },
    stop: async () => {
      await stopChild(runner)
      await adminQuery(`drop database if exists ${database} with (force)`)
    },
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((done) => {
    child.once('exit', () => done())
    child.kill('SIGTERM')
  })
}

/** New connections go to `server` only: the other sync servers drain (they keep what they hold). */
export async function pinSync(cluster: Cluster, server: string): Promise<void> {
  for (const s of await serverStates(cluster.admin)) {
    if (s.backend !== 'sync') continue
    const state = s.server === server ? 'ready' : 'drain'
    await haproxyCommand(cluster.admin, `set server sync/${s.server} state ${state}`)
  }
}

/** Every sync server takes new connections again (round robin). */
export async function unpinSync(cluster: Cluster): Promise<void> {
  for (const s of await serverStates(cluster.admin))
    if (s.backend === 'sync')
      await haproxyCommand(cluster.admin, `set server sync/${s.server} state ready`)
}

/** Current WebSocket sessions per sync server, as the balancer counts them. */
export async function syncSessions(cluster: Cluster): Promise<Record<string, number>> {
  const states = (await serverStates(cluster.admin)).filter((s) => s.backend === 'sync')
  return Object.fromEntries(states.map((s) => [s.server, s.sessions]))
}

/** Status of one server in the balancer (UP, DOWN, DRAIN, MAINT…). */
export async function serverStatus(cluster: Cluster, backend: string, server: string) {
  const found = (await serverStates(cluster.admin)).find(
    (s) => s.backend === backend && s.server === server,
  )
  return found?.status ?? 'absent'
}

/** Starts one more sync instance (its own process) and adds it to the running balancer. */
export async function addSyncInstance(cluster: Cluster, name: string, port: number) {
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: join(root, 'apps/sync'),
    env: { ...cluster.env, SYNC_PORT: String(port), SYNC_HOST: '127.0.0.1' },
    stdio: 'ignore',
  })
  await addServer(cluster.admin, 'sync', name, `127.0.0.1:${port}`)
  return { child, stop: () => stopChild(child) }
}

export { serverStates }
