import { encodeSyncStep1, MessageType } from '@mockroom/protocol'
import type { WebsocketProvider } from 'y-websocket'
import { messageYjsSyncStep1, messageYjsSyncStep2 } from 'y-protocols/sync'
import type { ConnectionEvent } from './connection-state'

/** how often the tracker looks at the socket */
export const ACK_TICK_MS = 500
/** silence after which we ask the server for a sign of life */
export const QUIET_PROBE_MS = 1_500
/** a question unanswered this long means the socket is stalled (no close, no `offline` event) */
export const STALL_MS = 2_500
/** at most one acknowledgement request this often while someone types */
const ACK_PROBE_GAP_MS = 300

const queryAwareness = new Uint8Array([MessageType.queryAwareness])

// y-websocket has no per-update acknowledgement and only notices a dead socket after 30 s of
// silence. The sync server answers a sync step 1 only after its earlier frames are applied and
// stored, so a step 2 reply to a step 1 sent after our last edit acknowledges that edit; a
// question nobody answers within STALL_MS tells us the socket is stalled.
export function trackEditAcks(
  provider: WebsocketProvider,
  onEvent: (event: ConnectionEvent) => void,
): () => void {
  const doc = provider.doc
  let editSeq = 0
  let ackedSeq = 0
  // per socket: what each outstanding step 1 was sent for (null: the provider's own on open)
  let awaiting: Array<number | null> = []
  let greeted = false
  let ackInFlight = false
  let lastAckProbeAt = 0
  let lastRx = Date.now()
  let askedAt: number | null = null
  let socket: WebSocket | null = null
  let pending = false
  let stalled = false

  const report = () => {
    const nowPending = editSeq > ackedSeq
    if (nowPending !== pending) {
      pending = nowPending
      onEvent({ type: 'acks', pending })
    }
    const nowStalled = askedAt !== null && Date.now() - askedAt >= STALL_MS
    if (nowStalled !== stalled) {
      stalled = nowStalled
      onEvent({ type: 'stall', stalled })
    }
  }
  const send = (frame: Uint8Array) => {
    if (!socket || socket.readyState !== WebSocket.OPEN) return false
    socket.send(frame)
    askedAt ??= Date.now()
    return true
  }
  const askForAck = () => {
    if (send(encodeSyncStep1(doc))) {
      awaiting.push(editSeq)
      ackInFlight = true
      lastAckProbeAt = Date.now()
    }
  }
  const onMessage = (event: MessageEvent) => {
    lastRx = Date.now()
    askedAt = null
    const bytes = new Uint8Array(event.data as ArrayBuffer)
    if (bytes[0] === MessageType.sync && bytes[1] === messageYjsSyncStep2) {
      const seq = awaiting.shift()
      if (seq !== undefined && seq !== null) {
        ackedSeq = Math.max(ackedSeq, seq)
        ackInFlight = awaiting.some((s) => s !== null)
      }
    } else if (bytes[0] === MessageType.sync && bytes[1] === messageYjsSyncStep1) {
      // the provider has just answered with our offline edits: only a question after that counts
      greeted = true
      if (editSeq > ackedSeq) askForAck()
    }
    report()
  }
  const detach = () => {
    socket?.removeEventListener('message', onMessage)
    socket = null
  }
  const onStatus = ({ status }: { status: 'connecting' | 'connected' | 'disconnected' }) => {
    if (status === 'connecting') {
      detach()
      socket = provider.ws
      socket?.addEventListener('message', onMessage)
      awaiting = []
      greeted = false
      ackInFlight = false
      askedAt = null
    } else if (status === 'connected') {
      lastRx = Date.now()
      // the provider sends its own step 1 right after this event
      awaiting.push(null)
    } else {
      detach()
      askedAt = null
    }
    report()
  }
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === provider) return
    editSeq++
    report()
  }
  const tick = () => {
    if (!socket || socket.readyState !== WebSocket.OPEN) return
    const now = Date.now()
    if (greeted && editSeq > ackedSeq && !ackInFlight && now - lastAckProbeAt >= ACK_PROBE_GAP_MS)
      askForAck()
    else if (askedAt === null && now - lastRx >= QUIET_PROBE_MS) send(queryAwareness)
    report()
  }

  provider.on('status', onStatus)
  doc.on('update', onUpdate)
  // the provider dials in its constructor, before we could listen
  if (provider.ws) onStatus({ status: 'connecting' })
  const timer = setInterval(tick, ACK_TICK_MS)
  return () => {
    clearInterval(timer)
    provider.off('status', onStatus)
    doc.off('update', onUpdate)
    detach()
  }
}
