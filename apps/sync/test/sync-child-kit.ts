// A sync server in a process of its own (cluster-child.ts), for the suites that kill one.
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { secret } from './test-kit'

const child = fileURLToPath(new URL('./cluster-child.ts', import.meta.url))
const syncDir = fileURLToPath(new URL('..', import.meta.url))

export interface SyncChild {
  port: number
  proc: ChildProcess
  /** false once the process has exited */
  alive: boolean
}

/** Starts one with `env` (DATA_DIR at least) and resolves once it listens on its port. */
export function spawnSyncChild(env: Record<string, string>): Promise<SyncChild> {
  const proc = spawn(process.execPath, ['--import', 'tsx', child], {
    cwd: syncDir,
    env: { ...process.env, SYNC_PORT: '0', SESSION_SECRET: secret, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /listening (\d+)/.exec(out)
      if (m) {
        const instance = { port: Number(m[1]), proc, alive: true }
        proc.once('exit', () => (instance.alive = false))
        resolve(instance)
      }
    })
    proc.once('exit', (code) => reject(new Error(`sync server exited (${code}): ${out}`)))
  })
}

/** Resolves once `p` has exited (at once when it already has). */
export const exited = (p: ChildProcess) =>
  new Promise<void>((resolve) =>
    p.exitCode !== null || p.signalCode !== null ? resolve() : p.once('exit', () => resolve()),
  )
