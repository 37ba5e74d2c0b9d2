// The join, token and admission calls with the schemas that check their answers (zod): imported
// on demand, so the lobby's first JavaScript stays small (tests/e2e/page-weight.spec.ts).
export { joinRoom } from '../room/session/join-api'
export { refreshToken } from '../room/session/session-token-api'
export { fetchAdmission } from './admission-api'
