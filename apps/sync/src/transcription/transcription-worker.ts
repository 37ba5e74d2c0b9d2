// The transcription worker: a child process of the sync server, at the lowest CPU priority, so
// Whisper never competes with live editing. It takes job rows until none is left, then idles a
// while and exits, giving its model's memory back; the supervisor starts it again on new work.
import { setPriority } from 'node:os'
import { openStore } from '@mockroom/store'
import { pino } from 'pino'
import { readEnv } from '../env'
import { httpTranscriber } from './http-transcriber'
import type { Transcriber } from './transcriber'
import { bundledModel, modelFolder } from './model-files'
import { runNextJob } from './transcription-jobs'
import { whisperTranscriber } from './whisper-engine'

const JOB_ATTEMPTS = 3
const POLL_MS = 2000
const IDLE_EXIT_MS = 60_000

const env = readEnv()
const logger = pino({ level: env.LOG_LEVEL, name: 'transcription' })
try {
  setPriority(0, 19)
} catch {
  // not allowed to lower it on this system: it still runs, one job at a time
}

function engine(): Transcriber & { close?(): Promise<void> } {
  if (env.TRANSCRIBER_URL)
    return httpTranscriber(env.TRANSCRIBER_URL, {
      ...(env.TRANSCRIBER_API_KEY ? { apiKey: env.TRANSCRIBER_API_KEY } : {}),
      ...(env.TRANSCRIBER_MODEL ? { model: env.TRANSCRIBER_MODEL } : {}),
    })
  const model = env.WHISPER_MODEL_DIR
    ? modelFolder(env.WHISPER_MODEL_DIR)
    : bundledModel(env.WHISPER_MODEL)
  return whisperTranscriber({ model, threads: env.TRANSCRIPTION_THREADS, ffmpeg: env.FFMPEG_PATH })
}

const store = await openStore({ dataDir: env.DATA_DIR, databaseUrl: env.DATABASE_URL })
const transcriber = engine()
let stopping = false
process.once('SIGTERM', () => (stopping = true))
process.on('disconnect', () => (stopping = true))

let idleSince = Date.now()
while (!stopping && Date.now() - idleSince < IDLE_EXIT_MS) {
  const ran = await runNextJob({
    store,
    transcriber,
    leaseMs: env.TRANSCRIPTION_LEASE_SECONDS * 1000,
    maxAttempts: JOB_ATTEMPTS,
    log: (event, fields) => logger.info(fields, event),
  })
  if (ran) idleSince = Date.now()
  else await new Promise((resolve) => setTimeout(resolve, POLL_MS))
}
await transcriber.close?.()
await store.close()
process.exit(0)
