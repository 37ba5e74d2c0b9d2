import { resolve } from 'node:path'
import { z } from 'zod'

// The only place this app reads process.env.
const schema = z.object({
  SYNC_PORT: z.coerce.number().int().min(0).max(65535).default(1234),
  SYNC_HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  SESSION_SECRET: z.string().min(16).optional(),
  // recorded tracks are transcribed after they end, in a low-priority worker process
  TRANSCRIPTION: z.enum(['on', 'off']).default('on'),
  // the bundled Whisper model the worker runs (offline), or an operator's own folder of files;
  // base by default: tiny got 150 of 100 words wrong in bench:transcribe, base 5 (performance.md)
  WHISPER_MODEL: z.enum(['tiny', 'base']).default('base'),
  WHISPER_MODEL_DIR: z.string().optional(),
  TRANSCRIPTION_THREADS: z.coerce.number().int().min(1).max(16).default(2),
  FFMPEG_PATH: z.string().default('ffmpeg'),
  // a job whose worker stops renewing this lease (it crashed) is taken by the next worker
  TRANSCRIPTION_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  // instead of Whisper: an OpenAI-compatible /v1/audio/transcriptions endpoint
  TRANSCRIBER_URL: z.url().optional(),
  TRANSCRIBER_API_KEY: z.string().optional(),
  TRANSCRIBER_MODEL: z.string().optional(),
  // recorded audio (tracks, chunks, files, server transcript lines) older than this is deleted;
  // 0 keeps it until its owner deletes it
  AUDIO_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(90),
  // the same LiveKit server and keys as the web app (defaults match `livekit-server --dev`)
  LIVEKIT_URL: z
    .string()
    .regex(/^wss?:\/\//, 'must be a ws:// or wss:// URL')
    .default('ws://localhost:7880'),
  LIVEKIT_API_KEY: z.string().min(1).default('devkey'),
  LIVEKIT_API_SECRET: z.string().min(1).default('secret'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // set: cluster mode (several sync instances share rooms through Redis and PostgreSQL)
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  // `pnpm start:cluster` marks every instance; for sync it only makes a missing REDIS_URL an error
  CLUSTER: z.enum(['true', 'false']).optional(),
  // /healthz details (documents, connections) for callers other than this machine's loopback
  HEALTHZ_TOKEN: z.string().min(16).optional(),
  // Prometheus /metrics on one instance too (always on in cluster mode)
  METRICS: z.enum(['true', 'false']).optional(),
  // behind a balancer that appends X-Forwarded-For (HAProxy's `option forwardfor`): per-address
  // limits count the client's address, not the balancer's
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0', ''])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
})

// Cluster mode has no local state to fall back on: the secret, the database and Redis are shared.
function clusterProblems(env: z.infer<typeof schema>): string[] {
  if (!env.REDIS_URL && env.CLUSTER !== 'true') return []
  const problems: string[] = []
  if (!env.REDIS_URL) problems.push('REDIS_URL is required (documents are shared through Redis)')
  if (!env.SESSION_SECRET) problems.push('SESSION_SECRET is required (the same on every instance)')
  if (!env.DATABASE_URL?.startsWith('postgres'))
    problems.push('DATABASE_URL must be a postgres:// URL (SQLite is one machine only)')
  return problems
}

export type SyncEnv = z.infer<typeof schema> & { DATA_DIR: string }

export function readEnv(source: Record<string, string | undefined> = process.env): SyncEnv {
  const parsed = schema.safeParse(source)
  if (!parsed.success) {
    throw new Error(`invalid environment: ${z.prettifyError(parsed.error)}`)
  }
  const problems = clusterProblems(parsed.data)
  if (problems.length > 0) {
    throw new Error(
      `cluster mode (REDIS_URL or CLUSTER=true) needs:\n  ✖ ${problems.join('\n  ✖ ')}`,
    )
  }
  return { ...parsed.data, DATA_DIR: resolve(parsed.data.DATA_DIR) }
}
