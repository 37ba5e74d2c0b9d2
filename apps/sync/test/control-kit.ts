// Test helpers for session-control tests: a seeded room in the real store and control requests.
import {
  encodeControlRequest,
  MessageType,
  type ControlAction,
  type ControlResult,
} from '@mockroom/protocol'
import { roleInRound } from '@mockroom/access'
import { hashCapability } from '@mockroom/access/server'
import { openStore, type Store, type StoreConfig } from '@mockroom/store'
import * as decoding from 'lib0/decoding'
import { afterEach, beforeEach } from 'vitest'
import type { ListeningServer } from '../src/server/http-server'
import { rawClient, start, tempDataDir, token, type RawClient } from './test-kit'

export async function seedRoom(where: string | StoreConfig, questionId: string): Promise<Store> {
  const store = await openStore(typeof where === 'string' ? { dataDir: where } : where)
  await store.rooms.createRoom({
    roomId: 'room1',
    sessionId: 'ses1',
    questionId,
    mode: 'interview',
    links: (['interviewer', 'candidate', 'observer'] as const).map((role) => ({
      role,
      capabilityHash: hashCapability(`cap-${role}`),
      sealedCapability: 'unused',
    })),
    now: Date.now(),
  })
  for (const role of ['interviewer', 'candidate', 'observer'] as const) {
    await store.rooms.upsertParticipant(
      { id: `${role}-1`, roomId: 'room1', name: role, role },
      Date.now(),
    )
  }
  return store
}

/** What the web's join does: the link's role in the room's current round, as a session token. */
export async function tokenForLink(
  store: Store,
  linkRole: 'interviewer' | 'candidate' | 'observer',
) {
  const link = await store.rooms.findLink(hashCapability(`cap-${linkRole}`))
  if (!link) throw new Error('no link')
  const role = roleInRound(link.role, link.swapped)
  return {
    role,
    sessionId: link.sessionId,
    token: await token(role, link.sessionId, { id: `${linkRole}-1` }),
  }
}

const isResult = (f: Uint8Array) =>
  decoding.readVarUint(decoding.createDecoder(f)) === MessageType.controlResult

/** An interviewer's control socket: sends requests and waits for each result. */
export async function controlClient(port: number, sessionId: string, tok: string) {
  const raw: RawClient = await rawClient(port, `${sessionId}/control`, tok)
  let next = 1
  return {
    raw,
    async send(action: ControlAction): Promise<ControlResult> {
      const id = next++
      raw.ws.send(encodeControlRequest({ id, action }))
      const frame = await raw.next((f) => isResult(f) && readResult(f).id === id)
      return readResult(frame)
    },
  }
}

function readResult(frame: Uint8Array): ControlResult {
  const d = decoding.createDecoder(frame)
  decoding.readVarUint(d)
  return JSON.parse(decoding.readVarString(d)) as ControlResult
}

/** What `roomPerTest` keeps for the running test; `server` may be replaced (a restart). */
export interface SeededRoom {
  dataDir: string
  store: Store
  server: ListeningServer
  /** closed after the test, before the server */
  readonly cleanups: Array<() => void>
}

export interface RoomOptions {
  /** more rows for the fresh store, before the server starts */
  seed?: (store: Store) => Promise<void>
  /** how the server starts (default `start(dataDir)`); 'in-test': each test sets `room.server` */
  start?: ((dataDir: string) => Promise<ListeningServer>) | 'in-test'
}

/**
 * For each test of the calling file: a fresh data directory, room1/ses1 seeded with `questionId`,
 * and a sync server on it; everything is closed after the test.
 */
export function roomPerTest(questionId: string, options: RoomOptions = {}): SeededRoom {
  const room: Partial<SeededRoom> & Pick<SeededRoom, 'cleanups'> = { cleanups: [] }
  beforeEach(async () => {
    room.dataDir = tempDataDir()
    room.store = await seedRoom(room.dataDir, questionId)
    await options.seed?.(room.store)
    const startServer = options.start ?? ((dir: string) => start(dir))
    if (startServer !== 'in-test') room.server = await startServer(room.dataDir)
  })
  afterEach(async () => {
    for (const c of room.cleanups.splice(0)) c()
    // the server a test started or restarted last
    await room.server?.close()
    room.server = undefined
    await room.store?.close()
  })
  return room as SeededRoom
}
