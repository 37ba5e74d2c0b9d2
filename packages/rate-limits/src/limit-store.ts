import { Redis } from 'ioredis'

/**
 * The Redis connection of the shared limiters: it fails fast while Redis is away (no offline
 * queue, one retry per request) so a request is never held up by a limit; the insurance
 * limiters count meanwhile.
 */
export function limitStore(url: string, onError: (err: Error) => void) {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
  redis.on('error', onError)
  return {
    redis,
    close: () =>
      redis.quit().then(
        () => undefined,
        () => undefined,
      ),
  }
}
