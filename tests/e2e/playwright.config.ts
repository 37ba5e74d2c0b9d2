import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { defineConfig } from '@playwright/test'

// Debian's Chromium where there is one (this workplace cannot download Playwright's browser);
// otherwise Playwright's own. CHROMIUM_PATH overrides both.
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)
const webPort = Number(process.env.E2E_WEB_PORT ?? 3100)
const syncPort = Number(process.env.E2E_SYNC_PORT ?? 3101)
const dataDir = mkdtempSync(join(tmpdir(), 'mockroom-e2e-'))
const root = resolve(import.meta.dirname, '../..')

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./skip-reasons-reporter.ts']],
  use: {
    baseURL: `http://localhost:${webPort}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
      ],
    },
  },
  webServer: {
    command: 'node scripts/start.mjs',
    cwd: root,
    url: `http://localhost:${webPort}/api/questions`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(webPort),
      SYNC_PORT: String(syncPort),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // a real LiveKit server when one is given (livekit-real.spec.ts); otherwise a port where
      // nothing listens, so the rooms show "audio offline" even if a dev server runs on 7880
      LIVEKIT_URL: process.env.LIVEKIT_URL ?? 'ws://127.0.0.1:7',
      LIVEKIT_API_KEY: process.env.LIVEKIT_API_KEY ?? 'devkey',
      LIVEKIT_API_SECRET: process.env.LIVEKIT_API_SECRET ?? 'secret',
    },
  },
})
