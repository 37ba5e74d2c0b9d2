import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { defineConfig } from '@playwright/test'
import { fakeMediaLaunch } from './fake-media'
import { writeFakeSpeech } from './fake-speech'
import { e2eLivekitUrl, e2eWebPort, LIVEKIT_KEY, LIVEKIT_SECRET } from './livekit-server-kit'

const webPort = e2eWebPort()
const syncPort = Number(process.env.E2E_SYNC_PORT ?? 3101)
// workers inherit this, so a spec can read what the web app stored (livekit-real.spec.ts)
const dataDir = (process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'mockroom-e2e-')))
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
    launchOptions: fakeMediaLaunch(writeFakeSpeech(join(tmpdir(), 'mockroom-fake-speech-v1.wav')), [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ]),
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
      // the suite makes ~100 rooms from one address, in under 10 minutes on a quiet machine
      ROOMS_PER_ADDRESS: '1000',
      // livekit-real.spec.ts runs its own LiveKit server here (E2E_LIVEKIT_PORT); outside that
      // spec nothing listens, so the other rooms show "audio offline"
      LIVEKIT_URL: e2eLivekitUrl(),
      LIVEKIT_API_KEY: LIVEKIT_KEY,
      LIVEKIT_API_SECRET: LIVEKIT_SECRET,
      // shorter than the real-call suite's longest call, which proves the call outlives its token
      LIVEKIT_TOKEN_TTL_SECONDS: '20',
    },
  },
})
