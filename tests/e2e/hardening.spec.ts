import { expect, type APIResponse, type ConsoleMessage } from '@playwright/test'
import { test } from './browsers-fixture'
import { bankQuestions, createRoom, enterRoom } from './room-kit'

// Issue 11, the web half: hints, limits on every entry point, headers, hostile paths.

const capOf = (link: string) => link.split('/join/')[1] ?? ''

async function expectJsonError(res: APIResponse, status: number, text?: RegExp) {
  expect(res.status()).toBe(status)
  const body = (await res.json()) as { error: unknown }
  expect(typeof body.error).toBe('string')
  if (text) expect(body.error).toMatch(text)
}

test('interviewer hints reach only the interviewer of a room', async ({ request }) => {
  const [question] = await bankQuestions(request)
  const room = await createRoom(request, question?.id ?? '')
  const joined = await request.post('/api/join', {
    data: { capability: capOf(room.links.interviewer), name: 'Ivy' },
  })
  const hints = ((await joined.json()) as { question: { hints: string[] } }).question.hints
  expect(hints.length).toBeGreaterThan(0)
  const hint = hints[0] ?? ''

  const bank = await (await request.get('/api/questions')).text()
  expect(bank).not.toContain('"hints"')
  expect(bank).not.toContain(hint)
  for (const path of ['/', `/questions/${question?.id ?? ''}`]) {
    const html = await (await request.get(path)).text()
    expect(html).toContain(question?.title.replace(/&/g, '&amp;').slice(0, 20) ?? '')
    expect(html).not.toContain(hint)
  }
})

test('every API route refuses oversize and deeply nested bodies with JSON', async ({ request }) => {
  const big = JSON.stringify({ questionId: 'x'.repeat(100 * 1024) })
  for (const path of ['/api/rooms', '/api/join', '/api/livekit/webhook', '/api/livekit/token']) {
    const res = await request.post(path, {
      headers: { 'content-type': 'application/json' },
      data: big,
    })
    await expectJsonError(res, 413, /64 KB/)
  }
  const deep = '['.repeat(5000) + ']'.repeat(5000)
  const res = await request.post('/api/rooms', {
    headers: { 'content-type': 'application/json' },
    data: deep,
  })
  await expectJsonError(res, 400, /nests deeper/)
})

test('joins per address and link are rate limited with a 429 and Retry-After', async ({
  request,
}) => {
  const [question] = await bankQuestions(request)
  const room = await createRoom(request, question?.id ?? '')
  const capability = capOf(room.links.observer)
  const statuses: number[] = []
  let refused: APIResponse | null = null
  for (let i = 0; i < 32; i++) {
    const res = await request.post('/api/join', { data: { capability, name: `Olga ${i}` } })
    statuses.push(res.status())
    if (res.status() === 429) refused = res
  }
  expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true)
  expect(statuses.slice(30)).toEqual([429, 429])
  if (!refused) throw new Error('no 429')
  await expectJsonError(refused, 429, /too many requests/)
  expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0)
  // another link of the same room is not affected
  const other = await request.post('/api/join', {
    data: { capability: capOf(room.links.candidate), name: 'Cody' },
  })
  expect(other.status()).toBe(200)
})

test('pages and API answers carry the security headers', async ({ request }) => {
  for (const path of ['/', '/sessions', '/join/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
    const headers = (await request.get(path)).headers()
    const csp = headers['content-security-policy'] ?? ''
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toMatch(
      /connect-src 'self' ws:\/\/localhost:\d+ ws:\/\/127\.0\.0\.1:\d+ http:\/\/127\.0\.0\.1:\d+/,
    )
    expect(headers['referrer-policy']).toBe('no-referrer')
    expect(headers['x-content-type-options']).toBe('nosniff')
  }
  const first = (await request.get('/')).headers()['content-security-policy']
  const second = (await request.get('/')).headers()['content-security-policy']
  expect(first).not.toBe(second)
  const api = (await request.get('/api/questions')).headers()
  expect(api['referrer-policy']).toBe('no-referrer')
  expect(api['x-content-type-options']).toBe('nosniff')
  expect(api['content-security-policy']).toContain("frame-ancestors 'none'")
})

test('the room runs under the CSP: editors, sync and the call panel, no violation', async ({
  browsers,
  request,
}) => {
  const violations: string[] = []
  const watch = (m: ConsoleMessage) => {
    if (/Content Security Policy|Refused to (load|connect|execute|apply)/i.test(m.text()))
      violations.push(m.text())
  }
  const [question] = await bankQuestions(request)
  const room = await createRoom(request, question?.id ?? '')
  const pages = []
  for (const [link, name] of [
    [room.links.interviewer, 'Ivy'],
    [room.links.candidate, 'Cody'],
  ] as const) {
    const page = await (await browsers.newContext()).newPage()
    page.on('console', watch)
    await page.goto(link)
    await enterRoom(page, name)
    pages.push(page)
  }
  const [ivy, cody] = pages
  if (!ivy || !cody) throw new Error('two pages')
  await ivy.getByRole('button', { name: 'Reveal question' }).click()
  await cody.getByRole('textbox', { name: 'Clarify', exact: true }).click()
  await cody.keyboard.type('Typed under a strict CSP')
  await expect(ivy.getByRole('textbox', { name: 'Clarify', exact: true })).toContainText(
    'Typed under a strict CSP',
  )
  // the call panel has tried LiveKit (offline here): a CSP block would show as a violation
  await expect(ivy.getByRole('status', { name: 'Call status' })).toHaveText('Audio offline')
  await ivy.goto('/')
  await ivy.goto('/sessions')
  expect(violations).toEqual([])
})
