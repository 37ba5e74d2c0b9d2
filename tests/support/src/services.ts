// Real services for the suites that need them: PostgreSQL, Redis (the local server or a private
// redis-server) and HAProxy. Under CI=true a missing service fails the suite instead of skipping
// it: a skipped cluster suite would let CI report cluster mode green without ever running it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import net from 'node:net'
import { Redis } from 'ioredis'
import pg from 'pg'

export const adminUrl =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

export const underCi = Boolean(process.env.CI) && process.env.CI !== 'false'

export type Service =
  | { kind: 'postgres'; url?: string }
  | { kind: 'redis'; url: string }
  | { kind: 'redis-server' }
  | { kind: 'haproxy' }

async function missing(service: Service): Promise<string | null> {
  switch (service.kind) {
    case 'postgres': {
      const url = service.url ?? adminUrl
      const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 })
      return c.connect().then(
        () => c.end().then(() => null),
        () => `no PostgreSQL at ${url} (set TEST_DATABASE_URL)`,
      )
    }
    case 'redis': {
      const redis = new Redis(service.url, { lazyConnect: true, maxRetriesPerRequest: 0 })
      const ok = await redis.connect().then(
        () => redis.ping().then(() => true),
        () => false,
      )
      redis.disconnect()
      return ok ? null : `no Redis at ${service.url}`
    }
    case 'redis-server':
      return spawnSync('redis-server', ['--version']).status === 0
        ? null
        : 'redis-server is not installed'
    case 'haproxy':
      return ['/usr/sbin/haproxy', '/usr/local/sbin/haproxy'].some((p) => existsSync(p))
        ? null
        : 'HAProxy is not installed (apt-get install haproxy)'
  }
}

/**
 * Why `suite` cannot run here, or null when every service answers. Under CI=true a missing
 * service throws instead; elsewhere the reason is printed and the caller skips.
 */
export async function servicesMissing(
  suite: string,
  services: ReadonlyArray<Service>,
): Promise<string | null> {
  for (const service of services) {
    const reason = await missing(service)
    if (reason === null) continue
    if (underCi) throw new Error(`CI=true, but ${suite} cannot run: ${reason}`)
    console.warn(`${suite} skipped: ${reason}`)
    return reason
  }
  return null
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
}

/** A redis-server of the test's own, on a free port, that the test may stop and start again. */
export async function privateRedis() {
  const port = await freePort()
  let proc: ChildProcess | null = null
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const p = spawn('redis-server', [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
      ])
      proc = p
      let out = ''
      p.stdout.on('data', (d: Buffer) => {
        out += d.toString()
        if (out.includes('Ready to accept connections')) resolve()
      })
      p.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out}`)))
    })
  const stop = () =>
    new Promise<void>((resolve) => {
      const p = proc
      proc = null
      if (!p || p.exitCode !== null) return resolve()
      p.once('exit', () => resolve())
      p.kill('SIGKILL')
    })
  await start()
  return { url: `redis://127.0.0.1:${port}`, start, stop }
}

/**
 * A database of its own (one test file, or one test), dropped by `drop()`. The drop waits for the
 * test's pools to let go (pg's Pool.end() resolves before its sockets close, and forcing the drop
 * at once kills a closing connection: an unhandled error); a connection still open after 2 s, a
 * server that was killed, say, is then cut off.
 */
export async function freshDatabase(admin = adminUrl, prefix = 'mockroom_test') {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`
  const client = new pg.Client({ connectionString: admin })
  await client.connect()
  await client.query(`create database ${name}`)
  await client.end()
  const url = new URL(admin)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin })
      await c.connect()
      try {
        for (let attempt = 0; ; attempt++) {
          try {
            const force = attempt >= 100 ? ' with (force)' : ''
            await c.query(`drop database if exists ${name}${force}`)
            break
          } catch (err) {
            // 55006: the database is in use
            if ((err as { code?: string }).code !== '55006' || attempt >= 100) throw err
            await new Promise((resolve) => setTimeout(resolve, 20))
          }
        }
      } finally {
        await c.end()
      }
    },
  }
}
