export type Role = 'interviewer' | 'candidate' | 'observer'
export type DocAccess = 'write' | 'read' | 'none'

export const roles: ReadonlyArray<Role> = ['interviewer', 'candidate', 'observer']

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as ReadonlyArray<string>).includes(value)
}
