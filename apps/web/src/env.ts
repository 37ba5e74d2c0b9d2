import { resolve } from 'node:path'
import { z } from 'zod'

// The only place the web app reads process.env (server side only).
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SYNC_PORT: z.coerce.number().int().min(0).max(65535).default(1234),
  SYNC_PUBLIC_URL: z.url().optional(),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  SESSION_SECRET: z.string().min(16).optional(),
  SESSION_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  // defaults match `livekit-server --dev`
  LIVEKIT_URL: z
    .string()
    .regex(/^wss?:\/\//, 'must be a ws:// or wss:// URL')
    .default('ws://localhost:7880'),
  LIVEKIT_API_KEY: z.string().min(1).default('devkey'),
  LIVEKIT_API_SECRET: z.string().min(1).default('secret'),
  LIVEKIT_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(600),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export type WebEnv = z.infer<typeof schema>

export function readEnv(source: NodeJS.ProcessEnv = process.env): WebEnv {
  const parsed = schema.safeParse(source)
  if (!parsed.success) throw new Error(`invalid environment: ${z.prettifyError(parsed.error)}`)
  return { ...parsed.data, DATA_DIR: resolve(parsed.data.DATA_DIR) }
}
