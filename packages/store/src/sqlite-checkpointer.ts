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
    /** passive: the copying rounds, at the lowest priority; rewind: the FULL checkpoint */
    role: 'passive' | 'rewind'
    /** [0] is 1 while a FULL checkpoint runs: the committing thread then holds its commits */
    gate: Int32Array
    /** [0]: 1 when the passive thread asks for a rewind, 2 once the rewind thread stops */
    request: Int32Array
  }
  const Driver = load(data.driver) as typeof import('better-sqlite3')
  const db = new Driver(data.file)
  db.pragma('busy_timeout = 5000')

  if (data.role === 'rewind') {
    // Normal priority: commits wait while it runs, and at the lowest priority on a core shared
    // with a busy event loop it ran starved, holding them back (a priority inversion).
    // Atomics.waitAsync (Node ≥ 16) is in TypeScript's ES2024 library, not in this one's
    const atomics = Atomics as unknown as {
      waitAsync(a: Int32Array, i: number, v: number): { value: Promise<string> | string }
    }
    // one loop, no named functions: this source runs as text in the thread, where the helpers
    // tsx and esbuild add to named functions (`__name`) do not exist
    void (async () => {
      for (;;) {
        await atomics.waitAsync(data.request, 0, 0).value
        if (Atomics.load(data.request, 0) === 2) return
        // A FULL checkpoint copies the few frames the PASSIVE rounds left while the gate holds
        // commits back (waiting on SQLite's lock instead would put the committing thread to
        // sleep, and the lock goes to whoever polls first); the next commit rewinds the WAL.
        Atomics.store(data.gate, 0, 1)
        try {
          db.pragma('wal_checkpoint(FULL)')
        } catch {
          // busy or locked: the next request tries again
        } finally {
          Atomics.store(data.gate, 0, 0)
          Atomics.compareExchange(data.request, 0, 1, 0)
        }
      }
    })()
    // the port keeps this thread alive (a pending waitAsync does not); a message stops it
    parentPort?.once('message', () => {
      Atomics.store(data.request, 0, 2)
      Atomics.notify(data.request, 0)
      db.close()
      parentPort.close()
    })
    return
  }

  // lowest priority for this thread only (Linux: setpriority takes a thread id): sharing a core
  // with the event loop, a checkpoint yields to it instead of taking half of the core
  try {
    const fs = load('node:fs') as typeof import('node:fs')
    const os = load('node:os') as typeof import('node:os')
    os.setPriority(Number(fs.readlinkSync('/proc/thread-self').split('/').pop()), 19)
  } catch {
    // not Linux, or not allowed: the checkpoint still runs off the event loop
  }
  const timer = setInterval(() => {
    try {
      const [done] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>
      // SQLite starts the WAL over only after a checkpoint that copied every frame, and under
      // steady commits a PASSIVE one never catches up with the end: the WAL grew without bound
      // (docs/performance.md). Past the limit the rewind thread ends it with a FULL one.
      if (
        done &&
        done.log > data.rewindFrames &&
        Atomics.compareExchange(data.request, 0, 0, 1) === 0
      )
        Atomics.notify(data.request, 0)
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
  const request = new Int32Array(new SharedArrayBuffer(4))
  const start = (role: 'passive' | 'rewind') => {
    const worker = new Worker(`(${checkpointerMain.toString()})(require)`, {
      eval: true,
      workerData: { file, driver, everyMs, rewindFrames, role, gate, request },
    })
    // a checkpoint thread alone does not keep the process alive
    worker.unref()
    return worker
  }
  const passive = start('passive')
  const rewind = start('rewind')
  // a thread that dies mid-checkpoint must not hold commits back for good
  rewind.once('exit', () => Atomics.store(gate, 0, 0))
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
      const exited = (w: Worker) => new Promise<void>((resolve) => w.once('exit', () => resolve()))
      const both = Promise.all([exited(passive), exited(rewind)])
      passive.postMessage('stop')
      rewind.postMessage('stop')
      await both
    },
  }
}

export interface SqliteCheckpointer {
  /** a promise while the thread rewinds the WAL (commit after it settles), else undefined */
  beforeCommit(): Promise<void> | undefined
  stop(): Promise<void>
}
