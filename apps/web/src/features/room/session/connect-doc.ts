import { CloseCode, closeRule, closeRules } from '@mockroom/protocol'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { ApiError } from '../../../lib/api-error'
import type { ConnectionEvent } from './connection-state'
import { trackEditAcks } from './edit-acks'

export interface DocConnection {
  doc: Y.Doc
  provider: WebsocketProvider
  /** stops reconnecting and frees the doc; the connection is unusable afterwards */
  dispose: () => void
}

export interface DocOptions {
  syncUrl: string
  /** `<sessionId>/answer|control|private` */
  docName: string
  token: string
  /** whether this document carries our presence (carets, the people list): the answer only */
  presence: boolean
  onEvent: (event: ConnectionEvent) => void
  /** the server refused us for good (close code, or null when renewing failed) */
  onProblem: (message: string, code: number | null) => void
  /** a fresh token for the same participant; rejects with ApiError when the API says no */
  renewToken: () => Promise<string>
}

const NETWORK_RETRY_MS = 5_000

// Opens one document of the session and keeps it connected: token renewal on 4401/4402, offline
// detection, and a clear problem for the close codes reconnecting cannot fix.
export function connectDoc(options: DocOptions): DocConnection {
  const { onEvent, onProblem, renewToken, presence } = options
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(options.syncUrl, options.docName, doc, {
    params: { token: options.token },
    // Tabs must not sync with each other behind the server's back: it alone checks permissions.
    disableBc: true,
    // the protocol's close table decides, not y-websocket's default range test
    shouldReconnect: (event) => closeRule(event.code).action === 'reconnect',
  })
  // Without this, y-websocket would announce an empty awareness state on every document.
  if (!presence) provider.awareness.setLocalState(null)
  let disposed = false
  let fatal = false
  // A 4401 is retried once with a fresh token; a second one before syncing again is final.
  let retriedInvalid = false

  const giveUp = (message: string, code: number | null) => {
    fatal = true
    onProblem(message, code)
  }
  const reconnectWithFreshToken = async (): Promise<void> => {
    if (disposed) return
    try {
      const token = await renewToken()
      if (disposed) return
      provider.params = { token }
      provider.connect()
    } catch (error) {
      if (disposed) return
      // Network trouble is temporary; an answer from the API ("unknown link") is not.
      if (error instanceof ApiError)
        giveUp(
          error.status === 403 ? error.message : closeRules[CloseCode.tokenExpired].message,
          null,
        )
      else setTimeout(() => void reconnectWithFreshToken(), NETWORK_RETRY_MS)
    }
  }

  const onStatus = ({ status }: { status: 'connecting' | 'connected' | 'disconnected' }) => {
    // Peers dropped our presence when we went away; re-announcing at the same awareness clock
    // would be ignored as stale, so bump it by setting the state again.
    if (presence && status === 'connected') {
      provider.awareness.setLocalState(provider.awareness.getLocalState())
    }
    onEvent({ type: 'status', status })
  }
  const onSync = (synced: boolean) => {
    if (synced) retriedInvalid = false
    onEvent({ type: 'sync', synced })
  }
  const onClosed = ({ code }: { code: number }) => {
    const rule = closeRule(code)
    const invalid = code === CloseCode.unauthorized
    if (rule.action === 'renew-token' && !(invalid && retriedInvalid)) {
      if (invalid) retriedInvalid = true
      void reconnectWithFreshToken()
      return
    }
    giveUp(rule.message, code)
  }
  // The browser knows about a lost network long before a dead socket times out.
  const onOffline = () => {
    onEvent({ type: 'browser', online: false })
    provider.disconnect()
  }
  const onOnline = () => {
    onEvent({ type: 'browser', online: true })
    if (!fatal) provider.connect()
  }

  provider.on('status', onStatus)
  provider.on('sync', onSync)
  provider.on('closed', onClosed)
  window.addEventListener('offline', onOffline)
  window.addEventListener('online', onOnline)
  if (!navigator.onLine) onOffline()
  // the document people type into tells them honestly whether the server has their edits
  const stopAcks = presence ? trackEditAcks(provider, onEvent) : () => {}

  return {
    doc,
    provider,
    dispose: () => {
      disposed = true
      stopAcks()
      window.removeEventListener('offline', onOffline)
      window.removeEventListener('online', onOnline)
      provider.off('status', onStatus)
      provider.off('sync', onSync)
      provider.off('closed', onClosed)
      provider.destroy()
      doc.destroy()
    },
  }
}
