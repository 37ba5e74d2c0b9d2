import { appendSegments, controlDocName } from '@mockroom/answer-doc'
import type { Store } from '@mockroom/store'
import { CloseCode, CloseError } from './close-codes'
import { greet, handleMessage } from './connection'
import { DocRoom, type RoomMember } from './doc-room'
import { prepareRoom } from './prepare-room'
import { sessionController, type RoomAccess } from './session-control'
import type { Transcriber } from './transcriber'
import { transcribeUpload, type AudioDeps, type AudioUpload } from './audio-upload'
import type { AuthenticatePayload, ConnectionContext, Logger, SocketLike } from './types'

export interface SyncServerOptions {
  store: Store
  logger: Logger
  /** Decides who may open which document; throw CloseError to refuse (hocuspocus-style hook). */
  onAuthenticate(payload: AuthenticatePayload): Promise<ConnectionContext>
  /** a deployment's speech-to-text engine for uploaded audio (none by default) */
  transcriber?: Transcriber
}

export interface ConnectionHandle {
  /** Feed every frame the socket receives, in order. */
  receive(data: Uint8Array): void
  /** Call once when the socket has closed. */
  closed(): void
}

export interface SyncServer {
  connect(socket: SocketLike, payload: AuthenticatePayload): ConnectionHandle
  /** server-side transcription of an uploaded audio chunk into the session's transcript */
  transcribe(upload: AudioUpload): Promise<{ status: number; body: object }>
  stats(): { documents: number; connections: number }
  close(): Promise<void>
}

/** The sync core: no sockets of its own, only the SocketLike the glue hands it. */
export function createSyncServer(options: SyncServerOptions): SyncServer {
  const { store, logger } = options
  // each entry settles once the document is loaded; unloading holds the name until it has finished
  const rooms = new Map<string, Promise<DocRoom>>()
  const unloading = new Map<string, Promise<void>>()
  let connections = 0

  const dropRoom = (room: DocRoom) => {
    rooms.delete(room.name)
    for (const m of room.members) m.socket.close(CloseCode.storageFailure, 'storage unavailable')
    room.members.clear()
    room.destroy()
  }

  const loaded = new Set<DocRoom>()

  async function openRoom(name: string): Promise<DocRoom> {
    await unloading.get(name)
    let entry = rooms.get(name)
    if (!entry) {
      entry = DocRoom.load(name, store, logger, dropRoom).then(async (room) => {
        await prepareRoom(room, store)
        loaded.add(room)
        return room
      })
      rooms.set(name, entry)
      entry.catch(() => rooms.delete(name))
    }
    return entry
  }

  function unloadIfUnused(room: DocRoom) {
    if (room.members.size > 0 || rooms.get(room.name) === undefined) return
    // documents with no connection are stored and unloaded from memory
    rooms.delete(room.name)
    loaded.delete(room)
    const done = room
      .unload()
      .catch((err: unknown) => logger.error({ doc: room.name, err }, 'unload failed'))
      .finally(() => unloading.delete(room.name))
    unloading.set(room.name, done)
  }

  function leave(room: DocRoom, member: RoomMember) {
    room.removeMember(member)
    unloadIfUnused(room)
  }

  const roomAccess: RoomAccess = {
    async withRoom(name, task) {
      const room = await openRoom(name)
      try {
        return await task(room)
      } finally {
        unloadIfUnused(room)
      }
    },
    loaded: () => loaded,
  }
  const control = sessionController({ store, rooms: roomAccess })
  const audio: AudioDeps = {
    transcriber: options.transcriber,
    authenticate: (payload) => options.onAuthenticate(payload),
    append: (sessionId, author, segments) =>
      roomAccess.withRoom(controlDocName(sessionId), (room) =>
        room.serverChange(author, (doc) => appendSegments(doc, segments)),
      ),
  }
  const deps = { logger, control }

  function connect(socket: SocketLike, payload: AuthenticatePayload): ConnectionHandle {
    connections++
    let isClosed = false
    let failed = false
    let joined: { room: DocRoom; member: RoomMember } | null = null
    const end = (err: unknown) => {
      if (failed || isClosed) return
      failed = true
      const e =
        err instanceof CloseError ? err : new CloseError(CloseCode.badMessage, 'bad request')
      if (!(err instanceof CloseError))
        logger.error({ err, doc: payload.documentName }, 'unexpected error')
      logger.warn(
        { doc: payload.documentName, code: e.code, reason: e.message },
        'closing connection',
      )
      socket.close(e.code, e.message)
    }
    // frames are handled strictly in order, after authentication and loading
    let chain: Promise<void> = (async () => {
      const context = await options.onAuthenticate(payload)
      const room = await openRoom(payload.documentName)
      if (isClosed) return
      const member: RoomMember = { socket, context, clientIds: new Set() }
      room.members.add(member)
      joined = { room, member }
      greet(room, member)
    })()
    chain.catch(end)

    return {
      receive(data) {
        if (failed || isClosed) return
        chain = chain.then(async () => {
          if (isClosed || !joined) return
          await handleMessage(joined.room, joined.member, data, deps)
        })
        chain.catch(end)
      },
      closed() {
        if (isClosed) return
        isClosed = true
        connections--
        void chain
          .catch(() => undefined)
          .then(() => {
            if (joined) leave(joined.room, joined.member)
          })
      },
    }
  }

  return {
    connect,
    transcribe: (upload) => transcribeUpload(audio, upload),
    stats: () => ({ documents: rooms.size, connections }),
    async close() {
      const loaded = await Promise.allSettled([...rooms.values()])
      rooms.clear()
      for (const r of loaded) {
        if (r.status !== 'fulfilled') continue
        for (const m of r.value.members) m.socket.close(CloseCode.goingAway, 'server shutting down')
        r.value.members.clear()
        await r.value.unload()
      }
      await Promise.all(unloading.values())
    },
  }
}
