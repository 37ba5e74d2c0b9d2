import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, type APIRequestContext, type Page } from '@playwright/test'
import type { SessionRecord } from '@mockroom/session-model'
import { test, type Browsers } from './browsers-fixture'
import { e2eWebPort, OwnedLivekitServer } from './livekit-server-kit'
import { bankQuestions, createRoom, enterRoom } from './room-kit'

// Talk time from a real call (issue 26 point 7): a livekit-server of the spec's own, two people
// in the call, the record as the review API gives it, and the review's talk facts.

/**
 * Call at the top of a spec: starts a livekit-server for it (skips without the binary, fails
 * under CI); the server, for a spec that stops and starts it.
 */
export function ownLivekitServer(logName = 'talk') {
  const server = OwnedLivekitServer.create(
    `http://localhost:${e2eWebPort()}/api/livekit/webhook`,
    join(tmpdir(), `mockroom-livekit-${logName}-${e2eWebPort()}.log`),
  )
  test.skip(
    !server && !process.env.CI,
    'no livekit-server binary (`pnpm livekit:install` gets one): real-call suite skipped',
  )
  test.describe.configure({ timeout: 150_000 })
  test.beforeAll(async () => {
    if (!server) throw new Error('CI=true but no livekit-server: run `pnpm livekit:install` first')
    await server.start()
  })
  test.afterAll(async () => server?.stop())
  return server
}

export async function joinCall(browsers: Browsers, link: string, name: string): Promise<Page> {
  const page = await (await browsers.newContext()).newPage()
  await page.goto(link)
  await enterRoom(page, name)
  await expect(page.getByRole('status', { name: 'Call status' })).toHaveText('In the call', {
    timeout: 30_000,
  })
  return page
}

export async function record(request: APIRequestContext, link: string): Promise<SessionRecord> {
  const capability = new URL(link).pathname.split('/').pop() ?? ''
  const list = await request.get(`/api/review/${capability}`)
  const { sessions } = (await list.json()) as { sessions: Array<{ sessionId: string }> }
  const res = await request.get(`/api/review/${capability}/${sessions[0]?.sessionId ?? ''}`)
  return (await res.json()) as SessionRecord
}

export async function started(browsers: Browsers, request: APIRequestContext) {
  const [question] = (await bankQuestions(request)).filter((q) => q.type === 'product-improvement')
  const room = await createRoom(request, question?.id ?? '')
  const ivy = await joinCall(browsers, room.links.interviewer, 'Ivy Interviewer')
  const cody = await joinCall(browsers, room.links.candidate, 'Cody Candidate')
  await ivy.getByRole('button', { name: 'Reveal question' }).click()
  await ivy.getByRole('button', { name: 'Start interview' }).click()
  await expect(ivy.getByRole('button', { name: 'End interview' })).toBeVisible()
  return { room, ivy, cody }
}

export const talkOf = (r: SessionRecord, role?: string) =>
  r.talk.filter((t) => !role || t.role === role).reduce((sum, t) => sum + t.endMs - t.startMs, 0)

export async function endAndReview(ivy: Page) {
  await ivy.getByRole('button', { name: 'End interview' }).click()
  await ivy.getByRole('button', { name: 'Yes, end the interview' }).click()
  const href = await ivy.getByRole('link', { name: 'Review this session' }).getAttribute('href')
  await ivy.goto(href ?? '')
  const insights = ivy.getByRole('region', { name: 'Insights' })
  return {
    fact: (term: string) => insights.locator(`dt:text-is("${term}") + dd`),
    talkTime: ivy.getByRole('region', { name: 'Talk time', exact: true }),
  }
}
