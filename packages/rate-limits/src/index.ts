export type { RateRule, Limiter, SharedStore, Verdict } from './limiter'
export { createLimiter, take } from './limiter'
export { limitStore } from './limit-store'
export { MemoryLimiter } from './memory-limiter'
