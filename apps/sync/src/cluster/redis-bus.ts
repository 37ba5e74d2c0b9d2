import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { decodeBusFrame, encodeBusFrame, type BusFrame, type BusMessage } from './bus-frame'
import type { Logger } from '../observability/logger'

export type BusHandler = (frame: BusFrame) => void

// Compare-and-delete: a lock is released only by the holder that took it.
const RELEASE =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"

/**
 * Redis pub/sub between sync instances: one connection publishes (and runs commands), one
 * subscribes; ioredis reconnects both and re-subscribes by itself. What was published while an
 * instance was cut off is lost to it, and what it published meanwhile was dropped, so
 * `onRecovered` tells the owner to catch up from the store and to ask the others to do the same.
 */
export class RedisBus {
  readonly instanceId = randomUUID()
  private readonly pub: Redis
  private readonly sub: Redis
  private readonly handlers = new Map<string, BusHandler>()
  /** both connections were ready once (start-up is not a recovery) */
  private started = false
  /** a connection dropped since: messages may have been missed, or dropped here */
  private lost = false
  private recovered: () => void = () => {}
  /** time from publish to receipt, per frame from another instance (metrics) */
  onLag: (ms: number) => void = () => {}

  constructor(
    url: string,
    private readonly logger: Logger,
  ) {
    // a command waits for a reconnect at most this long; publishes are dropped while cut off
    const options = { maxRetriesPerRequest: 2, connectTimeout: 2_000 }
    this.pub = new Redis(url, options)
    this.sub = new Redis(url, options)
    for (const [name, conn] of [
      ['pub', this.pub],
      ['sub', this.sub],
    ] as const) {
      conn.on('error', (err: Error) => logger.warn({ conn: name, err: err.message }, 'redis error'))
    }
    for (const conn of [this.pub, this.sub]) {
      conn.on('close', () => (this.lost = this.started))
      // ioredis emits 'ready' before it re-subscribes: look once its commands are queued
      conn.on('ready', () => setImmediate(() => void this.checkRecovered()))
    }
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      const frame = decodeBusFrame(message)
      if (!frame || frame.from === this.instanceId) return
      this.onLag(Date.now() - frame.sentAt)
      this.handlers.get(channel.toString())?.(frame)
    })
  }

  /** Resolves once both connections are ready (start-up fails loudly when Redis is absent). */
  async ready(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    for (const conn of [this.pub, this.sub]) {
      while (conn.status !== 'ready') {
        if (Date.now() > deadline) throw new Error('Redis did not answer (REDIS_URL)')
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, 100)
          conn.once('ready', () => (clearTimeout(t), resolve()))
        })
      }
    }
    this.started = true
  }

  /** `f` runs once both connections are back and re-subscribed after any disconnect. */
  onRecovered(f: () => void) {
    this.recovered = f
  }

  private async checkRecovered() {
    if (!this.lost || !this.connected) return
    this.lost = false
    try {
      // answered after the re-subscriptions queued before it: from here on nothing is missed
      await this.sub.ping()
    } catch {
      this.lost = true
      return
    }
    this.logger.info({}, 'redis reconnected; catching up from the store')
    this.recovered()
  }

  get connected(): boolean {
    return this.pub.status === 'ready' && this.sub.status === 'ready'
  }

  /** Subscribes and resolves once Redis confirmed it (messages from then on reach `handler`). */
  async subscribe(channel: string, handler: BusHandler): Promise<void> {
    this.handlers.set(channel, handler)
    await this.sub.subscribe(channel)
  }

  /** Stops `handler` (a newer subscriber of the same channel keeps it). */
  async unsubscribe(channel: string, handler: BusHandler): Promise<void> {
    if (this.handlers.get(channel) !== handler) return
    this.handlers.delete(channel)
    if (this.sub.status === 'ready') await this.sub.unsubscribe(channel)
  }

  /** Fire and forget; dropped while Redis is unreachable (the catch-up covers what was lost). */
  publish(channel: string, message: BusMessage) {
    if (this.pub.status !== 'ready') return
    this.pub
      .publish(channel, encodeBusFrame(this.instanceId, message))
      .catch((err: Error) => this.logger.warn({ channel, err: err.message }, 'publish failed'))
  }

  /**
   * Runs `task` while holding a lock shared by every instance (SET NX PX, released by token).
   * Waits up to `waitMs` for another holder; the lock expires by itself if its holder dies.
   */
  async exclusive<T>(key: string, task: () => Promise<T>, waitMs = 5_000): Promise<T | null> {
    const token = randomUUID()
    const deadline = Date.now() + waitMs
    try {
      for (let delay = 5; ; delay = Math.min(delay * 2, 100)) {
        if ((await this.pub.set(key, token, 'PX', 10_000, 'NX')) === 'OK') break
        if (Date.now() > deadline) return null
        await new Promise((resolve) => setTimeout(resolve, delay))
      }
    } catch (err) {
      this.logger.warn({ key, err: (err as Error).message }, 'lock unavailable')
      return null // Redis unreachable: the caller refuses the request
    }
    try {
      return await task()
    } finally {
      await this.pub.eval(RELEASE, 1, key, token).catch(() => undefined)
    }
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.pub.ping()) === 'PONG'
    } catch {
      return false
    }
  }

  async close(): Promise<void> {
    this.handlers.clear()
    await Promise.allSettled([this.pub.quit(), this.sub.quit()])
  }
}
