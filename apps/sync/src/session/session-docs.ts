import { applyEvent, type DocEvent, type ClusterLink } from '../cluster/cluster-link'
import type { LiveDocRegistry } from '../core/live-doc-registry'
import type { LiveDoc } from '../core/live-doc'

/** How the controller reaches documents other than the one the request came in on. */
export interface SessionDocs {
  /** runs `task` with the document loaded (loaded just for the call when nobody has it open) */
  withDoc<T>(name: string, task: (live: LiveDoc) => Promise<T> | T): Promise<T>
  /** runs `task` on the document if it is in memory (or loading); never loads it */
  ifPresent(name: string, task: (live: LiveDoc) => void): Promise<void>
  openDocs(): Iterable<LiveDoc>
  /** locks documents against client writes, here and on every other sync instance */
  lock(names: string[]): Promise<void>
  /** closes one participant's sockets (4410), here and on every other sync instance */
  closeParticipant(participantId: string): void
  /** runs a request on the control document alone among all instances (cluster-link.ts) */
  exclusive<T>(control: LiveDoc, task: () => Promise<T>): Promise<T>
}

/** How control requests reach documents: this instance's registry, plus the cluster if any. */
export function sessionDocs(
  registry: LiveDocRegistry,
  cluster: ClusterLink | null = null,
): SessionDocs {
  // other instances first (a Redis hop), then here
  const raise = (event: DocEvent) => {
    cluster?.publish(event)
    return applyEvent(registry, event)
  }
  return {
    withDoc: (name, task) => registry.use(name, task),
    ifPresent: (name, task) => registry.ifPresent(name, task),
    openDocs: () => registry.openDocs(),
    lock: (docs) => raise({ type: 'lock', docs }),
    closeParticipant: (participantId) => void raise({ type: 'remove', participantId }),
    exclusive: (control, task) => (cluster ? cluster.exclusive(control, task) : task()),
  }
}
