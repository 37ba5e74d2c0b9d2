import { expect, type Page } from '@playwright/test'
import { freePort } from '@mockroom/test-support/services'
import { startTcpProxy, type TcpProxy } from '@mockroom/test-support/tcp-proxy'
import { startAppServer, type AppServer } from './app-server-kit'
import { test } from './browsers-fixture'
import { joinAs, type BankQuestion, type CreatedRoom } from './room-kit'

// Issue 26 point 2: your own connection must not lie. The browser reaches the sync server through
// a TCP hop the test can stall: bytes stop both ways, no `offline` event, no close — the outage a
// dead Wi-Fi or a NAT timeout gives. Each person sees it within 5 s, and "Synced" again only once
// the server has acknowledged their last edit.

let proxy: TcpProxy
let app: AppServer
test.beforeAll(async () => {
  const syncPort = await freePort()
  proxy = await startTcpProxy(() => [{ port: syncPort }])
  app = await startAppServer({
    SYNC_PORT: String(syncPort),
    SYNC_PUBLIC_URL: `ws://localhost:${proxy.port}`,
  })
})
test.afterAll(async () => {
  await app?.stop()
  await proxy?.close()
})

const reconnecting = 'Reconnecting… your edits are kept and will be sent'

/** Every text the connection pill shows from now on, with the time it appeared. */
async function recordPill(page: Page) {
  await page.evaluate(() => {
    const pill = document.querySelector('[aria-labelledby="connection-label"]')
    const seen: Array<{ at: number; text: string }> = [
      { at: Date.now(), text: pill?.textContent ?? '' },
    ]
    ;(window as unknown as { pillSeen: typeof seen }).pillSeen = seen
    if (pill)
      new MutationObserver(() =>
        seen.push({ at: Date.now(), text: pill.textContent ?? '' }),
      ).observe(pill, { childList: true, characterData: true, subtree: true })
  })
  return () =>
    page.evaluate(
      () => (window as unknown as { pillSeen: Array<{ at: number; text: string }> }).pillSeen,
    )
}

test('a silent outage shows "Reconnecting…" within 5 s, and "Synced" only after the server has the edits', async ({
  browsers,
}) => {
  test.setTimeout(120_000)
  const bank = (await (await fetch(`${app.origin}/api/questions`)).json()) as {
    questions: BankQuestion[]
  }
  const question = bank.questions.find((q) => q.type === 'product-improvement')
  const created = await fetch(`${app.origin}/api/rooms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: app.origin },
    body: JSON.stringify({ questionId: question?.id, mode: 'interview' }),
  })
  expect(created.status).toBe(201)
  const room = (await created.json()) as CreatedRoom
  const ivy = await joinAs(browsers, room.links.interviewer, 'Ivy Interviewer')
  const cody = await joinAs(browsers, room.links.candidate, 'Cody Candidate')
  await ivy.getByRole('button', { name: 'Reveal question' }).click()
  await ivy.getByRole('button', { name: 'Start interview' }).click()
  const clarify = cody.getByRole('textbox', { name: 'Clarify', exact: true })
  await clarify.click()
  await cody.keyboard.type('Before. ')
  await expect(ivy.getByRole('textbox', { name: 'Clarify', exact: true })).toContainText('Before.')
  const pill = cody.getByRole('status', { name: 'Connection' })
  await expect(pill).toHaveText('Synced')
  const pillTexts = await recordPill(cody)

  proxy.stall()
  const stalledAt = Date.now()
  // the candidate keeps typing through the outage, as people do
  await cody.keyboard.type('Typed in the dark.', { delay: 40 })
  await expect(pill).toHaveText(reconnecting, { timeout: 5_000 - (Date.now() - stalledAt) })
  const noticedAfter = Date.now() - stalledAt
  // ten seconds of outage in all, typing now and then
  while (Date.now() - stalledAt < 10_000) {
    await cody.keyboard.type('.')
    await expect(pill).toHaveText(reconnecting)
    await cody.waitForTimeout(1_000)
  }
  const restoredAt = Date.now()
  proxy.restore()
  await expect(pill).toHaveText('Synced', { timeout: 30_000 })
  // nothing was lost: the interviewer has all of it
  await expect(ivy.getByRole('textbox', { name: 'Clarify', exact: true })).toContainText(
    'Typed in the dark.',
  )

  const seen = await pillTexts()
  const syncedDuringOutage = seen.filter(
    (s) => s.text === 'Synced' && s.at > stalledAt && s.at < restoredAt,
  )
  expect(syncedDuringOutage, 'never "Synced" while the server has not got the edits').toEqual([])
  console.log(
    `outage noticed after ${noticedAfter} ms; pill: ${seen.map((s) => s.text).join(' → ')}`,
  )
  expect(noticedAfter).toBeLessThanOrEqual(5_000)
})
