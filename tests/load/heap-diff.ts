// pnpm --filter @mockroom/load heap:diff — where the live heap per room goes: a heap snapshot of
// the sync server (bundle, as `pnpm start` runs it) before and with N idle rooms of 3 connections
// and a short answer; prints the constructors that grew most, in bytes per room.
import { join } from 'node:path'
import WebSocket from 'ws'
import { buildSync } from '../../scripts/sync-command.mjs'
import { loadTokens, mockroomSpec, referenceSpec } from './bench-servers'
import { launch } from './server-proc'
import { SteadyLoad } from './steady-load'

const ROOMS = Number(process.env.ROOMS ?? 200)
const secret = 'heap-diff-secret-0123456789abcdef'
const root = join(import.meta.dirname, '../..')
if (!buildSync(root)) throw new Error('building apps/sync failed')

interface Snapshot {
  snapshot: {
    meta: {
      node_fields: string[]
      node_types: [string[]]
      edge_fields: string[]
      edge_types: [string[]]
    }
  }
  nodes: number[]
  edges: number[]
  strings: string[]
}

// OWNERS=1: key each object by what holds it too (first strong retainer's name and the edge),
// e.g. `array <- Map.table`, to tell which structure per room grew
const byOwner = process.env.OWNERS === '1'
// CODE=1: name compiled code by what it is for (which functions grew optimized code)
const codeNames = process.env.CODE === '1'

async function takeSnapshot(url: string): Promise<Map<string, number>> {
  const ws = new WebSocket(url)
  await new Promise((ok, fail) => ws.once('open', ok).once('error', fail))
  const chunks: string[] = []
  let id = 0
  const call = (method: string, params = {}) =>
    new Promise<void>((ok) => {
      const mine = ++id
      const onMessage = (raw: Buffer) => {
        const msg = JSON.parse(raw.toString()) as {
          id?: number
          method?: string
          params?: { chunk: string }
        }
        if (msg.method === 'HeapProfiler.addHeapSnapshotChunk' && msg.params)
          chunks.push(msg.params.chunk)
        if (msg.id === mine) {
          ws.off('message', onMessage)
          ok()
        }
      }
      ws.on('message', onMessage)
      ws.send(JSON.stringify({ id: mine, method, params }))
    })
  await call('HeapProfiler.collectGarbage')
  await call('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  ws.close()
  const snap = JSON.parse(chunks.join('')) as Snapshot
  const fields = snap.snapshot.meta.node_fields
  const types = snap.snapshot.meta.node_types[0]
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f))
  const keyOf = (i: number) => {
    const type = types[snap.nodes[i + typeAt!]!] ?? '?'
    const name =
      type === 'object' || type === 'closure' || (codeNames && type === 'code')
        ? snap.strings[snap.nodes[i + nameAt!]!]
        : ''
    return `${type}${name ? ` ${name}` : ''}`
  }
  const owner = new Map<number, { from: number; edge: string }>()
  if (byOwner) {
    const edgeCountAt = fields.indexOf('edge_count')
    const ef = snap.snapshot.meta.edge_fields
    const edgeTypes = snap.snapshot.meta.edge_types[0]
    const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((f) => ef.indexOf(f))
    let e = 0
    for (let i = 0; i < snap.nodes.length; i += fields.length) {
      const count = snap.nodes[i + edgeCountAt]!
      for (let k = 0; k < count; k++, e += ef.length) {
        const kind = edgeTypes[snap.edges[e + eType!]!]
        const to = snap.edges[e + eTo!]!
        if (kind === 'weak' || kind === 'shortcut' || owner.has(to)) continue
        const raw = snap.edges[e + eName!]!
        const edge = kind === 'element' || kind === 'hidden' ? `[]` : snap.strings[raw]
        owner.set(to, { from: i, edge: edge ?? '?' })
      }
    }
  }
  const bySize = new Map<string, number>()
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    let key = keyOf(i)
    // two links up: `array <- Map.table <- DocRoom.members`
    for (let at = i, depth = 0; byOwner && depth < 2; depth++) {
      const o = owner.get(at)
      if (!o) break
      key += ` <- ${keyOf(o.from).replace(/^object /, '')}.${o.edge}`
      at = o.from
    }
    bySize.set(key, (bySize.get(key) ?? 0) + snap.nodes[i + sizeAt!]!)
  }
  return bySize
}

// SERVER=reference: the same for the in-memory @y/websocket-server, for comparison
const reference = process.env.SERVER === 'reference'
const proc = await launch(reference ? referenceSpec() : mockroomSpec(secret))
const token = loadTokens(reference, secret)
// warm-up rooms first, so code compiled on first use is in the baseline
const warm = new SteadyLoad({ port: proc.port, rooms: 10, rate: 5, prefix: 'warm', token })
await warm.connect()
await new Promise((r) => setTimeout(r, 2000))
warm.close()
await new Promise((r) => setTimeout(r, 2000))
const before = await takeSnapshot(proc.inspectorUrl)
const load = new SteadyLoad({ port: proc.port, rooms: ROOMS, rate: 5, token })
await load.connect()
load.startWindow()
// TYPING=S: seconds of typing before the snapshot (default 3)
await new Promise((r) => setTimeout(r, Number(process.env.TYPING ?? 3) * 1000))
load.stopWindow()
// CLOSED=1: the snapshot after every room closed (what stays: compiled code, caches)
if (process.env.CLOSED === '1') {
  load.close()
  while ((await proc.documents()) > 0) await new Promise((r) => setTimeout(r, 200))
}
const after = await takeSnapshot(proc.inspectorUrl)
const rows = [...after].map(([k, v]) => [k, (v - (before.get(k) ?? 0)) / ROOMS] as const)
rows.sort((a, b) => b[1] - a[1])
const total = rows.reduce((n, [, v]) => n + v, 0)
console.log(`heap per room: ${(total / 1024).toFixed(1)} KB (${ROOMS} rooms, self sizes)`)
for (const [k, v] of rows.slice(0, Number(process.env.TOP ?? 30)))
  console.log(`${v.toFixed(0).padStart(7)} B  ${k}`)
load.close()
await proc.stop()
process.exit(0)
