import { ActionError } from '@mockroom/session-model'
import { CloseCode } from '@mockroom/protocol'
import type { Store } from '@mockroom/store'
import { z } from 'zod'
import type { LiveDoc } from '../core/live-doc'
import type { RedisBus } from './redis-bus'
import { docChannel, followDoc, type DocFollower } from './doc-peers'
import type { Logger } from '../observability/logger'

const EVENTS = 'mockroom:events'

/** Session-wide facts every instance applies to the documents it has in memory. */
const clusterEvent = z.discriminatedUnion('type', [
  // the session ended (or its feedback is final): these documents take no client writes
  z.object({ type: z.literal('lock'), docs: z.array(z.string()) }),
  // an interviewer removed this participant: their sockets close everywhere (4410)
  z.object({ type: z.literal('remove'), participantId: z.string() }),
  // an instance was cut off from Redis: what it published meanwhile was lost, read the store
  z.object({ type: z.literal('resync'), docs: z.array(z.string()) }),
])
export type ClusterEvent = z.infer<typeof clusterEvent>
/** the events that change loaded documents (raised by control requests) */
export type DocEvent = Extract<ClusterEvent, { type: 'lock' | 'remove' }>

/** What the loaded documents of this instance look like to the cluster link. */
export interface LocalDocs {
  ifPresent(name: string, task: (live: LiveDoc) => void): Promise<void>
  openDocs(): Iterable<LiveDoc>
}

/** Applies a cluster event to this instance's documents (also used for events raised here). */
export async function applyEvent(local: LocalDocs, event: DocEvent): Promise<void> {
  if (event.type === 'lock') {
    for (const name of event.docs) await local.ifPresent(name, (d) => d.lock())
    return
  }
  for (const d of local.openDocs())
    d.closeMembers(CloseCode.removed, 'removed from the room', event.participantId)
}

/**
 * This instance's part in a cluster (docs/architecture.md, "Several instances (cluster mode)"): documents
 * follow their Redis channel, session events reach every instance, control requests run one at a
 * time per session across instances, and a Redis reconnect catches every open document up.
 */
export function clusterLink(bus: RedisBus, store: Store, logger: Logger) {
  // everything another instance stored: snapshot and all updates (Yjs skips what it has)
  async function catchUp(live: LiveDoc) {
    const loaded = await store.updates.loadDoc(live.name)
    logger.debug({ doc: live.name, updates: loaded.updates.length }, 'caught up from the store')
    if (live.hasFailed) return
    live.applyRemote(loaded.snapshot ? [loaded.snapshot, ...loaded.updates] : loaded.updates)
  }

  let local: LocalDocs | null = null
  // after a Redis outage: the document from the store, and the presence of the others' members
  const refresh = (live: LiveDoc) =>
    catchUp(live)
      .then(() => bus.publish(docChannel(live.name), { kind: 'awareness-query' }))
      .catch((err: unknown) => logger.warn({ doc: live.name, err }, 'catch-up failed'))

  return {
    follow: (name: string): Promise<DocFollower> => followDoc(bus, name),

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
        for (const name of event.docs) void local.ifPresent(name, (live) => void refresh(live))
      })
    },

    /** This instance's documents: they get the events, and a Redis reconnect catches them up. */
    bind(here: LocalDocs) {
      local = here
      bus.onRecovered(() => {
        const docs = [...here.openDocs()].map((live) => (void refresh(live), live.name))
        if (docs.length > 0)
          bus.publish(EVENTS, { kind: 'event', json: JSON.stringify({ type: 'resync', docs }) })
      })
    },

    publish(event: DocEvent) {
      bus.publish(EVENTS, { kind: 'event', json: JSON.stringify(event) })
    },

    /**
     * Runs a control request alone among every instance's requests for the same document, on a
     * document brought up to date from the store (the last holder stored its change before it let go).
     */
    async exclusive<T>(control: LiveDoc, task: () => Promise<T>): Promise<T> {
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
