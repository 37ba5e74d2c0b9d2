import { createRequire } from 'node:module'
import type { APIRequestContext, Page } from '@playwright/test'
import type { Browsers } from './browsers-fixture'

// A hand-written LiveKit client: livekit-client loaded into a bare page, driven by the test, with
// none of Mockroom's UI or its client-side checks. Security has to hold against this one.

declare global {
  interface Window {
    LivekitClient: typeof import('livekit-client')
    raw: {
      room: import('livekit-client').Room
      /** DisconnectReason's name once disconnected */
      disconnectReason: string | null
    }
  }
}

const umd = createRequire(import.meta.url).resolve('livekit-client')

/** Trades a link for a session token through the API, as the lobby does. */
export async function sessionToken(
  request: APIRequestContext,
  link: string,
  name: string,
  /** an existing participant: its id and the key that proves it (else a new person joins) */
  as?: { participantId: string; participantKey: string },
): Promise<{ token: string; participantId: string }> {
  const capability = new URL(link).pathname.split('/').pop() ?? ''
  const res = await request.post('/api/join', { data: { capability, name, ...as } })
  if (!res.ok()) throw new Error(`join failed: ${res.status()} ${await res.text()}`)
  return (await res.json()) as { token: string; participantId: string }
}

/** LiveKit connection details for a session token (POST /api/livekit/token). */
export async function callDetails(request: APIRequestContext, token: string) {
  const res = await request.post('/api/livekit/token', {
    headers: { authorization: `Bearer ${token}` },
  })
  return { status: res.status(), body: (await res.json()) as Record<string, string> }
}

export async function openRawClient(browsers: Browsers): Promise<Page> {
  // a hand-written client, not the app: the app's CSP (default-src 'none' on API answers) would
  // refuse the injected livekit-client, so this context ignores it (Playwright bypassCSP)
  const page = await (await browsers.newContext({ bypassCSP: true })).newPage()
  await page.goto('/api/questions') // any page of the app's origin: localhost is a secure context
  await page.addScriptTag({ path: umd })
  return page
}

export async function rawConnect(page: Page, url: string, token: string): Promise<void> {
  await page.evaluate(
    async ([url, token]) => {
      const room = new window.LivekitClient.Room()
      window.raw = { room, disconnectReason: null }
      room.on(window.LivekitClient.RoomEvent.Disconnected, (reason) => {
        const names = window.LivekitClient.DisconnectReason as unknown as Record<number, string>
        window.raw.disconnectReason = reason === undefined ? 'none' : (names[reason] ?? 'unknown')
      })
      await room.connect(url, token)
    },
    [url, token] as const,
  )
}

/**
 * Publishes the fake microphone, claiming the right to: the client-side permission check is
 * switched off, so only the server can refuse. Resolves with the error message, or 'published'.
 */
export function rawPublishIgnoringPermissions(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const { room } = window.raw
    const local = room.localParticipant as unknown as { hasPermissionsToPublish: () => boolean }
    local.hasPermissionsToPublish = () => true
    const [track] = await window.LivekitClient.createLocalTracks({ audio: true })
    if (!track) return 'no track'
    try {
      await room.localParticipant.publishTrack(track)
      return 'published'
    } catch (err) {
      return err instanceof Error ? err.message : String(err)
    }
  })
}

export const rawDisconnectReason = (page: Page) => page.evaluate(() => window.raw.disconnectReason)
