// A server under test in its own process: launch (pinned to one core when taskset exists), CPU time
// and RSS from /proc, live heap after a forced GC over the inspector protocol, clean stop.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import WebSocket from 'ws'

const TICKS = 100 // USER_HZ on Linux

export interface ServerProc {
  label: string
  child: ChildProcess
  pid: number
  port: number
  /** the process's inspector (DevTools protocol) WebSocket URL */
  inspectorUrl: string
  /** user + system CPU time so far, ms */
  cpuMs(): number
  /** CPU time so far per thread (name from /proc comm), user and system apart, ms */
  threads(): ThreadCpu[]
  rssMb(): number
  /** bytes of live JS heap after two forced collections */
  liveHeap(): Promise<number>
  documents(): Promise<number>
  stop(): Promise<void>
}

export interface ThreadCpu {
  tid: number
  name: string
  userMs: number
  sysMs: number
}

export const hasTaskset = spawnSync('taskset', ['-c', '1', 'true']).status === 0

export interface LaunchSpec {
  label: string
  /** node arguments before the script, then the script and its arguments */
  args: string[]
  cwd: string
  env: Record<string, string>
  /** the listening port, from a line on stdout */
  ready: RegExp
  core?: number
}

export function launch(spec: LaunchSpec): Promise<ServerProc> {
  const nodeArgs = ['--inspect=127.0.0.1:0', ...spec.args]
  const [cmd, args] = hasTaskset
    ? ['taskset', ['-c', String(spec.core ?? 1), process.execPath, ...nodeArgs]]
    : [process.execPath, nodeArgs]
  const child = spawn(cmd, args, {
    cwd: spec.cwd,
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let inspectorUrl = ''
  let port = 0
  return new Promise((resolve, reject) => {
    const maybeReady = () => {
      if (!port || !inspectorUrl) return
      const pid = child.pid ?? 0
      resolve({
        label: spec.label,
        child,
        pid,
        port,
        inspectorUrl,
        cpuMs: () => cpuMs(pid),
        threads: () => threadsCpu(pid),
        rssMb: () => rssMb(pid),
        liveHeap: () => liveHeap(inspectorUrl),
        documents: async () => {
          const res = await fetch(`http://127.0.0.1:${port}/healthz`)
          return ((await res.json()) as { documents: number }).documents
        },
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done()
            child.once('exit', () => done())
            child.kill('SIGTERM')
          }),
      })
    }
    child.stdout?.on('data', (d: Buffer) => {
      const m = spec.ready.exec(d.toString())
      if (m && !port) {
        port = Number(m[1])
        maybeReady()
      }
    })
    child.stderr?.on('data', (d: Buffer) => {
      const text = d.toString()
      const m = /Debugger listening on (ws:\/\/\S+)/.exec(text)
      if (m?.[1]) {
        inspectorUrl = m[1]
        maybeReady()
      } else if (!/Debugger|inspector|For help/.test(text)) process.stderr.write(text)
    })
    child.once('exit', (code) => reject(new Error(`${spec.label} exited ${code}`)))
  })
}

function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS
}

function threadsCpu(pid: number): ThreadCpu[] {
  return readdirSync(`/proc/${pid}/task`).map((tid) => {
    const dir = `/proc/${pid}/task/${tid}`
    const fields = readFileSync(`${dir}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    return {
      tid: Number(tid),
      name: readFileSync(`${dir}/comm`, 'utf8').trim(),
      userMs: (Number(fields[11]) * 1000) / TICKS,
      sysMs: (Number(fields[12]) * 1000) / TICKS,
    }
  })
}

/** Per-thread CPU between two readings, grouped by thread name, busiest first. */
export function threadsDelta(before: ThreadCpu[], after: ThreadCpu[]) {
  const start = new Map(before.map((t) => [t.tid, t]))
  const byName = new Map<string, { userMs: number; sysMs: number }>()
  for (const t of after) {
    const b = start.get(t.tid)
    const sum = byName.get(t.name) ?? { userMs: 0, sysMs: 0 }
    sum.userMs += t.userMs - (b?.userMs ?? 0)
    sum.sysMs += t.sysMs - (b?.sysMs ?? 0)
    byName.set(t.name, sum)
  }
  return [...byName].sort((a, b) => b[1].userMs + b[1].sysMs - a[1].userMs - a[1].sysMs)
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return Number(m?.[1] ?? 0) / 1024
}

// HeapProfiler.collectGarbage, then Runtime.getHeapUsage: what a forced GC leaves alive
async function liveHeap(url: string): Promise<number> {
  const ws = new WebSocket(url)
  await new Promise((ok, fail) => ws.once('open', ok).once('error', fail))
  let next = 1
  const call = (method: string) =>
    new Promise<Record<string, unknown>>((ok) => {
      const id = next++
      const onMessage = (raw: Buffer) => {
        const msg = JSON.parse(raw.toString()) as { id?: number; result?: Record<string, unknown> }
        if (msg.id !== id) return
        ws.off('message', onMessage)
        ok(msg.result ?? {})
      }
      ws.on('message', onMessage)
      ws.send(JSON.stringify({ id, method }))
    })
  await call('HeapProfiler.collectGarbage')
  await call('HeapProfiler.collectGarbage')
  const usage = await call('Runtime.getHeapUsage')
  ws.close()
  return Number(usage.usedSize)
}
