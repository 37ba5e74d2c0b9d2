import { isRole, type Role } from '@mockroom/access'
import { useEffect, useMemo, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { isRecord } from '../../lib/api-error'
import { fetchParticipants, type Participant } from './fetch-participants'
import { participantColor } from './participant-color'
import { useAwarenessValue } from './session/use-awareness-value'

export interface PresenceEntry extends Participant {
  color: string
  connected: boolean
  isSelf: boolean
}

interface RemotePerson {
  id: string
  name: string
  role: Role | null
}

export interface ParticipantsOptions {
  roomId: string
  token: string
  awareness: Awareness | null
  self: Participant
  /** whether our own socket is connected and in sync */
  selfConnected: boolean
}

const REFETCH_DEBOUNCE_MS = 250

// Other clients' identities as a sorted JSON string: a primitive snapshot, so cursor moves (which
// also fire awareness "change") do not re-render anything unless someone came or went.
function remoteSnapshot(awareness: Awareness | null): string {
  if (!awareness) return '[]'
  const people = new Map<string, RemotePerson>()
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID) return
    const user = isRecord(state.user) ? state.user : null
    if (!user || typeof user.participantId !== 'string') return
    people.set(user.participantId, {
      id: user.participantId,
      name: typeof user.name === 'string' ? user.name : '',
      role: isRole(user.role) ? user.role : null,
    })
  })
  return JSON.stringify([...people.values()].sort((a, b) => a.id.localeCompare(b.id)))
}

// Everyone who joined the room (from the API) marked connected/not from live awareness.
export function useParticipants(options: ParticipantsOptions): PresenceEntry[] {
  const { roomId, token, awareness, self, selfConnected } = options

  const remote = useAwarenessValue<RemotePerson[]>(awareness, remoteSnapshot)

  const [joined, setJoined] = useState<Participant[]>([])
  // Refetch whenever the set of connected people changes: a newcomer is in awareness first.
  useEffect(() => {
    const controller = new AbortController()
    const timer = setTimeout(() => {
      fetchParticipants(roomId, token, controller.signal)
        .then(setJoined)
        .catch(() => {
          // keep the last list; live presence still comes from awareness
        })
    }, REFETCH_DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [roomId, token, remote])

  return useMemo(() => {
    const byId = new Map<string, Participant>()
    for (const person of joined) byId.set(person.id, person)
    // the API may lag behind a newcomer; awareness already knows their name and role
    for (const person of remote) {
      if (!byId.has(person.id) && person.role) byId.set(person.id, { ...person, role: person.role })
    }
    if (!byId.has(self.id)) byId.set(self.id, self)
    const online = new Set(remote.map((person) => person.id))
    return [...byId.values()].map((person) => {
      const isSelf = person.id === self.id
      return {
        ...person,
        color: person.color ?? participantColor(person.id),
        isSelf,
        connected: online.has(person.id) || (isSelf && selfConnected),
      }
    })
  }, [joined, remote, self, selfConnected])
}
