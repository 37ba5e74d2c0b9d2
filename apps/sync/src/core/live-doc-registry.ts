import { CloseCode, CloseError } from '@mockroom/protocol'
import type { DocRoom } from './live-doc'
import type { Logger } from '../observability/logger'

/**
 * One entry per document name. `users` counts connections and server tasks holding the room
 * (a connection counts from the moment it asks, so one that leaves while loading releases it too).
 */
type Entry =
  | { state: 'loading'; name: string; ready: Promise<DocRoom>; users: number }
  | { state: 'open'; name: string; room: DocRoom; users: number }
  | { state: 'unloading'; name: string; done: Promise<void> }

export type RoomState = Entry['state']

export interface RoomLoader {
  /** Loads (and prepares) a document; `drop` is the room's way to leave after a storage failure. */
  (name: string, drop: (room: DocRoom) => void): Promise<DocRoom>
}

/** Every loaded document of the sync server, in one map. */
export class RoomRegistry {
  private readonly entries = new Map<string, Entry>()
  private closing = false

  constructor(
    private readonly load: RoomLoader,
    private readonly logger: Logger,
  ) {}

  /** The room for `name`, loaded if needed; the caller holds it until `release(room)`. */
  async open(name: string): Promise<DocRoom> {
    for (;;) {
      if (this.closing) throw new CloseError(CloseCode.goingAway, 'server shutting down')
      const entry = this.entries.get(name)
      if (entry?.state === 'unloading') {
        await entry.done
        continue
      }
      if (entry?.state === 'open') {
        entry.users++
        return entry.room
      }
      if (entry?.state === 'loading') {
        entry.users++
        return entry.ready
      }
      return this.startLoading(name)
    }
  }

  private startLoading(name: string): Promise<DocRoom> {
    const ready = this.load(name, (room) => this.drop(room)).then(
      (room) => {
        // a storage failure while preparing it already closed and destroyed it
        if (room.hasFailed) throw new CloseError(CloseCode.storageFailure, 'storage unavailable')
        const current = this.entries.get(name)
        const users = current?.state === 'loading' && current.ready === ready ? current.users : 0
        this.entries.set(name, { state: 'open', name, room, users })
        // everyone who asked may have released it while it loaded
        if (users === 0) this.unload(name, room)
        return room
      },
      (err: unknown) => {
        const current = this.entries.get(name)
        if (current?.state === 'loading' && current.ready === ready) this.entries.delete(name)
        throw err
      },
    )
    this.entries.set(name, { state: 'loading', name, ready, users: 1 })
    return ready
  }

  /** Gives back a room from `open`; the last release stores and unloads it. */
  release(room: DocRoom) {
    const entry = this.entries.get(room.name)
    if (!entry || entry.state === 'unloading') return
    if (entry.state === 'open' && entry.room !== room) return // a dropped, older room
    entry.users--
    // a loading entry with no users unloads as soon as it has loaded (see startLoading)
    if (entry.state === 'open' && entry.users <= 0) this.unload(room.name, room)
  }

  /** Runs `task` with the room held (loaded just for the call when nobody has it open). */
  async use<T>(name: string, task: (room: DocRoom) => Promise<T> | T): Promise<T> {
    const room = await this.open(name)
    try {
      return await task(room)
    } finally {
      this.release(room)
    }
  }

  /** Runs `task` on the room if it is loaded or loading; never loads it. */
  async ifPresent(name: string, task: (room: DocRoom) => void): Promise<void> {
    const entry = this.entries.get(name)
    if (entry?.state === 'open') task(entry.room)
    if (entry?.state === 'loading') task(await entry.ready)
  }

  /** Rooms in memory and ready. */
  *openRooms(): Iterable<DocRoom> {
    for (const e of this.entries.values()) if (e.state === 'open') yield e.room
  }

  state(name: string): RoomState | undefined {
    return this.entries.get(name)?.state
  }

  get size(): number {
    return this.entries.size
  }

  private unload(name: string, room: DocRoom) {
    const done = room
      .unload()
      .catch((err: unknown) => this.logger.error({ doc: name, err }, 'unload failed'))
      .finally(() => {
        const current = this.entries.get(name)
        if (current?.state === 'unloading' && current.done === done) this.entries.delete(name)
      })
    this.entries.set(name, { state: 'unloading', name, done })
  }

  /** A storage failure: members are closed (they reconnect and resend) and the room is forgotten. */
  private drop(room: DocRoom) {
    const entry = this.entries.get(room.name)
    if (entry?.state === 'open' && entry.room === room) this.entries.delete(room.name)
    room.closeMembers(CloseCode.storageFailure, 'storage unavailable')
    room.destroy()
  }

  /** Shutdown: waits for loads, closes every member with `code`, stores and unloads every room. */
  async closeAll(code: number, reason: string): Promise<void> {
    this.closing = true
    const entries = [...this.entries.values()]
    const pending: Promise<unknown>[] = []
    for (const e of entries) {
      if (e.state === 'unloading') pending.push(e.done)
      else pending.push(this.closeEntry(e, code, reason))
    }
    await Promise.allSettled(pending)
    // rooms that finished loading meanwhile already unload; wait for those too
    const unloads: Promise<void>[] = []
    for (const e of this.entries.values()) if (e.state === 'unloading') unloads.push(e.done)
    await Promise.allSettled(unloads)
  }

  private async closeEntry(e: Entry & { state: 'loading' | 'open' }, code: number, reason: string) {
    const room = e.state === 'open' ? e.room : await e.ready
    const current = this.entries.get(room.name)
    room.closeMembers(code, reason)
    if (current?.state === 'open' && current.room === room) this.unload(room.name, room)
  }
}
