import { describe, expect, it } from 'vitest'
import { controlActionTypes } from '@mockroom/protocol'
import { audioGrant, canRead, canRequest, canSpeak, canWrite, docAccess } from './permissions'
import { roles } from './roles'

describe('roles table', () => {
  it('lets the interviewer read and write both documents', () => {
    expect(docAccess('interviewer', 'answer')).toBe('write')
    expect(docAccess('interviewer', 'private')).toBe('write')
  })
  it('lets the candidate write the answer but never see the private doc', () => {
    expect(canWrite('candidate', 'answer')).toBe(true)
    expect(canRead('candidate', 'private')).toBe(false)
  })
  it('keeps observers read-only on the answer and out of the private doc', () => {
    expect(canRead('observer', 'answer')).toBe(true)
    expect(canWrite('observer', 'answer')).toBe(false)
    expect(docAccess('observer', 'private')).toBe('none')
  })
})

describe('audio grants', () => {
  it('lets interviewer and candidate publish, observers only listen', async () => {
    const { audioGrant } = await import('./permissions')
    expect(audioGrant('interviewer')).toEqual({
      canPublish: true,
      canSubscribe: true,
      canPublishData: true,
    })
    expect(audioGrant('candidate').canPublish).toBe(true)
    expect(audioGrant('observer')).toEqual({
      canPublish: false,
      canSubscribe: true,
      canPublishData: false,
    })
  })
})

describe('control and rounds', () => {
  it('lets every role read the control document and none write it', async () => {
    const { docAccess } = await import('./permissions')
    for (const role of ['interviewer', 'candidate', 'observer'] as const) {
      expect(docAccess(role, 'control')).toBe('read')
    }
  })
  it('swaps interviewer and candidate in a swapped round, never observers', async () => {
    const { roleInRound } = await import('./permissions')
    expect(roleInRound('interviewer', true)).toBe('candidate')
    expect(roleInRound('candidate', true)).toBe('interviewer')
    expect(roleInRound('observer', true)).toBe('observer')
    expect(roleInRound('candidate', false)).toBe('candidate')
  })
})

describe('who may speak and request', () => {
  it('gives interviewer and candidate a voice, observers none', () => {
    expect(canSpeak('interviewer')).toBe(true)
    expect(canSpeak('candidate')).toBe(true)
    expect(canSpeak('observer')).toBe(false)
    for (const role of roles) expect(audioGrant(role).canPublish).toBe(canSpeak(role))
  })

  it('lets the interviewer request every action', () => {
    for (const action of controlActionTypes) expect(canRequest('interviewer', action)).toBe(true)
  })

  it('lets the candidate send only their own speech, talk time, breaks and recording answer', () => {
    const allowed = controlActionTypes.filter((a) => canRequest('candidate', a))
    expect(allowed.sort()).toEqual([
      'end-break',
      'recording-answer',
      'take-break',
      'talk',
      'transcript',
    ])
    // asking and stopping are the interviewer's
    expect(canRequest('candidate', 'recording-ask')).toBe(false)
    expect(canRequest('observer', 'recording-answer')).toBe(false)
    // hints are the interviewer's: only they may put one into the answer
    expect(canRequest('candidate', 'answer-clarify-row')).toBe(false)
    expect(canRequest('interviewer', 'answer-clarify-row')).toBe(true)
    expect(canRequest('candidate')).toBe(true)
  })

  it('lets observers request nothing, not even their own speech', () => {
    for (const action of controlActionTypes) expect(canRequest('observer', action)).toBe(false)
    expect(canRequest('observer')).toBe(false)
  })

  it('gives anyone who may send speech a voice', () => {
    for (const role of roles) {
      expect(canRequest(role, 'transcript')).toBe(canSpeak(role))
      expect(canRequest(role, 'talk')).toBe(canSpeak(role))
    }
  })
})
