// A sync instance in a process of its own, for tests that kill it (cluster-crash.test.ts).
// Reads its settings through env.ts like main.ts, and prints its port once it listens.
import { pino } from 'pino'
import { readEnv } from '../src/env'
import { startSync } from '../src/server/start-sync'

const env = readEnv()
const server = await startSync({
  port: env.SYNC_PORT,
  host: '127.0.0.1',
  store: { dataDir: env.DATA_DIR, databaseUrl: env.DATABASE_URL },
  secret: env.SESSION_SECRET ?? '',
  logger: pino({ level: env.LOG_LEVEL }),
  ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
})
process.stdout.write(`listening ${server.port}\n`)
