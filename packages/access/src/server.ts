// Node-only entry: capabilities and signed session tokens (kept out of browser bundles).
export { createCapability, isWellFormedCapability, hashCapability, createId } from './capability'
export type { SessionClaims } from './session-token'
export { signSessionToken, verifySessionToken, TokenError } from './session-token'
export { sealCapability, openCapability } from './sealed-capability'
