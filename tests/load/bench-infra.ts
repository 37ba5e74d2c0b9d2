// Shared infrastructure of bench:cluster-steady: a Redis server of its own (so its CPU time is ours
// alone), fresh PostgreSQL databases, and the CPU time of the PostgreSQL backends serving one
// database (read from /proc: backends name their database on their command line).
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import pg from 'pg'

const TICKS = 100 // USER_HZ on Linux

export function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS
  } catch {
    return 0 // gone
  }
}

async function freePort(): Promise<number> {
  const s = createServer()
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok))
  const { port } = s.address() as { port: number }
  await new Promise((ok) => s.close(ok))
  return port
}

export interface RedisProc {
  url: string
  pid: number
  stop(): void
}

/** a redis-server without persistence on a free port, on `cores` (taskset list) when given */
export async function startRedis(cores?: string): Promise<RedisProc> {
  const port = await freePort()
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']
  const child: ChildProcess = cores
    ? spawn('taskset', ['-c', cores, 'redis-server', ...args])
    : spawn('redis-server', args)
  await new Promise<void>((ok, fail) => {
    child.stdout?.on('data', (d: Buffer) => {
      if (/Ready to accept connections/.test(d.toString())) ok()
    })
    child.once('exit', (code) => fail(new Error(`redis-server exited ${code}`)))
  })
  return { url: `redis://127.0.0.1:${port}`, pid: child.pid ?? 0, stop: () => child.kill() }
}

export interface Database {
  name: string
  url: string
  /** CPU ms so far of the backends connected to this database (backends seen once stay counted) */
  backendCpuMs(): number
  drop(): Promise<void>
}

async function admin(adminUrl: string, sql: string) {
  const c = new pg.Client({ connectionString: adminUrl })
  await c.connect()
  await c.query(sql)
  await c.end()
}

export async function freshDatabase(adminUrl: string, setup?: string): Promise<Database> {
  const name = `mockroom_bench_${randomBytes(5).toString('hex')}`
  await admin(adminUrl, `create database ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  if (setup) await admin(url.toString(), setup)
  const seen = new Map<number, number>()
  return {
    name,
    url: url.toString(),
    backendCpuMs() {
      for (const entry of readdirSync('/proc')) {
        const pid = Number(entry)
        if (!pid) continue
        try {
          const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
          if (cmd.startsWith('postgres:') && cmd.includes(` ${name} `))
            seen.set(pid, processCpuMs(pid))
        } catch {
          // exited meanwhile
        }
      }
      let sum = 0
      for (const ms of seen.values()) sum += ms
      return sum
    },
    drop: () => admin(adminUrl, `drop database if exists ${name} with (force)`),
  }
}
