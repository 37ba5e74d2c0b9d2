// Test helpers for the cluster tests: a private redis-server, a fresh PostgreSQL database and a
// TCP proxy that a test can cut (PostgreSQL unreachable) or point at live backends (a balancer).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import net from 'node:net'
import pg from 'pg'

export const adminUrl =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

/**
 * Why the cluster suites skip here (no PostgreSQL or no redis-server), or null when they run.
 * Under CI=true a missing service fails the suite instead: a skipped cluster suite would let CI
 * report cluster mode green without ever running it.
 */
export async function clusterSkipReason(): Promise<string | null> {
  const missing = await missingService()
  if (missing !== null && process.env.CI === 'true')
    throw new Error(`CI=true, but the cluster suites cannot run: ${missing}`)
  if (missing !== null) console.warn(`cluster suite skipped: ${missing}`)
  return missing
}

async function missingService(): Promise<string | null> {
  if (spawnSync('redis-server', ['--version']).status !== 0) return 'redis-server is not installed'
  const c = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2_000 })
  try {
    await c.connect()
    await c.end()
    return null
  } catch {
    return `no PostgreSQL at ${adminUrl} (set TEST_DATABASE_URL)`
  }
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

/** A database of its own for one test file, dropped at the end. */
export async function freshDatabase() {
  const name = `mockroom_cluster_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`)
      await c.end()
    },
  }
}

/**
 * A TCP proxy on a free port. `cut()` drops every connection and refuses new ones until
 * `restore()`; `targets` are tried in turn per connection (round robin), skipping dead ones.
 */
export async function tcpProxy(targets: () => number[]) {
  const sockets = new Set<net.Socket>()
  let cutOff = false
  let turn = 0
  const server = net.createServer((client) => {
    if (cutOff) return client.destroy()
    sockets.add(client)
    client.once('close', () => sockets.delete(client))
    client.on('error', () => client.destroy())
    const ports = targets()
    const tryTarget = (attempt: number) => {
      if (attempt >= ports.length) return client.destroy()
      const port = ports[turn++ % ports.length] as number
      const upstream = net.connect(port, '127.0.0.1')
      let connected = false
      upstream.once('connect', () => {
        connected = true
        sockets.add(upstream)
        upstream.once('close', () => sockets.delete(upstream))
        client.pipe(upstream).pipe(client)
        upstream.on('close', () => client.destroy())
        client.on('close', () => upstream.destroy())
      })
      upstream.on('error', () => {
        upstream.destroy()
        if (connected) client.destroy()
        else tryTarget(attempt + 1)
      })
    }
    tryTarget(0)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as net.AddressInfo).port,
    cut() {
      cutOff = true
      for (const s of sockets) s.destroy()
    },
    restore() {
      cutOff = false
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}
