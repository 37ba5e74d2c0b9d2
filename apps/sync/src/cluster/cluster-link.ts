import { ActionError } from '@mockroom/session-model'
import { CloseCode } from '@mockroom/protocol'
import type { Store } from '@mockroom/store'
import { z } from 'zod'
import type { DocRoom } from '../core/live-doc'
import type { RedisBus } from './redis-bus'
import { docChannel, followRoom, type RoomFollower } from './doc-peers'
import type { Logger } from '../observability/logger'

const EVENTS = 'mockroom:events'

/** Session-wide facts every instance applies to the rooms it has in memory. */
const clusterEvent = z.discriminatedUnion('type', [
  // the session ended (or its feedback is final): these documents take no client writes
  z.object({ type: z.literal('lock'), docs: z.array(z.string()) }),
  // an interviewer removed this participant: their sockets close everywhere (4410)
  z.object({ type: z.literal('remove'), participantId: z.string() }),
  // an instance was cut off from Redis: what it published meanwhile was lost, read the store
  z.object({ type: z.literal('resync'), docs: z.array(z.string()) }),
])
export type ClusterEvent = z.infer<typeof clusterEvent>
/** the events that change rooms (raised by control requests) */
export type RoomEvent = Extract<ClusterEvent, { type: 'lock' | 'remove' }>

/** What the rooms of this instance look like to the cluster link. */
export interface LocalRooms {
  ifPresent(name: string, task: (room: DocRoom) => void): Promise<void>
  openRooms(): Iterable<DocRoom>
}

/** Applies a cluster event to this instance's rooms (also used for events raised here). */
export async function applyEvent(rooms: LocalRooms, event: RoomEvent): Promise<void> {
  if (event.type === 'lock') {
    for (const name of event.docs) await rooms.ifPresent(name, (r) => r.lock())
    return
  }
  for (const r of rooms.openRooms())
    r.closeMembers(CloseCode.removed, 'removed from the room', event.participantId)
}

/**
 * This instance's part in a cluster (docs/architecture.md, "Several sync instances"): documents
 * follow their Redis channel, session events reach every instance, control requests run one at a
 * time per session across instances, and a Redis reconnect catches every open document up.
 */
export function clusterLink(bus: RedisBus, store: Store, logger: Logger) {
  // everything another instance stored: snapshot and all updates (Yjs skips what it has)
  async function catchUp(room: DocRoom) {
    const loaded = await store.updates.loadDoc(room.name)
    logger.debug({ doc: room.name, updates: loaded.updates.length }, 'caught up from the store')
    if (room.hasFailed) return
    room.applyRemote(loaded.snapshot ? [loaded.snapshot, ...loaded.updates] : loaded.updates)
  }

  let local: LocalRooms | null = null
  // after a Redis outage: the document from the store, and the presence of the others' members
  const refresh = (room: DocRoom) =>
    catchUp(room)
      .then(() => bus.publish(docChannel(room.name), { kind: 'awareness-query' }))
      .catch((err: unknown) => logger.warn({ doc: room.name, err }, 'catch-up failed'))

  return {
    follow: (name: string): Promise<RoomFollower> => followRoom(bus, name),

    /** Listens for session events (before the server takes connections). */
    async listen() {
      await bus.subscribe(EVENTS, (frame) => {
        if (frame.message.kind !== 'event') return
        let parsed
        try {
          parsed = clusterEvent.safeParse(JSON.parse(frame.message.json))
        } catch {
          parsed = null
        }
        if (!parsed?.success) return logger.warn({ from: frame.from }, 'unreadable cluster event')
        const event = parsed.data
        if (!local) return
        if (event.type !== 'resync') return void applyEvent(local, event)
        for (const name of event.docs) void local.ifPresent(name, (room) => void refresh(room))
      })
    },

    /** This instance's rooms: they get the events, and a Redis reconnect catches them up. */
    bind(rooms: LocalRooms) {
      local = rooms
      bus.onRecovered(() => {
        const docs = [...rooms.openRooms()].map((room) => (void refresh(room), room.name))
        if (docs.length > 0)
          bus.publish(EVENTS, { kind: 'event', json: JSON.stringify({ type: 'resync', docs }) })
      })
    },

    publish(event: RoomEvent) {
      bus.publish(EVENTS, { kind: 'event', json: JSON.stringify(event) })
    },

    /**
     * Runs a control request alone among every instance's requests for the same document, on a
     * document brought up to date from the store (the last holder stored its change before it let go).
     */
    async exclusive<T>(control: DocRoom, task: () => Promise<T>): Promise<T> {
      const result = await bus.exclusive(`mockroom:lock:${control.name}`, async () => {
        await catchUp(control)
        return { value: await task() }
      })
      if (!result) throw new ActionError('the session is busy; try again')
      return result.value
    },

    ready: () => bus.ping(),
  }
}

export type ClusterLink = ReturnType<typeof clusterLink>
