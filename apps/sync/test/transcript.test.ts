import { CloseCode } from '@mockroom/protocol'
import { readTranscript } from '@mockroom/session-model'
import { describe, expect, it } from 'vitest'
import { controlClient, roomPerTest } from './control-kit'
import { provider, token, until } from './test-kit'

const room = roomPerTest('alipay-international-customers')

async function control(role: 'interviewer' | 'candidate' | 'observer') {
  const c = await controlClient(room.server.port, 'ses1', await token(role))
  room.cleanups.push(() => c.raw.ws.close())
  return c
}

async function watch() {
  const w = await provider(room.server.port, 'ses1/control', await token('observer'))
  room.cleanups.push(w.close)
  return w
}

describe('transcript', () => {
  it('stamps each line with the speaker from the token, in time order', async () => {
    const w = await watch()
    const now = Date.now()
    const cand = await control('candidate')
    const int = await control('interviewer')
    expect(
      await cand.send({
        type: 'transcript',
        startMs: now - 4000,
        endMs: now - 3000,
        text: 'I would start with tourists',
      }),
    ).toMatchObject({ ok: true })
    expect(
      await int.send({
        type: 'transcript',
        startMs: now - 6000,
        endMs: now - 5000,
        text: 'Tell me about segments',
      }),
    ).toMatchObject({ ok: true })
    expect(await int.send({ type: 'note', text: 'asked about market size' })).toMatchObject({
      ok: true,
    })
    await until(() => readTranscript(w.doc).length === 3, w.doc)
    expect(readTranscript(w.doc).map((s) => [s.speakerId, s.role, s.source, s.text])).toEqual([
      ['interviewer-1', 'interviewer', 'speech', 'Tell me about segments'],
      ['candidate-1', 'candidate', 'speech', 'I would start with tourists'],
      ['interviewer-1', 'interviewer', 'note', 'asked about market size'],
    ])
  })

  it('refuses notes from candidates and any line from observers', async () => {
    const cand = await control('candidate')
    void cand.send({ type: 'note', text: 'sneaky' }) // no result comes: the socket is closed
    expect((await cand.raw.closed).code).toBe(CloseCode.forbidden)
    const obs = await control('observer')
    void obs.send({ type: 'transcript', startMs: 0, endMs: 1, text: 'hello' }) // likewise
    expect((await obs.raw.closed).code).toBe(CloseCode.forbidden)
  })
})
