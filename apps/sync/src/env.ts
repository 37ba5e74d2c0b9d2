import { resolve } from 'node:path'
import { z } from 'zod'

// The only place this app reads process.env.
const schema = z.object({
  SYNC_PORT: z.coerce.number().int().min(0).max(65535).default(1234),
  SYNC_HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  SESSION_SECRET: z.string().min(16).optional(),
  // an OpenAI-compatible /v1/audio/transcriptions endpoint for server-side transcription (optional)
  TRANSCRIBER_URL: z.url().optional(),
  TRANSCRIBER_API_KEY: z.string().optional(),
  TRANSCRIBER_MODEL: z.string().optional(),
  // the same LiveKit server and keys as the web app (defaults match `livekit-server --dev`)
  LIVEKIT_URL: z
    .string()
    .regex(/^wss?:\/\//, 'must be a ws:// or wss:// URL')
    .default('ws://localhost:7880'),
  LIVEKIT_API_KEY: z.string().min(1).default('devkey'),
  LIVEKIT_API_SECRET: z.string().min(1).default('secret'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export type SyncEnv = z.infer<typeof schema> & { DATA_DIR: string }

export function readEnv(source: NodeJS.ProcessEnv = process.env): SyncEnv {
  const parsed = schema.safeParse(source)
  if (!parsed.success) {
    throw new Error(`invalid environment: ${z.prettifyError(parsed.error)}`)
  }
  return { ...parsed.data, DATA_DIR: resolve(parsed.data.DATA_DIR) }
}
