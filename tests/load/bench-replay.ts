// pnpm bench:replay — generates a 60-minute session of ~20,000 keystroke updates in a real SQLite
// store, then measures how long the review takes to open it and to render scrub points.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createReplay, readSectionText } from '@mockroom/session-model'
import { openStore } from '@mockroom/store'
import * as Y from 'yjs'

const UPDATES = 20_000
const DURATION_MS = 60 * 60 * 1000
const SECTIONS = ['clarify', 'segments', 'pain-points', 'solutions', 'metrics']
const DOC = 'bench/answer'

function generate() {
  const writers = [new Y.Doc(), new Y.Doc()]
  // capture what a browser really sends: the update of each transaction
  let last: Uint8Array = new Uint8Array()
  for (const w of writers)
    w.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && (last = u))
  const rows = []
  const start = Date.now() - DURATION_MS
  for (let i = 0; i < UPDATES; i++) {
    const w = i % 7 < 4 ? 0 : 1 // interviewer and candidate type in turns
    const doc = writers[w] as Y.Doc
    const section = SECTIONS[Math.floor((i / UPDATES) * SECTIONS.length)] as string
    const fragment = doc.getXmlFragment(`section:${section}`)
    doc.transact(() => {
      let para = fragment.get(fragment.length - 1) as Y.XmlElement | undefined
      if (!para || i % 60 === 0) {
        para = new Y.XmlElement('paragraph')
        para.insert(0, [new Y.XmlText()])
        fragment.insert(fragment.length, [para])
      }
      const text = para.get(0) as Y.XmlText
      // mostly typing, some backspaces, like a real answer
      if (i % 23 === 0 && text.length > 0) text.delete(text.length - 1, 1)
      else text.insert(text.length, 'abcdefghij klmnop'[i % 17] as string)
    })
    const data = last
    Y.applyUpdate(writers[1 - w] as Y.Doc, data, 'remote')
    rows.push({
      doc: DOC,
      data,
      author: w === 0 ? 'interviewer' : 'candidate',
      createdAt: start + Math.floor((i / UPDATES) * DURATION_MS),
    })
  }
  return { rows, final: writers[0] as Y.Doc }
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b)
  const at = (q: number) => (s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0).toFixed(1)
  return `median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`
}

const dir = mkdtempSync(join(tmpdir(), 'mockroom-bench-'))
const store = await openStore({ dataDir: dir })
const { rows, final } = generate()
for (let i = 0; i < rows.length; i += 1000)
  await store.updates.appendUpdates(rows.slice(i, i + 1000))
console.log(
  `session: ${rows.length} updates over ${DURATION_MS / 60000} min, ${SECTIONS.length} sections`,
)

const t0 = performance.now()
const stored = await store.updates.listUpdates(DOC)
const t1 = performance.now()
const replay = createReplay(stored)
const t2 = performance.now()
const last = replay.docAt(replay.end)
const t3 = performance.now()
console.log(
  `open: ${(t3 - t0).toFixed(0)} ms (load ${(t1 - t0).toFixed(0)} ms, index ${(t2 - t1).toFixed(0)} ms, final state ${(t3 - t2).toFixed(0)} ms)`,
)

const ok = SECTIONS.every((k) => readSectionText(last, k) === readSectionText(final, k))
console.log(`final state matches the live document: ${ok}`)

const scrubs: number[] = []
for (let i = 0; i < 200; i++) {
  const t = replay.start + Math.random() * (replay.end - replay.start)
  const s = performance.now()
  const doc = replay.docAt(t)
  for (const k of SECTIONS) readSectionText(doc, k)
  scrubs.push(performance.now() - s)
  doc.destroy()
}
console.log(`scrub to a random moment and read every section (200 samples): ${stats(scrubs)}`)

await store.close()
rmSync(dir, { recursive: true, force: true })
if (!ok) process.exit(1)
