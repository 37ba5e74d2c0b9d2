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
