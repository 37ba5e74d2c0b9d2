// Test helpers for the core without a network: a SocketLike that records frames and its close.
import type { Store } from '@mockroom/store'
import * as decoding from 'lib0/decoding'
import type { ConnectionContext, SocketLike } from '../src/core/connection-context'

export interface FakeSocket extends SocketLike {
  frames: Uint8Array[]
  closed: Promise<{ code: number; reason: string }>
  /** resolves with the first frame (already received or later) that matches */
  next(predicate: (f: Uint8Array) => boolean): Promise<Uint8Array>
}

export function fakeSocket(): FakeSocket {
  const frames: Uint8Array[] = []
  const waiters: Array<{
    predicate: (f: Uint8Array) => boolean
    resolve: (f: Uint8Array) => void
  }> = []
  let onClose: (c: { code: number; reason: string }) => void = () => undefined
  const closed = new Promise<{ code: number; reason: string }>((r) => (onClose = r))
  return {
    frames,
    closed,
    send(data) {
      frames.push(data)
      for (const w of [...waiters]) {
        if (!w.predicate(data)) continue
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve(data)
      }
    },
    close: (code, reason) => onClose({ code, reason }),
    next(predicate) {
      const seen = frames.find(predicate)
      if (seen) return Promise.resolve(seen)
      return new Promise((resolve) => waiters.push({ predicate, resolve }))
    },
  }
}

export const isSyncStep1 = (f: Uint8Array) => {
  const d = decoding.createDecoder(f)
  return decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === 0
}

export const isUpdate = (f: Uint8Array) => {
  const d = decoding.createDecoder(f)
  return decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === 2
}

export function context(over: Partial<ConnectionContext> = {}): ConnectionContext {
  return {
    participantId: 'interviewer-1',
    name: 'Ivy',
    role: 'interviewer',
    sessionId: 'ses1',
    kind: 'answer',
    readOnly: false,
    ...over,
  }
}

export interface Gate {
  wait: Promise<void>
  open(): void
}

export function gate(): Gate {
  let open: () => void = () => undefined
  const wait = new Promise<void>((r) => (open = r))
  return { wait, open }
}

/** The real store with chosen calls slowed down or broken. */
export function faultyStore(
  store: Store,
  faults: { loadGate?: Gate; failAppend?: () => boolean },
): Store {
  const updates = {
    ...store.updates,
    loadDoc: async (name: string) => {
      await faults.loadGate?.wait
      return store.updates.loadDoc(name)
    },
    appendUpdates: (rows: Parameters<Store['updates']['appendUpdates']>[0]) => {
      if (faults.failAppend?.()) return Promise.reject(new Error('disk full'))
      return store.updates.appendUpdates(rows)
    },
  }
  return { ...store, updates }
}
