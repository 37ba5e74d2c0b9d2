// Issue #27, finding 4: transcript lines (written by the server for a person) have their own
// bounded budget per person and per role, and never fill the session for anyone else.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { controlClient, roomPerTest } from './control-kit'
import { provider, start, token, until } from './test-kit'

const KiB = 1024
// scaled-down limits, in the defaults' proportions, so the flood takes a second
const limits = {
  docBytes: 512 * KiB,
  sessionBytes: 1024 * KiB,
  serverBytesPerPerson: 64 * KiB,
  serverBytesPerRole: 128 * KiB,
}

const room = roomPerTest('alipay-international-customers', {
  start: (dataDir) =>
    start(dataDir, {
      limits,
      rates: { controlPerParticipant: { points: 100_000, duration: 10 } },
    }),
})

/** Whether `text` typed by one interviewer socket reaches another in `docName` within 5 s. */
async function interviewerCanWrite(docName: string, text: string): Promise<boolean> {
  const tok = await token('interviewer')
  const a = await provider(room.server.port, docName, tok)
  const b = await provider(room.server.port, docName, tok, new Y.Doc())
  room.cleanups.push(a.close, b.close)
  a.doc.getText('notes').insert(0, text)
  const arrived = until(() => b.doc.getText('notes').toJSON().includes(text), b.doc).then(
    () => true,
  )
  const timeout = new Promise<boolean>((r) => setTimeout(() => r(false), 5_000))
  return Promise.race([arrived, timeout])
}

describe('server-written transcript', () => {
  it('refuses one link’s flood past its budget; the interviewer keeps writing', async () => {
    // eight joins on the candidate link: eight people, 60 lines of 2,000 characters each
    const candidates = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const c = await controlClient(
          room.server.port,
          'ses1',
          await token('candidate', 'ses1', { id: `cand-${i}` }),
        )
        room.cleanups.push(() => c.raw.ws.close())
        return c
      }),
    )
    const now = Date.now()
    const results = await Promise.all(
      candidates.map(async (c, i) => {
        const out: Array<{ ok: boolean; error?: string }> = []
        for (let n = 0; n < 60; n++)
          out.push(
            await c.send({
              type: 'transcript',
              startMs: now,
              endMs: now,
              text: `${i}:${n} `.padEnd(2000, 'x'),
            }),
          )
        return out
      }),
    )
    const all = results.flat()
    const accepted = all.filter((r) => r.ok).length
    const refused = all.filter((r) => !r.ok)
    const controlBytes =
      (await room.store.updates.storedBytes(['ses1/control'])).get('ses1/control') ?? 0
    // the role's budget holds about 60 lines of ~2.1 KB; the other 420 are refused with a reason
    const summary = `accepted ${accepted} lines, control document ${controlBytes} bytes`
    expect(accepted, summary).toBeLessThanOrEqual(limits.serverBytesPerRole / 2000)
    expect(accepted, summary).toBeGreaterThan(limits.serverBytesPerRole / 2300)
    expect(refused[0]?.error).toMatch(/transcript is full/)
    expect(controlBytes).toBeLessThan(limits.docBytes)
    // the interviewer's notes and the answer are untouched by the candidates' lines
    expect(await interviewerCanWrite('ses1/private', 'my notes')).toBe(true)
    expect(await interviewerCanWrite('ses1/answer', 'the answer')).toBe(true)
    // and the interviewer's own lines still fit
    const int = await controlClient(room.server.port, 'ses1', await token('interviewer'))
    room.cleanups.push(() => int.raw.ws.close())
    expect(await int.send({ type: 'note', text: 'still here' })).toMatchObject({ ok: true })
  })

  it('keeps the control document under its ceiling whoever writes; End still works', async () => {
    await room.server.close()
    // budgets larger than the document: only the ceiling stops the interviewer's own notes
    room.server = await start(room.dataDir, {
      limits: { ...limits, serverBytesPerPerson: 4096 * KiB, serverBytesPerRole: 4096 * KiB },
      rates: { controlPerParticipant: { points: 100_000, duration: 10 } },
    })
    const int = await controlClient(room.server.port, 'ses1', await token('interviewer'))
    room.cleanups.push(() => int.raw.ws.close())
    let refusal: string | undefined
    for (let n = 0; n < 400 && !refusal; n++) {
      const r = await int.send({ type: 'note', text: `${n} `.padEnd(2000, 'y') })
      if (!r.ok) refusal = r.error
    }
    expect(refusal).toMatch(/record is full/)
    const controlBytes =
      (await room.store.updates.storedBytes(['ses1/control'])).get('ses1/control') ?? 0
    expect(controlBytes).toBeLessThan(limits.docBytes + 4 * KiB)
    expect(
      (await int.send({ type: 'reveal', questionId: 'alipay-international-customers' })).ok,
    ).toBe(false)
    expect(await int.send({ type: 'end' })).toMatchObject({ ok: true })
  })
})
