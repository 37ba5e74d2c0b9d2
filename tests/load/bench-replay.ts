// pnpm bench:replay — generates a 60-minute session of ~20,000 keystroke updates and stores it in
// a real SQLite file and a real PostgreSQL database (BENCH_DATABASE_URL, default the local
// server), then, in interleaved rounds, measures on both: the review opening it (load every row,
// index, final state), scrubbing, and the sync server opening the document before and after a
// compaction (whole history, then snapshot + unmarked rows).
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createReplay, readSectionText } from '@mockroom/session-model'
import { openStore, type Store } from '@mockroom/store'
import pg from 'pg'
import * as Y from 'yjs'

const UPDATES = 20_000
const DURATION_MS = 60 * 60 * 1000
const SECTIONS = ['clarify', 'segments', 'pain-points', 'solutions', 'metrics']
const DOC = 'bench/answer'
const ROUNDS = 5
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

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

const quantile = (samples: number[], q: number) => {
  const s = [...samples].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0
}
const ms = (n: number) => `${n.toFixed(1)} ms`

interface Backend {
  name: string
  store: Store
  drop(): Promise<void>
  open: number[]
  load: number[]
  scrub: number[]
  docWhole: number[]
  docCompacted: number[]
  matches: boolean
}

async function sqliteBackend(): Promise<Backend> {
  const dir = mkdtempSync(join(tmpdir(), 'mockroom-bench-'))
  const store = await openStore({ dataDir: dir })
  const drop = () => Promise.resolve(rmSync(dir, { recursive: true, force: true }))
  return { name: 'SQLite', store, drop, ...empty() }
}

async function postgresBackend(): Promise<Backend> {
  const name = `mockroom_bench_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  try {
    await admin.connect()
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${ADMIN_URL} (BENCH_DATABASE_URL): ${String(err)}`,
    )
  }
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  const store = await openStore({ dataDir: tmpdir(), databaseUrl: url.toString() })
  const drop = async () => {
    const c = new pg.Client({ connectionString: ADMIN_URL })
    await c.connect()
    await c.query(`drop database if exists ${name} with (force)`)
    await c.end()
  }
  return { name: 'PostgreSQL', store, drop, ...empty() }
}

const empty = () => ({
  open: [],
  load: [],
  scrub: [],
  docWhole: [],
  docCompacted: [],
  matches: true,
})

// the review: every row of the answer (its history), indexed for replay, and the final state
async function openReview(b: Backend, final: Y.Doc) {
  const t0 = performance.now()
  const stored = await b.store.updates.listUpdates(DOC)
  const t1 = performance.now()
  const replay = createReplay(stored)
  const last = replay.docAt(replay.end)
  b.open.push(performance.now() - t0)
  b.load.push(t1 - t0)
  b.matches &&= SECTIONS.every((k) => readSectionText(last, k) === readSectionText(final, k))
  last.destroy()
  for (let i = 0; i < 40; i++) {
    const t = replay.start + Math.random() * (replay.end - replay.start)
    const s = performance.now()
    const doc = replay.docAt(t)
    for (const k of SECTIONS) readSectionText(doc, k)
    b.scrub.push(performance.now() - s)
    doc.destroy()
  }
}

// the sync server (or the review's control document): the stored state into a Y.Doc
async function openDoc(b: Backend): Promise<number> {
  const t0 = performance.now()
  const { snapshot, updates } = await b.store.updates.loadDoc(DOC)
  const doc = new Y.Doc()
  Y.transact(doc, () => {
    if (snapshot) Y.applyUpdate(doc, snapshot)
    for (const u of updates) Y.applyUpdate(doc, u)
  })
  const took = performance.now() - t0
  doc.destroy()
  return took
}

const mergeStored = (parts: Uint8Array[]) => {
  const doc = new Y.Doc()
  Y.transact(doc, () => parts.forEach((p) => Y.applyUpdate(doc, p)))
  return Y.encodeStateAsUpdate(doc)
}

const { rows, final } = generate()
const backends = [await sqliteBackend(), await postgresBackend()]
for (const b of backends)
  for (let i = 0; i < rows.length; i += 1000)
    await b.store.updates.appendUpdates(rows.slice(i, i + 1000))
console.log(
  `session: ${rows.length} updates over ${DURATION_MS / 60000} min, ${SECTIONS.length} sections; ` +
    `${ROUNDS} interleaved rounds per backend`,
)

for (let round = 0; round < ROUNDS; round++)
  for (const b of round % 2 ? [...backends].reverse() : backends) {
    await openReview(b, final)
    b.docWhole.push(await openDoc(b))
  }
for (const b of backends) {
  const t0 = performance.now()
  const done = await b.store.updates.compact(DOC, mergeStored, Date.now())
  console.log(
    `${b.name}: compaction of ${done ? done.compacted : 0} rows ${ms(performance.now() - t0)}`,
  )
}
for (let round = 0; round < ROUNDS; round++)
  for (const b of round % 2 ? [...backends].reverse() : backends)
    b.docCompacted.push(await openDoc(b))

const rowsOut = [
  ['', ...backends.map((b) => b.name)],
  ['review opens (median of rounds)', ...backends.map((b) => ms(quantile(b.open, 0.5)))],
  ['  of which reading the rows', ...backends.map((b) => ms(quantile(b.load, 0.5)))],
  ['review opens (worst round)', ...backends.map((b) => ms(quantile(b.open, 1)))],
  [
    'scrub p50 / p95',
    ...backends.map((b) => `${ms(quantile(b.scrub, 0.5))} / ${ms(quantile(b.scrub, 0.95))}`),
  ],
  ['document opens, whole history', ...backends.map((b) => ms(quantile(b.docWhole, 0.5)))],
  ['document opens, after compaction', ...backends.map((b) => ms(quantile(b.docCompacted, 0.5)))],
  ['final state matches the live document', ...backends.map((b) => String(b.matches))],
]
for (const r of rowsOut) console.log(`| ${r.join(' | ')} |`)

for (const b of backends) {
  await b.store.close()
  await b.drop()
}
if (!backends.every((b) => b.matches)) process.exit(1)
