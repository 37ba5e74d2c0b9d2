import { applyEvent, type RoomEvent, type ClusterLink } from '../cluster/cluster-link'
import type { RoomRegistry } from '../core/live-doc-registry'
import type { DocRoom } from '../core/live-doc'

/** How the controller reaches documents other than the one the request came in on. */
export interface RoomAccess {
  /** runs `task` with the document loaded (loaded just for the call when nobody has it open) */
  withRoom<T>(name: string, task: (room: DocRoom) => Promise<T> | T): Promise<T>
  /** runs `task` on the document if it is in memory (or loading); never loads it */
  ifPresent(name: string, task: (room: DocRoom) => void): Promise<void>
  openRooms(): Iterable<DocRoom>
  /** locks documents against client writes, here and on every other sync instance */
  lock(names: string[]): Promise<void>
  /** closes one participant's sockets (4410), here and on every other sync instance */
  closeParticipant(participantId: string): void
  /** runs a request on the control document alone among all instances (cluster-link.ts) */
  exclusive<T>(control: DocRoom, task: () => Promise<T>): Promise<T>
}

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
