// Runs our sync server alone in a process for bench-sync (so its CPU time can be read apart).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSync } from '@mockroom/sync'
import { pino } from 'pino'

const server = await startSync({
  port: Number(process.env.PORT ?? 0),
  host: '127.0.0.1',
  store: { dataDir: mkdtempSync(join(tmpdir(), 'mockroom-bench-sync-')) },
  secret: process.env.SESSION_SECRET ?? '',
  logger: pino({ level: 'silent' }),
})
console.log(`listening ${server.port}`)
