import { isRecord } from './api-error'

export interface RoomLinks {
  interviewer: string
  candidate: string
  observer: string
}

export function isRoomLinks(value: unknown): value is RoomLinks {
  return (
    isRecord(value) &&
    typeof value.interviewer === 'string' &&
    typeof value.candidate === 'string' &&
    typeof value.observer === 'string'
  )
}

/** The interviewer's invite links, keyed by role in the current round (some may be withheld). */
export type InviteLinks = Partial<RoomLinks>

export function isInviteLinks(value: unknown): value is InviteLinks {
  return (
    isRecord(value) &&
    Object.entries(value).every(
      ([role, link]) =>
        ['interviewer', 'candidate', 'observer'].includes(role) && typeof link === 'string',
    )
  )
}
