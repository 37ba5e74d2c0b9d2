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
