import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore, type Store, type StoreConfig } from './open-store'

// SQLite always; PostgreSQL too with TEST_DATABASE_URL (and under CI=true), as store.test.ts
interface Backend {
  name: string
  create(): Promise<{ config: StoreConfig; drop(): Promise<void> }>
}

const sqlite: Backend = {
  name: 'sqlite',
  create: () => {
    const dir = mkdtempSync(join(tmpdir(), 'mockroom-rec-'))
    return Promise.resolve({
      config: { dataDir: dir },
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    })
  },
}

function postgres(adminUrl: string): Backend {
  return {
    name: 'postgres',
    async create() {
      const name = `mockroom_rec_${randomBytes(6).toString('hex')}`
      const admin = new pg.Client({ connectionString: adminUrl })
      await admin.connect()
      await admin.query(`create database ${name}`)
      await admin.end()
      const url = new URL(adminUrl)
      url.pathname = `/${name}`
      return {
        config: { dataDir: tmpdir(), databaseUrl: url.toString() },
        async drop() {
          const c = new pg.Client({ connectionString: adminUrl })
          await c.connect()
          // the pool's sockets close after end() resolves: wait for the server to let go
          for (let attempt = 0; ; attempt++) {
            try {
              await c.query(`drop database if exists ${name}`)
              break
            } catch (err) {
              if ((err as { code?: string }).code !== '55006' || attempt >= 100) throw err
              await new Promise((resolve) => setTimeout(resolve, 20))
            }
          }
          await c.end()
        },
      }
    },
  }
}

const postgresUrl =
  process.env.TEST_DATABASE_URL ??
  (process.env.CI ? 'postgres://postgres@127.0.0.1:5432/postgres' : undefined)
const backends = [sqlite, ...(postgresUrl ? [postgres(postgresUrl)] : [])]

const chunk = (seq: number, data: number[], over: Partial<{ participantId: string }> = {}) => ({
  trackId: 't1',
  sessionId: 's1',
  requestId: 'q1',
  participantId: over.participantId ?? 'p1',
  name: 'Cody',
  role: 'candidate',
  mimeType: 'audio/webm;codecs=opus',
  startedAt: 1_000,
  seq,
  data: new Uint8Array(data),
  now: 2_000 + seq,
})

describe.each(backends)('recordings on $name', (backend) => {
  let store: Store
  let drop: () => Promise<void>

  beforeEach(async () => {
    const made = await backend.create()
    drop = () => made.drop()
    store = await openStore(made.config)
  })
  afterEach(async () => {
    await store.close()
    await drop()
  })

  it('keeps requests and consent receipts as shown', async () => {
    await store.recordings.openRequest({ id: 'q1', sessionId: 's1', askedBy: 'pi', askedAt: 10 })
    const receipt = {
      requestId: 'q1',
      sessionId: 's1',
      participantId: 'p1',
      name: 'Cody',
      role: 'candidate',
      answer: 'allow' as const,
      shownText: 'Ida asks to record audio.',
      createdAt: 11,
    }
    await store.recordings.saveConsent(receipt)
    await store.recordings.saveConsent({ ...receipt, answer: 'refuse', createdAt: 12 })
    expect(await store.recordings.consents('q1')).toEqual([
      receipt,
      { ...receipt, answer: 'refuse', createdAt: 12 },
    ])
    expect(await store.recordings.latestRequest('s1')).toMatchObject({ id: 'q1', stoppedAt: null })
    expect(await store.recordings.stopRequest('q1', 'pi', 20)).toBe(true)
    expect(await store.recordings.stopRequest('q1', 'pi', 21)).toBe(false)
    expect(await store.recordings.latestRequest('s1')).toMatchObject({ stoppedAt: 20 })
  })

  it('stores chunks once per sequence number and hands out the repaired file', async () => {
    const first = await store.recordings.putChunk(chunk(0, [1, 2, 3]))
    expect(first).toMatchObject({ stored: true, track: { bytes: 3, chunks: 1, lastSeq: 0 } })
    // a repeated sequence number is a no-op that keeps the first bytes
    expect(await store.recordings.putChunk(chunk(0, [9, 9]))).toMatchObject({
      stored: false,
      track: { bytes: 3 },
    })
    await store.recordings.putChunk(chunk(1, [4, 5]))
    // someone else's track id is refused
    expect(await store.recordings.putChunk(chunk(2, [6], { participantId: 'p2' }))).toEqual({
      stored: false,
      conflict: 'owner',
    })
    expect(await store.recordings.chunkSeqs('t1')).toEqual([0, 1])
    expect((await store.recordings.chunks('t1')).map((c) => Array.from(c.data))).toEqual([
      [1, 2, 3],
      [4, 5],
    ])
    expect(await store.recordings.sessionBytes('s1')).toBe(5)
    expect(await store.recordings.trackAudio('t1')).toBeNull()
    expect((await store.recordings.unfinalized()).map((t) => t.trackId)).toEqual(['t1'])

    const file = { bytes: new Uint8Array([7, 7, 7]), mimeType: 'audio/webm', durationMs: 5_000 }
    // made of fewer chunks than are stored: not saved (made again with all of them)
    expect(await store.recordings.saveFile('t1', file, 3_000, 1)).toBe(false)
    expect(await store.recordings.saveFile('t1', file, 3_000, 2)).toBe(true)
    expect(await store.recordings.saveFile('t1', file, 3_001, 2)).toBe(false)
    const audio = await store.recordings.trackAudio('t1')
    expect(audio).toMatchObject({
      trackId: 't1',
      sessionId: 's1',
      participantId: 'p1',
      name: 'Cody',
      role: 'candidate',
      mimeType: 'audio/webm',
      startedAt: 1_000,
    })
    expect(Array.from(audio?.bytes ?? [])).toEqual([7, 7, 7])
    expect(await store.recordings.unfinalized()).toEqual([])
    // the file holds the chunks: they are gone, and no chunk is taken after it
    expect(await store.recordings.chunkSeqs('t1')).toEqual([])
    expect(await store.recordings.putChunk(chunk(2, [8]))).toEqual({
      stored: false,
      conflict: 'ended',
    })
    expect(await store.recordings.chunkSeqs('t1')).toEqual([])
    expect(await store.recordings.tracksForSession('s1')).toMatchObject([
      { trackId: 't1', durationMs: 5_000, finalizedAt: 3_000 },
    ])

    expect(await store.recordings.tracksOlderThan(2_001)).toEqual(['t1'])
    await store.recordings.deleteTrack('t1')
    expect(await store.recordings.trackAudio('t1')).toBeNull()
    expect(await store.recordings.chunkSeqs('t1')).toEqual([])
    expect(await store.recordings.tracksForSession('s1')).toEqual([])
  })
})
