import * as awarenessProtocol from 'y-protocols/awareness'
import { decodeAwarenessUpdate } from '../guards/awareness-guard'
import type { BusFrame } from './bus-frame'
import { remoteOrigin, type LiveDoc } from '../core/live-doc'
import type { RedisBus } from './redis-bus'

export const docChannel = (name: string) => `mockroom:doc:${name}`

export interface DocFollower {
  /** the document has loaded: what arrived meanwhile is applied, and from now on it is live */
  attach(live: LiveDoc): void
  /** the load failed: stop listening */
  cancel(): void
}

/**
 * Links one document to the same document on the other instances. Subscribes BEFORE the load
 * reads the store, so nothing committed elsewhere during the load is missed (what arrives is
 * kept and applied after it; Yjs ignores what the store already gave).
 */
export async function followDoc(bus: RedisBus, name: string): Promise<DocFollower> {
  const channel = docChannel(name)
  let live: LiveDoc | null = null
  const early: BusFrame[] = []
  const handler = (frame: BusFrame) => {
    if (live) receive(bus, channel, live, frame)
    else early.push(frame)
  }
  await bus.subscribe(channel, handler)
  const stop = () => void bus.unsubscribe(channel, handler)
  return {
    attach(r) {
      live = r
      r.peers = {
        committed: (updates) => bus.publish(channel, { kind: 'updates', updates }),
        awareness: (update, participantId) =>
          bus.publish(channel, { kind: 'awareness', participantId, update }),
        closed: stop,
      }
      for (const frame of early.splice(0)) receive(bus, channel, r, frame)
      // who is here on other instances: they answer with their members' presence
      bus.publish(channel, { kind: 'awareness-query' })
    },
    cancel: stop,
  }
}

function receive(bus: RedisBus, channel: string, live: LiveDoc, frame: BusFrame) {
  const m = frame.message
  switch (m.kind) {
    case 'updates':
      return live.applyRemote(m.updates)
    case 'awareness': {
      // the sending instance checked ownership; here the ids are bound to the same person
      const ids = decodeAwarenessUpdate(m.update).map((e) => e.clientId)
      if (m.participantId) live.awarenessOwners.adopt(m.participantId, ids)
      awarenessProtocol.applyAwarenessUpdate(live.awareness, m.update, remoteOrigin)
      return
    }
    case 'awareness-query':
      for (const { participantId, clientIds } of live.ownAwareness())
        bus.publish(channel, {
          kind: 'awareness',
          participantId,
          update: awarenessProtocol.encodeAwarenessUpdate(live.awareness, clientIds),
        })
      return
    case 'event':
      return
  }
}
