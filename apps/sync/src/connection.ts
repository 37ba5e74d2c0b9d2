import { encodeControlResult, type ControlResult } from '@mockroom/answer-doc'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { CloseCode, CloseError } from './close-codes'
import type { DocRoom, RoomMember } from './doc-room'
import { decodeClientMessage, encodeAwareness, encodeSyncStep1, encodeSyncStep2 } from './protocol'
import type { Logger } from './types'

/** Opens the conversation on a newly joined connection: our state vector and who is here. */
export function greet(room: DocRoom, member: RoomMember) {
  member.socket.send(encodeSyncStep1(room.doc))
  const others = [...room.awareness.getStates().keys()]
  if (others.length > 0) member.socket.send(encodeAwareness(room.awareness, others))
}

export interface MessageDeps {
  logger: Logger
  /** runs an interviewer's control request; the reply goes back on the same socket */
  control(room: DocRoom, member: RoomMember, body: unknown): Promise<ControlResult>
}

/** Handles one frame from a joined connection. Throws CloseError for frames that end it. */
export async function handleMessage(
  room: DocRoom,
  member: RoomMember,
  data: Uint8Array,
  deps: MessageDeps,
) {
  const { logger } = deps
  const message = decodeClientMessage(data)
  switch (message.kind) {
    case 'syncStep1': {
      // durable before sent: a late joiner never sees an update that is not yet stored
      await room.flush()
      let reply: Uint8Array
      try {
        reply = encodeSyncStep2(room.doc, message.stateVector)
      } catch {
        throw new CloseError(CloseCode.badMessage, 'malformed state vector')
      }
      member.socket.send(reply)
      return
    }
    case 'update': {
      if (member.context.readOnly || room.locked) {
        // drop writes from read-only clients (y-protocols PROTOCOL.md: the server decides what it applies)
        logger.debug(
          { doc: room.name, participant: member.context.participantId },
          'dropped read-only write',
        )
        return
      }
      try {
        Y.applyUpdate(room.doc, message.update, member)
      } catch {
        throw new CloseError(CloseCode.badMessage, 'malformed update')
      }
      return
    }
    case 'awareness': {
      try {
        awarenessProtocol.applyAwarenessUpdate(room.awareness, message.update, member)
      } catch {
        throw new CloseError(CloseCode.badMessage, 'malformed awareness update')
      }
      return
    }
    case 'control': {
      // who may send which action is the controller's decision; observers may send none
      if (member.context.kind !== 'control' || member.context.role === 'observer') {
        throw new CloseError(CloseCode.forbidden, 'observers cannot send control requests')
      }
      member.socket.send(encodeControlResult(await deps.control(room, member, message.body)))
      return
    }
    case 'queryAwareness': {
      const all = [...room.awareness.getStates().keys()]
      member.socket.send(encodeAwareness(room.awareness, all))
      return
    }
  }
}
