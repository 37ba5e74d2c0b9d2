import { RateLimiterRes } from 'rate-limiter-flexible'

/** A fixed window: small integers (ms since `epoch`), stored in the object itself by V8. */
class Window {
  constructor(
    public start: number,
    public count: number,
  ) {}
}

/**
 * rate-limiter-flexible's fixed window (`RateLimiterMemory`: the window starts with a key's first
 * action), with its `consume` contract: resolves while under the limit, rejects with a
 * RateLimiterRes once over it. Its memory store arms a timer per key to forget it, which holds
 * a Record, a Timeout, a closure and its context per session (sizes: docs/performance.md). Here
 * expired windows are swept once per window length instead, when the next action comes, so an
 * idle key costs one small object until then.
 */
export class MemoryLimiter {
  private readonly windows = new Map<string, Window>()
  private readonly epoch: number
  private readonly ms: number
  private sweptAt = 0

  constructor(
    private readonly points: number,
    duration: number,
    private readonly now: () => number = Date.now,
  ) {
    this.ms = duration * 1000
    this.epoch = now()
  }

  consume(key: string): Promise<RateLimiterRes> {
    const t = this.now() - this.epoch
    if (t - this.sweptAt >= this.ms) this.sweep(t)
    let w = this.windows.get(key)
    if (!w || t - w.start >= this.ms) this.windows.set(key, (w = new Window(t, 0)))
    w.count++
    const res = new RateLimiterRes(
      Math.max(0, this.points - w.count),
      this.ms - (t - w.start),
      w.count,
      w.count === 1,
    )
    // rate-limiter-flexible's contract: over the limit, `consume` rejects with the RateLimiterRes
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    return w.count <= this.points ? Promise.resolve(res) : Promise.reject(res)
  }

  /** keys with a live window (tests) */
  get size(): number {
    return this.windows.size
  }

  private sweep(t: number) {
    this.sweptAt = t
    for (const [key, w] of this.windows) if (t - w.start >= this.ms) this.windows.delete(key)
  }
}
