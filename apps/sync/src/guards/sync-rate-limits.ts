import { createLimiter, take, type Limiter, type RateRule } from '@mockroom/rate-limits'

/** Shared between instances when the factory gives a shared store (e.g. RateLimiterRedis). */
export interface SharedRates {
  /** WebSocket connections per client address, counted before the token is checked */
  connectionsPerAddress: RateRule
  /** WebSocket connections per session, counted once the token is valid */
  connectionsPerSession: RateRule
  /** control requests per participant */
  controlPerParticipant: RateRule
  /** audio uploads per client address and per participant */
  uploadsPerAddress: RateRule
  uploadsPerParticipant: RateRule
}

/** Per connection: always in this process's memory (a connection lives on one instance). */
export interface ConnectionRates {
  framesPerConnection: RateRule
  awarenessPerConnection: RateRule
}

export type RateRules = SharedRates & ConnectionRates

export const defaultRates: RateRules = {
  connectionsPerAddress: { points: 600, duration: 60 },
  connectionsPerSession: { points: 300, duration: 60 },
  controlPerParticipant: { points: 60, duration: 10 },
  // audio chunks: 12 a minute while recording, and a backlog resent after a reload or a drop
  uploadsPerAddress: { points: 300, duration: 60 },
  uploadsPerParticipant: { points: 120, duration: 60 },
  framesPerConnection: { points: 2000, duration: 10 },
  awarenessPerConnection: { points: 300, duration: 10 },
}

/** Builds one limiter by name: in memory (one machine) or shared through Redis (cluster). */
export type LimiterFactory = (name: string, rule: RateRule) => Limiter

export const memoryLimiter: LimiterFactory = (_name, rule) => createLimiter(rule)

export type RateKind = keyof SharedRates

/** One connection's own counters: checked on every frame, so no promise, timer or map. */
export interface ConnectionLimiter {
  /** true when this connection may act once more now */
  take(kind: keyof ConnectionRates): boolean
}

export interface RateLimits {
  /** true when `key` may act once more now; false when over its limit */
  take(kind: RateKind, key: string): Promise<boolean>
  /** fresh counters for one connection */
  forConnection(): ConnectionLimiter
}

// rate-limiter-flexible's fixed window, in two numbers per rule: it starts with the first action.
// A class with fields, not closures: every connection holds one (heap per room, issue #12).
// Times are kept as ms since this module loaded, and -1 counts mean "no window yet": V8 stores
// small integers in the object itself, while a Date.now() value or -Infinity field is a boxed
// number of its own (two extra heap objects per connection, heap:diff). The difference of two
// numbers is not a small integer to V8 until truncated (`| 0`); int32 differences survive a wrap.
const EPOCH = Date.now()

class ConnectionCounters implements ConnectionLimiter {
  private framesStart = 0
  private frames = -1
  private awarenessStart = 0
  private awareness = -1

  constructor(
    private readonly rules: ConnectionRates,
    private readonly now: () => number,
  ) {}

  take(kind: keyof ConnectionRates): boolean {
    const rule = this.rules[kind]
    const t = (this.now() - EPOCH) | 0
    if (kind === 'framesPerConnection') {
      if (this.frames < 0 || ((t - this.framesStart) | 0) >= rule.duration * 1000) {
        this.framesStart = t
        this.frames = 0
      }
      return ++this.frames <= rule.points
    }
    if (this.awareness < 0 || ((t - this.awarenessStart) | 0) >= rule.duration * 1000) {
      this.awarenessStart = t
      this.awareness = 0
    }
    return ++this.awareness <= rule.points
  }
}

export function rateLimits(
  rules: Partial<RateRules> = {},
  shared: LimiterFactory = memoryLimiter,
  now: () => number = Date.now,
): RateLimits {
  const all: RateRules = { ...defaultRates, ...rules }
  const limiters = new Map<RateKind, Limiter>()
  const sharedKinds: RateKind[] = [
    'connectionsPerAddress',
    'connectionsPerSession',
    'controlPerParticipant',
    'uploadsPerAddress',
    'uploadsPerParticipant',
  ]
  for (const kind of sharedKinds) limiters.set(kind, shared(kind, all[kind]))
  return {
    take: async (kind, key) => (await take(limiters.get(kind) as Limiter, key)).allowed,
    forConnection: () => new ConnectionCounters(all, now),
  }
}
