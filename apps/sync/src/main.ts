import { loadDevSecret } from '@mockroom/store'
import { pino } from 'pino'
import { readEnv } from './env'
import { livekitCallControl } from './session/call-control'
import { startSync } from './server/start-sync'
import {
  startTranscriptionSupervisor,
  type TranscriptionSupervisor,
} from './transcription/transcription-supervisor'

const env = readEnv()
const logger = pino({ level: env.LOG_LEVEL, name: 'sync' })
// set once the server listens; a track this instance finishes wakes it at once
let transcription: TranscriptionSupervisor | null = null
const server = await startSync({
  port: env.SYNC_PORT,
  host: env.SYNC_HOST,
  store: { dataDir: env.DATA_DIR, databaseUrl: env.DATABASE_URL },
  secret: env.SESSION_SECRET ?? loadDevSecret(env.DATA_DIR),
  ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
  metrics: Boolean(env.REDIS_URL) || env.METRICS === 'true',
  trustProxy: env.TRUST_PROXY,
  audioRetentionDays: env.AUDIO_RETENTION_DAYS,
  ffmpegPath: env.FFMPEG_PATH,
  onTranscriptionQueued: () => transcription?.wake(),
  ...(env.HEALTHZ_TOKEN ? { healthzToken: env.HEALTHZ_TOKEN } : {}),
  logger,
  call: livekitCallControl(
    { url: env.LIVEKIT_URL, apiKey: env.LIVEKIT_API_KEY, apiSecret: env.LIVEKIT_API_SECRET },
    logger,
  ),
})
logger.info(
  { port: server.port, dataDir: env.DATA_DIR, cluster: Boolean(env.REDIS_URL) },
  'sync server listening',
)

// recorded tracks become transcript lines in a worker process, never in a request's path; the
// poll finds other instances' jobs and a restart's backlog, this instance's own wake it
if (env.TRANSCRIPTION === 'on')
  transcription = startTranscriptionSupervisor({
    pending: () => server.pendingTranscriptions(),
    logger,
    pollMs: 30_000,
  })

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'shutting down')
    void Promise.all([transcription?.stop(), server.close()]).then(() => process.exit(0))
  })
}
