import { fork, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Logger } from 'pino'

export interface SupervisorOptions {
  /** jobs waiting or running, from the store */
  pending(): Promise<number>
  logger: Pick<Logger, 'info' | 'warn' | 'error'>
  /** how often the store is asked for work while no worker runs */
  pollMs?: number
  /** the worker's environment (this process's by default: it reads the same settings) */
  env?: NodeJS.ProcessEnv
}

const here = dirname(fileURLToPath(import.meta.url))

// the bundle runs dist/transcription-worker.js; tests and `pnpm dev` run the TypeScript with tsx
function workerEntry(): { file: string; execArgv: string[] } {
  const built = join(here, 'transcription-worker.js')
  if (existsSync(built)) return { file: built, execArgv: [] }
  return { file: join(here, 'transcription-worker.ts'), execArgv: ['--import', 'tsx'] }
}

/**
 * Starts the transcription worker when the store has jobs and none runs. A worker that crashes
 * loses no job: its lease lapses and the next worker takes the job again.
 */
export function startTranscriptionSupervisor(options: SupervisorOptions) {
  let worker: ChildProcess | null = null
  let stopped = false
  let failures = 0
  let timer: NodeJS.Timeout | null = null

  const schedule = (ms: number) => {
    if (stopped) return
    timer = setTimeout(() => void check(), ms)
    timer.unref()
  }

  async function check() {
    if (stopped || worker) return
    let waiting = 0
    try {
      waiting = await options.pending()
    } catch (err) {
      options.logger.warn({ err }, 'transcription: could not read the job queue')
    }
    if (waiting > 0 && !stopped) spawnWorker()
    else schedule(options.pollMs ?? 3000)
  }

  function spawnWorker() {
    const { file, execArgv } = workerEntry()
    const child = fork(file, [], {
      execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      ...(options.env ? { env: options.env } : {}),
    })
    worker = child
    options.logger.info({ pid: child.pid }, 'transcription worker started')
    child.once('exit', (code, signal) => {
      worker = null
      if (stopped) return
      if (code === 0) failures = 0
      else {
        failures++
        options.logger.warn({ code, signal }, 'transcription worker stopped; jobs are kept')
      }
      // a worker that keeps failing at start is not restarted in a tight loop
      schedule(failures === 0 ? 0 : Math.min(60_000, 1000 * 2 ** failures))
    })
  }

  schedule(0)
  return {
    /** new work: look now rather than at the next poll */
    wake() {
      if (timer) clearTimeout(timer)
      schedule(0)
    },
    get workerPid() {
      return worker?.pid
    },
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      const child = worker
      if (!child) return
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      })
    },
  }
}

export type TranscriptionSupervisor = ReturnType<typeof startTranscriptionSupervisor>
