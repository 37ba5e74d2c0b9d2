import { resolve } from 'node:path'
import { z } from 'zod'

// The only place the web app reads process.env (server side only).

const DEV_LIVEKIT_KEY = 'devkey'
const DEV_LIVEKIT_SECRET = 'secret'

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((v) => v === 'true' || v === '1')

const schema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    SYNC_PORT: z.coerce.number().int().min(0).max(65535).default(1234),
    SYNC_PUBLIC_URL: z.url({ protocol: /^wss?$/ }).optional(),
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    // only behind a proxy that sets X-Forwarded-Host/-Proto/-For: otherwise they are ignored
    TRUST_PROXY: flag,
    // several interchangeable instances behind a balancer: shared store, Redis and secret required
    CLUSTER: flag,
    DATA_DIR: z.string().default('./data'),
    DATABASE_URL: z.string().optional(),
    // shares rate-limit counts between web instances
    REDIS_URL: z
      .url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })
      .optional(),
    // namespaces this deployment's keys when several share one Redis (and each test run its own)
    REDIS_KEY_PREFIX: z.string().min(1).max(64).default('mockroom:'),
    SESSION_SECRET: z.string().min(16).optional(),
    SESSION_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
    // defaults match `livekit-server --dev`
    LIVEKIT_URL: z
      .string()
      .regex(/^wss?:\/\//, 'must be a ws:// or wss:// URL')
      .default('ws://localhost:7880'),
    LIVEKIT_API_KEY: z.string().min(1).default(DEV_LIVEKIT_KEY),
    LIVEKIT_API_SECRET: z.string().min(1).default(DEV_LIVEKIT_SECRET),
    LIVEKIT_TOKEN_TTL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(600),
    // the optional AI reviewer: an OpenAI-compatible endpoint (…/v1); off when unset
    AI_REVIEW_URL: z.url({ protocol: /^https?$/ }).optional(),
    AI_REVIEW_MODEL: z.string().min(1).max(200).default('gpt-4o-mini'),
    // sent as a Bearer token to that endpoint only; never to a browser
    AI_REVIEW_API_KEY: z.string().min(1).optional(),
    AI_REVIEW_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(300_000).default(60_000),
    // rooms one client address may create in 10 minutes (a school behind one NAT may want more)
    ROOMS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(60),
    // /metrics for whoever sends it as a Bearer token; unset, /metrics answers this machine only
    METRICS_TOKEN: z.string().min(16).optional(),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.CLUSTER) for (const issue of clusterIssues(env)) ctx.addIssue(issue)
    if (usesDevLivekitKeys(env) && isDeployed(env))
      ctx.addIssue({
        code: 'custom',
        path: ['LIVEKIT_API_SECRET'],
        message:
          'the LiveKit dev key/secret (devkey/secret) work only with a LiveKit server on this machine; ' +
          'set LIVEKIT_API_KEY and LIVEKIT_API_SECRET to your server’s own keys',
      })
  })

export type WebEnv = z.infer<typeof schema>

/**
 * In cluster mode nothing may live in one instance: a SQLite file, an in-memory rate count or a
 * secret generated into DATA_DIR would differ between instances behind the balancer.
 */
function clusterIssues(env: {
  DATABASE_URL?: string | undefined
  REDIS_URL?: string | undefined
  SESSION_SECRET?: string | undefined
}) {
  const need = (path: string, what: string) => ({
    code: 'custom' as const,
    path: [path],
    message: `cluster mode (CLUSTER=true) needs ${path}: ${what}`,
  })
  return [
    ...(env.DATABASE_URL?.startsWith('postgres')
      ? []
      : [need('DATABASE_URL', 'a postgres:// URL of the store all instances share')]),
    ...(env.REDIS_URL ? [] : [need('REDIS_URL', 'a redis:// URL all instances share')]),
    ...(env.SESSION_SECRET
      ? []
      : [need('SESSION_SECRET', 'the same secret (16+ characters) on every instance')]),
  ]
}

function usesDevLivekitKeys(env: { LIVEKIT_API_KEY: string; LIVEKIT_API_SECRET: string }) {
  return env.LIVEKIT_API_KEY === DEV_LIVEKIT_KEY || env.LIVEKIT_API_SECRET === DEV_LIVEKIT_SECRET
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

/**
 * Outside development = the call server or the app is reached at an address other than this
 * machine's loopback. `pnpm start` on defaults (a local `livekit-server --dev`) stays allowed.
 */
function isDeployed(env: { LIVEKIT_URL: string; PUBLIC_URL?: string | undefined }): boolean {
  const hosts = [env.LIVEKIT_URL, env.PUBLIC_URL].flatMap((u) => {
    if (!u) return []
    try {
      return [new URL(u).hostname]
    } catch {
      return ['?']
    }
  })
  return hosts.some((h) => !LOOPBACK.has(h))
}

/** `next dev` (React needs eval there for its error overlay); production builds never do. */
export function isDevelopment(): boolean {
  return process.env.NODE_ENV === 'development'
}

export function readEnv(source: Record<string, string | undefined> = process.env): WebEnv {
  const parsed = schema.safeParse(source)
  if (!parsed.success) throw new Error(`invalid environment: ${z.prettifyError(parsed.error)}`)
  return { ...parsed.data, DATA_DIR: resolve(parsed.data.DATA_DIR) }
}

/** At server start (instrumentation): print what is wrong and stop, rather than serve errors. */
export function checkEnvAtStart(): void {
  try {
    readEnv()
  } catch (err) {
    console.error(`[mockroom] ${err instanceof Error ? err.message : String(err)}`)
    process.exit(1)
  }
}
