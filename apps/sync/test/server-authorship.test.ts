// Issue #27, finding 7: the server's Yjs client ids and the fields only it writes are bound to the
// server: a candidate cannot write text credited to the interviewer, nor mark a row "from hint".
import { CloseCode, encodeUpdate } from '@mockroom/protocol'
import {
  addClarifyRow,
  clarifyFieldText,
  findClarifyRow,
  readClarifyRows,
} from '@mockroom/session-model'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { controlClient, roomPerTest } from './control-kit'
import { provider, rawClient, start, token, until } from './test-kit'

const QUESTION = 'alipay-international-customers'

const room = roomPerTest(QUESTION)

/** A row the interviewer answered from hint 0: the server wrote into the answer document. */
async function answeredRow() {
  const ivy = await controlClient(room.server.port, 'ses1', await token('interviewer'))
  room.cleanups.push(() => ivy.raw.ws.close())
  expect((await ivy.send({ type: 'reveal', questionId: QUESTION })).ok).toBe(true)
  const cody = await provider(room.server.port, 'ses1/answer', await token('candidate'))
  const watcher = await provider(room.server.port, 'ses1/answer', await token('observer'))
  room.cleanups.push(cody.close, watcher.close)
  const rowId = addClarifyRow(cody.doc)
  await until(() => findClarifyRow(watcher.doc, rowId) !== null, watcher.doc)
  expect((await ivy.send({ type: 'answer-clarify-row', rowId, hintIndex: 0 })).ok).toBe(true)
  await until(() => readClarifyRows(cody.doc)[0]?.answeredFromHint === 0, cody.doc)
  return { cody, watcher, rowId }
}

/** What a client writing as `clientId` sends for `change`, made on a copy of `from`. */
function forge(from: Y.Doc, clientId: number, change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(from))
  // after the state: Yjs picks a new id for a doc that receives structs of its own id
  doc.clientID = clientId
  let update: Uint8Array = new Uint8Array()
  doc.on('update', (u: Uint8Array) => (update = u))
  change(doc)
  doc.destroy()
  return update
}

async function sendAsCandidate(update: Uint8Array) {
  const raw = await rawClient(
    room.server.port,
    'ses1/answer',
    await token('candidate', 'ses1', { id: 'candidate-1' }),
  )
  room.cleanups.push(() => raw.ws.close())
  raw.ws.send(encodeUpdate(update))
  const timeout = new Promise<{ code: number }>((r) => setTimeout(() => r({ code: 0 }), 3_000))
  return Promise.race([raw.closed, timeout])
}

const storedText = async () =>
  Buffer.concat(
    (await room.store.updates.listUpdates('ses1/answer')).map((u) => Buffer.from(u.data)),
  )

describe("the server's writes", () => {
  it("refuses a candidate writing as the server's client id", async () => {
    const { cody, rowId } = await answeredRow()
    // the client id of the hint's text: neither the candidate's nor anyone else's in this document
    const serverId = [...cody.doc.store.clients.keys()].find((c) => c !== cody.doc.clientID)
    expect(serverId).toBeDefined()
    const update = forge(cody.doc, serverId as number, (doc) => {
      const row = findClarifyRow(doc, rowId)
      clarifyFieldText(row as Y.Map<unknown>, 'answer')?.insert(0, 'FORGED BY THE CANDIDATE ')
    })
    expect((await sendAsCandidate(update)).code).toBe(CloseCode.refused)
    await room.server.close()
    room.server = await start(room.dataDir)
    expect((await storedText()).includes(Buffer.from('FORGED'))).toBe(false)
    // after a restart the document is loaded afresh: the earlier server id is still the server's
    const again = await provider(room.server.port, 'ses1/answer', await token('candidate'))
    room.cleanups.push(again.close)
    const later = forge(again.doc, serverId as number, (doc) => {
      const row = findClarifyRow(doc, rowId)
      clarifyFieldText(row as Y.Map<unknown>, 'answer')?.insert(0, 'FORGED LATER ')
    })
    expect((await sendAsCandidate(later)).code).toBe(CloseCode.refused)
  })

  it('refuses the "answered from hint" mark from a client, new or overwritten', async () => {
    const { cody, watcher, rowId } = await answeredRow()
    // overwriting the server's mark (the entry names the one it replaces)
    const overwrite = forge(cody.doc, 4242, (doc) =>
      findClarifyRow(doc, rowId)?.set('answeredFromHint', 1),
    )
    expect((await sendAsCandidate(overwrite)).code).toBe(CloseCode.refused)
    // marking a row of one's own
    const fresh = forge(cody.doc, 4343, (doc) =>
      doc.transact(() => {
        const id = addClarifyRow(doc)
        findClarifyRow(doc, id)?.set('answeredFromHint', 2)
      }),
    )
    expect((await sendAsCandidate(fresh)).code).toBe(CloseCode.refused)
    expect(readClarifyRows(watcher.doc).map((r) => r.answeredFromHint)).toEqual([0])
    // editing the hint's answer text stays the candidate's right
    const row = findClarifyRow(cody.doc, rowId) as Y.Map<unknown>
    clarifyFieldText(row, 'answer')?.insert(0, 'My take: ')
    await until(
      () => (readClarifyRows(watcher.doc)[0]?.answer ?? '').startsWith('My take'),
      watcher.doc,
    )
  })
})
