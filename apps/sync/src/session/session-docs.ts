import { applyEvent, type RoomEvent, type ClusterLink } from '../cluster/cluster-link'
import type { RoomRegistry } from '../core/live-doc-registry'
import type { RoomAccess } from './session-controller'

/** How control requests reach documents: this instance's registry, plus the cluster if any. */
export function roomAccess(rooms: RoomRegistry, cluster: ClusterLink | null = null): RoomAccess {
  // other instances first (a Redis hop), then here
  const raise = (event: RoomEvent) => {
    cluster?.publish(event)
    return applyEvent(rooms, event)
  }
  return {
    withRoom: (name, task) => rooms.use(name, task),
    ifPresent: (name, task) => rooms.ifPresent(name, task),
    openRooms: () => rooms.openRooms(),
    lock: (docs) => raise({ type: 'lock', docs }),
    closeParticipant: (participantId) => void raise({ type: 'remove', participantId }),
    exclusive: (control, task) => (cluster ? cluster.exclusive(control, task) : task()),
  }
}
