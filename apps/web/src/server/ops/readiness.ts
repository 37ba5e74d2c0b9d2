import type { Histogram } from 'prom-client'
import type { ServerContext } from '../server-context'

export type CheckResult = 'ok' | 'down' | 'not used'

export interface Readiness {
  ok: boolean
  store: CheckResult
  redis: CheckResult
}

// A balancer's health check gives up after its own timeout; answer before that with "down"
// rather than leave the check hanging on a database that stopped answering.
const CHECK_TIMEOUT_MS = 2_000

async function timed(
  target: string,
  ping: Promise<void>,
  seconds: Histogram<'target'>,
): Promise<CheckResult> {
  const end = seconds.startTimer({ target })
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS)
  })
  try {
    await Promise.race([ping, timeout])
    end()
    return 'ok'
  } catch {
    return 'down'
  } finally {
    clearTimeout(timer)
  }
}

/** Ready = the store answers and, when rate counts live in Redis, Redis answers too. */
export async function checkReadiness(
  ctx: Pick<ServerContext, 'store' | 'limits'>,
  seconds: Histogram<'target'>,
): Promise<Readiness> {
  const redisPing = ctx.limits.ping()
  const [store, redis] = await Promise.all([
    timed('store', ctx.store.ping(), seconds),
    redisPing ? timed('redis', redisPing, seconds) : Promise.resolve<CheckResult>('not used'),
  ])
  return { ok: store === 'ok' && redis !== 'down', store, redis }
}
