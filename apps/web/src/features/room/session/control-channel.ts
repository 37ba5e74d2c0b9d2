import {
  decodeControlResult,
  encodeControlRequest,
  MessageType,
  type ControlAction,
  type ControlResult,
} from '@mockroom/protocol'
import type { WebsocketProvider } from 'y-websocket'

export interface ControlChannel {
  /** resolves with the server's answer, or a person-readable failure; never rejects */
  send: (action: ControlAction) => Promise<ControlResult>
  /** answers every pending request with a failure and stops listening */
  close: () => void
}

const ANSWER_TIMEOUT_MS = 10_000
const notConnected = 'Not connected to the sync server. Try again in a moment.'
const noAnswer = 'The sync server did not answer. Check the connection and try again.'

// Interviewer requests ride on the control document's socket (message type 100); the server
// answers each by id with type 101. Requests are not queued across reconnects: a stale "next
// section" replayed later would surprise everyone, so a lost socket fails the request instead.
export function openControlChannel(provider: WebsocketProvider): ControlChannel {
  const pending = new Map<number, (result: ControlResult) => void>()
  let nextId = 1

  const settle = (result: ControlResult) => {
    const resolve = pending.get(result.id)
    pending.delete(result.id)
    resolve?.(result)
  }
  provider.messageHandlers[MessageType.controlResult] = (_encoder, decoder) => {
    // a garbled answer is ignored: the request times out with a clear message
    const result = decodeControlResult(decoder)
    if (result) settle(result)
  }
  const failAll = (error: string) => {
    for (const id of [...pending.keys()]) settle({ id, ok: false, error })
  }
  const onStatus = ({ status }: { status: string }) => {
    if (status === 'disconnected') failAll(notConnected)
  }
  provider.on('status', onStatus)

  return {
    send: (action) =>
      new Promise<ControlResult>((resolve) => {
        const id = nextId++
        const ws = provider.ws
        if (!provider.wsconnected || !ws || ws.readyState !== WebSocket.OPEN) {
          resolve({ id, ok: false, error: notConnected })
          return
        }
        const timer = setTimeout(
          () => settle({ id, ok: false, error: noAnswer }),
          ANSWER_TIMEOUT_MS,
        )
        pending.set(id, (result) => {
          clearTimeout(timer)
          resolve(result)
        })
        ws.send(encodeControlRequest({ id, action }))
      }),
    close: () => {
      provider.off('status', onStatus)
      failAll(notConnected)
    },
  }
}
