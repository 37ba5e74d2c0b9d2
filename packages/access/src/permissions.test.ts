import { describe, expect, it } from 'vitest'
import { canRead, canWrite, docAccess } from './permissions'

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
    const { docAccess, canControl } = await import('./permissions')
    for (const role of ['interviewer', 'candidate', 'observer'] as const) {
      expect(docAccess(role, 'control')).toBe('read')
      expect(canControl(role)).toBe(role === 'interviewer')
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
