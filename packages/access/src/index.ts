export type { Role, DocAccess } from './roles'
export { roles, isRole } from './roles'
export {
  docAccess,
  canRead,
  canWrite,
  canSpeak,
  canRequest,
  roleInRound,
  audioGrant,
} from './permissions'
export type { AudioGrant } from './permissions'
export { livekitRoomName, roomIdFromLivekitName, livekitHttpUrl } from './call-room'
