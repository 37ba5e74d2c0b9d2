import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore } from '@mockroom/store'
import { pino } from 'pino'
import { readEnv } from '../src/env'
import { createRateLimits } from '../src/server/http/api-rate-limits'
import { memorySeenWebhooks } from '../src/server/livekit/webhook-replay'
import type { ServerContext } from '../src/server/server-context'

/** For tests: the web server's context on a real SQLite file in a fresh folder. */
export async function openTestContext(
  prefix: string,
): Promise<{ ctx: ServerContext; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  const store = await openStore({ dataDir: dir })
  const ctx: ServerContext = {
    env: readEnv({ DATA_DIR: dir }),
    store,
    secret: 'a-test-secret-of-enough-length',
    logger: pino({ level: 'silent' }),
    limits: createRateLimits(undefined, pino({ level: 'silent' })),
    seenWebhooks: memorySeenWebhooks(),
  }
  return {
    ctx,
    close: async () => {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
