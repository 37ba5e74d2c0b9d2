// Issue #22: `kill -9` of the sync server mid-upload loses no chunk it acknowledged, and the
// upload resumes on the restarted server with contiguous sequence numbers.
import type { ChildProcess } from 'node:child_process'
import type { Store } from '@mockroom/store'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { seedRoom } from './control-kit'
import { consent, joinSpeakers, putChunk } from './recording-kit'
import { exited, spawnSyncChild } from './sync-child-kit'
import { tempDataDir, token } from './test-kit'

const spawnServer = (dataDir: string) => spawnSyncChild({ DATA_DIR: dataDir })

let dataDir: string
let store: Store
const procs: ChildProcess[] = []

beforeEach(async () => {
  dataDir = tempDataDir()
  store = await seedRoom(dataDir, 'alipay-international-customers')
  await joinSpeakers(store)
})
afterEach(async () => {
  for (const p of procs.splice(0)) {
    p.kill('SIGKILL')
    await exited(p)
  }
  await store.close()
})

describe('a sync server killed mid-upload', () => {
  it('keeps every acknowledged chunk and takes the rest after a restart', async () => {
    const first = await spawnServer(dataDir)
    procs.push(first.proc)
    const c = await consent(first.port, store, { candidate: true })
    const cand = await token('candidate')
    const body = (seq: number) => new Uint8Array(20_000).fill(seq % 251)
    const acked = new Set<number>()
    const total = 60
    // two uploaders at once (the browser's in-flight limit), killed once some are acknowledged
    let next = 0
    const killed = new Promise<void>((resolve) => {
      const uploader = async () => {
        while (next < total) {
          const seq = next++
          const r = await putChunk({ port: first.port, token: cand, seq, body: body(seq) }).catch(
            () => null,
          )
          if (r?.status === 200) acked.add(seq)
          if (acked.size === 15) {
            first.proc.kill('SIGKILL')
            resolve()
          }
          if (!r) return
        }
      }
      void Promise.all([uploader(), uploader()])
    })
    await killed
    await exited(first.proc)
    c.close()
    expect(acked.size).toBeGreaterThanOrEqual(15)

    const stored = new Set(await store.recordings.chunkSeqs('track-0001'))
    for (const seq of acked) expect(stored.has(seq), `acknowledged chunk ${seq}`).toBe(true)

    // the browser resends everything it still holds (acknowledged ones it already dropped)
    const second = await spawnServer(dataDir)
    procs.push(second.proc)
    for (let seq = 0; seq < total; seq++) {
      if (acked.has(seq)) continue
      const r = await putChunk({ port: second.port, token: cand, seq, body: body(seq) })
      expect(r.status, `chunk ${seq}: ${JSON.stringify(r.body)}`).toBe(200)
    }
    const seqs = await store.recordings.chunkSeqs('track-0001')
    expect(seqs).toEqual(Array.from({ length: total }, (_, i) => i))
    // each chunk's bytes are the ones sent, once
    const chunks = await store.recordings.chunks('track-0001')
    for (const ch of chunks) expect(ch.data[0]).toBe(ch.seq % 251)
    expect((await store.recordings.track('track-0001'))?.bytes).toBe(total * 20_000)
  })
})
