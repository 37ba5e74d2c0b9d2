import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { freePort } from '@mockroom/test-support/services'
import { e2eLivekitUrl, LIVEKIT_KEY, LIVEKIT_SECRET } from './livekit-server-kit'

const root = resolve(import.meta.dirname, '../..')

export interface AppServer {
  origin: string
  stop: () => Promise<void>
}

/**
 * For a spec that needs settings the shared e2e server does not have: `pnpm start` (web + sync)
 * on free ports and a data folder of its own, with `env` added. The web build is the one the
 * shared server made (same sources), so it starts in seconds.
 */
export async function startAppServer(env: Record<string, string>): Promise<AppServer> {
  const [port, syncPort] = [await freePort(), await freePort()]
  const dataDir = mkdtempSync(join(tmpdir(), 'mockroom-app-'))
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      SYNC_PORT: String(syncPort),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // nothing listens there: no call server of its own
      LIVEKIT_URL: e2eLivekitUrl(),
      LIVEKIT_API_KEY: LIVEKIT_KEY,
      LIVEKIT_API_SECRET: LIVEKIT_SECRET,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const log: string[] = []
  for (const stream of [child.stdout, child.stderr])
    createInterface({ input: stream }).on('line', (line) => log.push(line))
  const origin = `http://localhost:${port}`
  const exited = new Promise<never>((_, fail) =>
    child.once('exit', (code) =>
      fail(new Error(`pnpm start exited (${code}):\n${log.slice(-30).join('\n')}`)),
    ),
  )
  // ready when the web app answers; the sync server is up by then or moments later (the room waits)
  const ready = (async () => {
    for (;;) {
      const ok = await fetch(`${origin}/api/questions`).then(
        (r) => r.ok,
        () => false,
      )
      if (ok) return
      await new Promise((r) => setTimeout(r, 250))
    }
  })()
  await Promise.race([ready, exited])
  return {
    origin,
    stop: async () => {
      if (child.exitCode === null && child.pid) {
        const gone = new Promise((done) => child.once('exit', done))
        process.kill(-child.pid, 'SIGTERM')
        await gone
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
