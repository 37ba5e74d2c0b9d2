export type { Role, DocKind, DocAccess } from './roles'
export { roles, isRole } from './roles'
export { docAccess, canRead, canWrite, canControl, roleInRound, audioGrant } from './permissions'
export type { AudioGrant } from './permissions'
