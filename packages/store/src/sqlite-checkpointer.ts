import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/**
 * Runs in the checkpoint thread: its own connection to the same file, a PASSIVE checkpoint every
 * `everyMs` (copies the WAL into the database and syncs it, without blocking writers or readers).
 * Plain JavaScript with nothing from outside (it is sent as source text), so tsx, Vitest and the
 * esbuild bundle run it unchanged; `require` is handed in as text, where no bundler rewrites it.
 */
function checkpointerMain(load: NodeJS.Require) {
  const threads = load('node:worker_threads') as typeof import('node:worker_threads')
  const parentPort = threads.parentPort
  const data = threads.workerData as {
    driver: string
    file: string
    everyMs: number
    rewindFrames: number
    /** [0] is 1 while a FULL checkpoint runs: the committing thread then holds its commits */
    gate: Int32Array
  }
  const Driver = load(data.driver) as typeof import('better-sqlite3')
  // lowest priority for this thread only (Linux: setpriority takes a thread id): sharing a core
  // with the event loop, a checkpoint yields to it instead of taking half of the core
  try {
    const fs = load('node:fs') as typeof import('node:fs')
    const os = load('node:os') as typeof import('node:os')
    os.setPriority(Number(fs.readlinkSync('/proc/thread-self').split('/').pop()), 19)
  } catch {
    // not Linux, or not allowed: the checkpoint still runs off the event loop
  }
  const db = new Driver(data.file)
  db.pragma('busy_timeout = 5000')
  const timer = setInterval(() => {
    try {
      const [done] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>
      // SQLite starts the WAL over only after a checkpoint that copied every frame, and under
      // steady commits a PASSIVE one never catches up with the end: the WAL grew without bound
      // (docs/performance.md). A FULL one copies the few frames the PASSIVE
      // one left while the gate holds commits back (waiting on SQLite's lock instead would put
      // the committing thread to sleep, and the lock goes to whoever polls first); the next
      // commit then rewinds the WAL.
      if (done && done.log > data.rewindFrames) {
        Atomics.store(data.gate, 0, 1)
        try {
          db.pragma('wal_checkpoint(FULL)')
        } finally {
          Atomics.store(data.gate, 0, 0)
        }
      }
    } catch {
      // busy or locked: the next round tries again; the WAL only grows meanwhile
    }
  }, data.everyMs)
  parentPort?.once('message', () => {
    clearInterval(timer)
    db.close()
    parentPort.close()
  })
}

/**
 * SQLite's WAL checkpoint off the main thread. A checkpoint syncs the database file, and on a
 * busy disk that takes tens of milliseconds: run by the committing connection (SQLite's
 * auto-checkpoint) it would stall the event loop that relays keystrokes. The caller turns its
 * connection's auto-checkpoint off (`wal_autocheckpoint = 0`); this thread checkpoints instead.
 */
export function startSqliteCheckpointer(
  file: string,
  everyMs = 1000,
  /** WAL frames (pages) above which a round ends with a FULL checkpoint */
  rewindFrames = 8192,
): SqliteCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const gate = new Int32Array(new SharedArrayBuffer(4))
  const worker = new Worker(`(${checkpointerMain.toString()})(require)`, {
    eval: true,
    workerData: { file, driver, everyMs, rewindFrames, gate },
  })
  // a checkpoint thread alone does not keep the process alive
  worker.unref()
  // a thread that dies mid-checkpoint must not hold commits back for good
  worker.once('exit', () => Atomics.store(gate, 0, 0))
  return {
    beforeCommit: () => {
      if (Atomics.load(gate, 0) === 0) return undefined
      // at most as long as SQLite's own busy timeout would wait (5 s); then commit anyway
      const deadline = Date.now() + 5000
      return new Promise<void>((resolve) => {
        const poll = () =>
          Atomics.load(gate, 0) === 0 || Date.now() > deadline ? resolve() : setTimeout(poll, 1)
        setTimeout(poll, 1)
      })
    },
    stop: async () => {
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
      worker.postMessage('stop')
      await exited
    },
  }
}

export interface SqliteCheckpointer {
  /** a promise while the thread rewinds the WAL (commit after it settles), else undefined */
  beforeCommit(): Promise<void> | undefined
  stop(): Promise<void>
}
