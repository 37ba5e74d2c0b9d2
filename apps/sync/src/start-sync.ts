import { openStore, type StoreConfig } from '@mockroom/store'
import { tokenAuthenticator } from './authenticate'
import { listen, type ListeningServer } from './http-server'
import type { SyncLimits } from './limits'
import { rateLimits, type RateRules } from './rate-limits'
import { createSyncServer } from './sync-server'
import type { CallControl } from './call-control'
import type { Transcriber } from './transcriber'
import type { Logger } from './types'

export interface StartOptions {
  port: number
  host?: string
  store: StoreConfig
  secret: string
  logger: Logger
  transcriber?: Transcriber
  limits?: Partial<SyncLimits>
  /** overrides of the default rate limits (kept in memory; see rate-limits.ts for a shared store) */
  rates?: Partial<RateRules>
  call?: CallControl
}

/** Opens the store and serves the sync core on a port (0 picks a free one, as tests do). */
export async function startSync(options: StartOptions): Promise<ListeningServer> {
  // checkpoints off the event loop: a commit never waits for the file's sync
  const store = await openStore(options.store, { backgroundCheckpoint: true })
  const core = createSyncServer({
    store,
    logger: options.logger,
    onAuthenticate: tokenAuthenticator(options.secret, store),
    ...(options.transcriber ? { transcriber: options.transcriber } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    rates: rateLimits(options.rates),
    ...(options.call ? { call: options.call } : {}),
  })
  const server = await listen(core, options.logger, options.port, options.host)
  return {
    port: server.port,
    close: async () => {
      await server.close()
      await store.close()
    },
  }
}
