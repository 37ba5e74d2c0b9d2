import { describe, expect, it } from 'vitest'
import { checkHead, defaultUploadLimits, uploadGate, type ChunkHead } from './chunk-upload'

const head = (over: Partial<ChunkHead> = {}): ChunkHead => ({
  sessionId: 's1',
  trackId: 'track-0001',
  seq: '0',
  token: 't',
  mimeType: 'audio/webm;codecs=opus',
  startedAt: 1_000,
  declaredBytes: 100,
  ...over,
})
const status = (over: Partial<ChunkHead>) => {
  const r = checkHead(head(over), defaultUploadLimits)
  return 'status' in r ? r.status : 'ok'
}

describe('checkHead', () => {
  it('takes a well-formed chunk of either container', () => {
    expect(checkHead(head(), defaultUploadLimits)).toEqual({ seq: 0 })
    expect(status({ mimeType: 'audio/mp4' })).toBe('ok')
    expect(status({ mimeType: 'audio/webm' })).toBe('ok')
    // later chunks need no start time
    expect(status({ seq: '7', startedAt: null })).toBe('ok')
  })

  it('refuses bad sequence numbers, track ids, types and sizes before the body', () => {
    expect(status({ seq: '-1' })).toBe(400)
    expect(status({ seq: '1.5' })).toBe(400)
    expect(status({ seq: '100001' })).toBe(400)
    expect(status({ trackId: 'short' })).toBe(400)
    expect(status({ trackId: '../../etc' })).toBe(400)
    expect(status({ mimeType: 'video/webm' })).toBe(415)
    expect(status({ mimeType: '' })).toBe(415)
    expect(status({ declaredBytes: defaultUploadLimits.chunkBytes + 1 })).toBe(413)
    expect(status({ declaredBytes: 0 })).toBe(400)
    expect(status({ declaredBytes: Number.NaN })).toBe(400)
    expect(status({ startedAt: null })).toBe(400)
  })
})

describe('uploadGate', () => {
  it('counts uploads in flight per participant and the bytes held', () => {
    const gate = uploadGate({
      ...defaultUploadLimits,
      inFlightPerParticipant: 1,
      inFlightBytes: 10,
    })
    const done = gate.enter('p1')
    expect(done).not.toBeNull()
    expect(gate.enter('p1')).toBeNull()
    expect(gate.enter('p2')).not.toBeNull()
    done?.()
    done?.() // leaving twice counts once
    expect(gate.enter('p1')).not.toBeNull()
    expect(gate.hold(8)).toBe(true)
    expect(gate.hold(3)).toBe(false)
    gate.free(8)
    expect(gate.heldBytes).toBe(0)
  })
})
