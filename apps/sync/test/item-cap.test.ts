// Issue #27, finding 3b: items (structs) per document are capped as well as bytes: one-character
// items that never merge cost server memory long before they fill the byte quota.
import { CloseCode, encodeUpdate } from '@mockroom/protocol'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ListeningServer } from '../src/server/http-server'
import { provider, rawClient, start, tempDataDir, token, until } from './test-kit'

const CAP = 5_000

let dataDir: string
let server: ListeningServer
const cleanups: Array<() => void> = []

beforeEach(async () => {
  dataDir = tempDataDir()
  server = await start(dataDir, { limits: { docItems: CAP } })
})
afterEach(async () => {
  for (const c of cleanups.splice(0)) c()
  await server.close()
})

/** Updates of `size` one-character items each, every one typed before the last (none merge). */
function unmergeable(batches: number, size: number): Uint8Array[] {
  const doc = new Y.Doc()
  const text = doc.getText('filler')
  const out: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => out.push(u))
  for (let b = 0; b < batches; b++)
    doc.transact(() => {
      for (let i = 0; i < size; i++) text.insert(0, 'x')
    })
  doc.destroy()
  return out
}

describe('items per document', () => {
  it('refuses the update that would pass the cap with 4413, earlier edits kept', async () => {
    const reader = await provider(server.port, 'ses1/answer', await token('observer'))
    const writer = await rawClient(server.port, 'ses1/answer', await token('interviewer'))
    cleanups.push(reader.close, () => writer.ws.close())
    const shown = () => reader.doc.getText('filler').length
    let closed = false
    void writer.closed.then(() => (closed = true))
    for (const update of unmergeable(10, 1_000)) {
      const before = shown()
      writer.ws.send(encodeUpdate(update))
      // either the reader gets the batch or the writer is closed
      await Promise.race([until(() => shown() === before + 1_000, reader.doc), writer.closed])
      if (closed) break
    }
    expect(shown(), `items shown to the reader`).toBe(CAP)
    const refusal = await writer.closed
    expect(refusal.code).toBe(CloseCode.tooLarge)
    expect(refusal.reason).toMatch(/5,000 items/)
    // what was accepted is stored: a newcomer gets it all
    const late = await provider(
      server.port,
      'ses1/answer',
      await token('observer', 'ses1', { id: 'late' }),
    )
    cleanups.push(late.close)
    expect(late.doc.getText('filler').length).toBe(CAP)
  })
})
