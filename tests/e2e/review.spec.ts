import { readFile } from 'node:fs/promises'
import { expect, type Locator, type Page } from '@playwright/test'
import { test } from './browsers-fixture'
import { bankQuestions, createRoom, enterRoom, joinAs } from './room-kit'

// The record of a session: one row and one colour per person (the same in the room, the replay
// and the exports), exports that say who was there and who wrote what, Rejoin vs Review on
// /sessions, 404 for bad review links, and display names without invisible characters.

const swatchColors = (scope: Locator) =>
  scope
    .locator('.person__swatch')
    .evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor))

async function download(page: Page, button: string): Promise<string> {
  const file = page.waitForEvent('download')
  await page.getByRole('button', { name: button }).click()
  return readFile((await (await file).path()) ?? '', 'utf8')
}

test('one row and one colour per person, kept across a reload; exports say who wrote what', async ({
  browsers,
  request,
}) => {
  const [question] = (await bankQuestions(request)).filter((q) => q.type === 'product-improvement')
  const room = await createRoom(request, question?.id ?? '')
  const ivy = await joinAs(browsers, room.links.interviewer, 'Ivy Interviewer')
  const cody = await joinAs(browsers, room.links.candidate, 'Cody Candidate')
  // a bidirectional override and a zero-width space are dropped; the emoji stays
  await joinAs(browsers, room.links.observer, 'Olga\u202E\u200B 🎧')
  await ivy.getByRole('button', { name: 'Reveal question' }).click()
  await ivy.getByRole('button', { name: 'Start interview' }).click()
  await cody.getByRole('textbox', { name: 'Clarify', exact: true }).click()
  await cody.keyboard.type('Who pays today?')
  // the server has it (stored before broadcast) once the interviewer sees it; only then reload
  await expect(ivy.getByRole('textbox', { name: 'Clarify', exact: true })).toContainText(
    'Who pays today?',
  )

  // a reload is the same person: same row, same colour
  await cody.reload() // a reload of the tab goes straight back into the room
  await expect(cody.getByRole('status', { name: 'Connection' })).toHaveText('Synced')
  await cody.getByRole('textbox', { name: 'Clarify', exact: true }).click()
  await cody.keyboard.press('End')
  await cody.keyboard.type(' Which markets?')
  // typing right after a reload lands (the editor once rebuilt itself as the role turned editable
  // and dropped these keys), and it reaches the other side
  await expect(cody.getByRole('textbox', { name: 'Clarify', exact: true })).toContainText(
    'Who pays today? Which markets?',
  )
  await expect(ivy.getByRole('textbox', { name: 'Clarify', exact: true })).toContainText(
    'Who pays today? Which markets?',
  )
  await ivy.getByRole('textbox', { name: 'Clarify', exact: true }).click()
  await ivy.keyboard.press('End')
  await ivy.keyboard.type(' Ok.')
  await ivy.getByRole('textbox', { name: 'Add a note to the transcript' }).fill('Good start')
  await ivy.getByRole('button', { name: 'Add note' }).click()

  const people = ivy.getByRole('region', { name: 'People in the room' })
  await expect(people.getByRole('listitem')).toHaveCount(3)
  await expect(people).toContainText('Olga 🎧')
  await expect(people).not.toContainText('\u202E')
  const roomColors = await swatchColors(people)
  expect(new Set(roomColors).size).toBe(3)

  // while the round runs, /sessions offers Rejoin
  const codySessions = await cody.context().newPage()
  await codySessions.goto('/sessions')
  const rejoin = codySessions.getByRole('link', { name: /Rejoin/ })
  await expect(rejoin).toHaveAttribute('href', new URL(room.links.candidate).pathname)
  await expect(codySessions.getByRole('link', { name: /^Review/ })).toHaveCount(0)

  await ivy.getByRole('button', { name: 'End interview' }).click()
  await ivy.getByRole('button', { name: 'Yes, end the interview' }).click()
  await codySessions.reload()
  await expect(codySessions.getByRole('link', { name: /^Review/ })).toBeVisible()
  await expect(codySessions.getByRole('link', { name: /Rejoin/ })).toHaveCount(0)

  const reviewHref = await ivy
    .getByRole('link', { name: 'Review this session' })
    .getAttribute('href')
  await ivy.goto(reviewHref ?? '')
  const listed = ivy.getByRole('region', { name: 'Participants' })
  await expect(listed.getByRole('listitem')).toHaveCount(3)
  await expect(listed).toContainText('Olga 🎧')
  // the same colours as in the room, person by person (both lists are in joining order)
  expect(await swatchColors(listed)).toEqual(roomColors)

  const markdown = await download(ivy, 'Download Markdown')
  expect(markdown).toMatch(/- \*\*Date:\*\* \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/)
  expect(markdown).toMatch(/- \*\*Duration:\*\* \d+:\d{2}/)
  expect(markdown).toMatch(
    /- \*\*Participants:\*\* Ivy Interviewer \(interviewer, colour #[0-9a-f]{6}\), Cody Candidate \(candidate, colour #[0-9a-f]{6}\), Olga 🎧 \(observer/,
  )
  expect(markdown).toContain('## Plan vs actual')
  expect(markdown).toMatch(/\| Clarify \| 4:00 \| \d+:\d{2} \|/)
  expect(markdown).toMatch(
    /- \*\*Clarify:\*\* Cody Candidate \d+% \(\d+ characters\), Ivy Interviewer \d+% \(4 characters\)/,
  )
  expect(markdown).toContain('Ivy Interviewer (note): Good start')

  const json = JSON.parse(await download(ivy, 'Download JSON')) as {
    participants: Array<{ id: string; name: string; role: string; color: string }>
    authorship: Record<string, Array<{ author: string; chars: number }>>
  }
  expect(json.participants.map((p) => [p.name, p.role])).toEqual([
    ['Ivy Interviewer', 'interviewer'],
    ['Cody Candidate', 'candidate'],
    ['Olga 🎧', 'observer'],
  ])
  const ids = Object.fromEntries(json.participants.map((p) => [p.name, p.id]))
  expect(json.authorship.clarify).toEqual([
    { author: ids['Cody Candidate'], chars: 'Who pays today? Which markets?'.length },
    { author: ids['Ivy Interviewer'], chars: ' Ok.'.length },
  ])
})

test('bad review links answer 404; an empty display name is refused', async ({
  request,
  browsers,
}) => {
  const room = await createRoom(request, (await bankQuestions(request))[0]?.id ?? '')
  const cap = new URL(room.links.candidate).pathname.split('/').pop() ?? ''
  for (const path of [
    '/review/not-a-real-link',
    '/review/not-a-real-link/not-a-session',
    `/review/${cap}/not-a-session`,
  ]) {
    const res = await request.get(path)
    expect(res.status(), path).toBe(404)
    expect(await res.text()).toContain('This review link is not valid')
  }
  // a valid link alone leads to its current round's review
  const page = await (await browsers.newContext()).newPage()
  await page.goto(`/review/${cap}`)
  await expect(page).toHaveURL(new RegExp(`/review/${cap}/[\\w-]+$`))

  const refused = await request.post('/api/join', {
    data: { capability: cap, name: '\u202E\u200B\u2066' },
  })
  expect(refused.status()).toBe(400)
  expect(JSON.stringify(await refused.json())).toContain('name is required')
  await page.goto(room.links.candidate)
  await enterRoom(page, '  Zoë 👩‍💻  ')
  await expect(page.getByRole('region', { name: 'People in the room' })).toContainText(
    'Zoë 👩‍💻 (you)',
  )
})
