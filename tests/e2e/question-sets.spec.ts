import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inflateRawSync } from 'node:zlib'
import { expect, type BrowserContext, type Page } from '@playwright/test'
import { test } from './browsers-fixture'
import { enterRoom } from './room-kit'

// Issue 23: coaches bring their own questions. A set is written in the browser, duplicated from
// the bank, edited into a new version and shared; a student starts a mock from the share link;
// the candidate never receives the hints; a review shows the version that was asked. A folder of
// Markdown files imports with a dry run, exports byte for byte, and a malformed file saves nothing.

const HINT = 'Secret hint: teachers create 70% of school workspaces.'
const FOLLOW_UP = 'Secret follow-up: what would you cut first?'
const RUBRIC = 'Secret rubric: asks about goal and scope.'
const V1_PROMPT = 'How would you grow **weekly active teams** in schools?'
const V2_PROMPT = 'Version two: how would you grow weekly active teams in universities?'

/** Everything a context receives: HTTP bodies and WebSocket frames, as text. */
function recordTraffic(context: BrowserContext): { texts: string[]; pending: Promise<void>[] } {
  const texts: string[] = []
  const pending: Promise<void>[] = []
  context.on('response', (res) => {
    pending.push(
      res.body().then(
        (b) => void texts.push(b.toString('utf8')),
        () => undefined,
      ),
    )
  })
  context.on('page', (page) => watchSockets(page, texts))
  return { texts, pending }
}

function watchSockets(page: Page, texts: string[]) {
  page.on('websocket', (ws) => {
    ws.on('framereceived', (f) => texts.push(Buffer.from(f.payload).toString('utf8')))
  })
}

/** The files of a zip (as fflate writes it: sizes in each local header), without a library. */
function unzip(zip: Buffer): Map<string, string> {
  const files = new Map<string, string>()
  let at = 0
  while (zip.readUInt32LE(at) === 0x04034b50) {
    const method = zip.readUInt16LE(at + 8)
    const size = zip.readUInt32LE(at + 18)
    const nameLength = zip.readUInt16LE(at + 26)
    const extra = zip.readUInt16LE(at + 28)
    const name = zip.subarray(at + 30, at + 30 + nameLength).toString('utf8')
    const start = at + 30 + nameLength + extra
    const data = zip.subarray(start, start + size)
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'))
    at = start + size
  }
  return files
}

test('a coach writes, duplicates, edits and shares a set; the candidate never gets the hints', async ({
  browsers,
}) => {
  test.setTimeout(150_000)
  const coach = await (await browsers.newContext()).newPage()
  await coach.goto('/sets/new')
  await coach.getByRole('textbox', { name: 'Set title' }).fill('PM drills')
  await coach.getByRole('button', { name: 'Create set' }).click()
  const editUrl = await coach.getByRole('textbox', { name: 'Edit link (private)' }).inputValue()
  const shareUrl = await coach
    .getByRole('textbox', { name: 'Share link (read-only, for students)' })
    .inputValue()
  expect(editUrl).toMatch(/\/sets\/[\w-]{32}$/)
  expect(shareUrl).not.toBe(editUrl)
  await expect(coach.getByRole('button', { name: 'Copy edit link' })).toBeVisible()
  await coach.getByRole('link', { name: 'Open the set editor' }).click()
  await expect(coach.getByRole('heading', { level: 1, name: 'PM drills' })).toBeVisible()

  // from scratch, with a live preview of both sides
  await coach.getByRole('button', { name: 'New question' }).click()
  const form = coach.getByRole('form', { name: 'Question' })
  await form.getByRole('textbox', { name: 'Title', exact: true }).fill('Grow weekly active teams')
  await form.getByRole('textbox', { name: 'Company' }).fill('Slack')
  await form.getByRole('textbox', { name: /^Tags/ }).fill('education, growth')
  await form
    .getByRole('textbox', { name: 'Prompt for the candidate (Markdown)' })
    .fill(
      `${V1_PROMPT}\n\nRead [the brief](https://example.com/brief), not [this](javascript:alert(1)).\n\n<script>window.__pwned = 1</script>`,
    )
  await form.getByRole('textbox', { name: 'Interviewer hints (one per line)' }).fill(HINT)
  await form.getByRole('textbox', { name: 'Follow-up questions (one per line)' }).fill(FOLLOW_UP)
  await form.getByRole('textbox', { name: 'Section 1 rubric' }).fill(RUBRIC)
  await form
    .getByRole('textbox', { name: 'Section 1 coverage checklist (one per line)' })
    .fill('Goal stated\nScope agreed')
  const candidateView = coach.getByRole('region', { name: 'What the candidate sees' })
  const interviewerView = coach.getByRole('region', { name: 'What the interviewer sees' })
  await expect(candidateView.getByText('weekly active teams', { exact: true })).toHaveJSProperty(
    'tagName',
    'STRONG',
  )
  await expect(candidateView.getByRole('link', { name: 'the brief' })).toHaveAttribute(
    'rel',
    'noopener noreferrer nofollow',
  )
  await expect(candidateView.getByText('this', { exact: true })).not.toHaveAttribute(
    'href',
    /javascript/,
  )
  await expect(candidateView.locator('script')).toHaveCount(0)
  await expect(candidateView).not.toContainText('Secret')
  await expect(interviewerView).toContainText(HINT)
  await expect(interviewerView).toContainText(FOLLOW_UP)
  await expect(interviewerView).toContainText(RUBRIC)
  await form.getByRole('button', { name: 'Save question' }).click()
  await expect(coach.getByRole('status')).toContainText('Added “Grow weekly active teams”')
  expect(await coach.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined()

  // by duplicating a built-in question
  const builtIn = coach.getByRole('combobox', { name: 'Built-in question to duplicate' })
  const builtInTitle = (await builtIn.locator('option').first().textContent()) ?? ''
  await coach.getByRole('button', { name: 'Duplicate built-in question' }).click()
  await expect(form.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(
    `${builtInTitle} (copy)`,
  )
  await form.getByRole('button', { name: 'Save question' }).click()
  await expect(coach.getByRole('heading', { name: 'Questions (2)' })).toBeVisible()

  // a student opens the share link: no hints, no edits, and starts a mock
  const student = await (await browsers.newContext()).newPage()
  await student.goto(shareUrl)
  await expect(student.getByRole('heading', { level: 1, name: 'PM drills' })).toBeVisible()
  await expect(student.getByRole('button', { name: 'New question' })).toHaveCount(0)
  await expect(student.locator('body')).not.toContainText('Secret')
  await student.getByText('Start a mock interview with Grow weekly active teams').click()
  await student.getByRole('button', { name: 'Start a mock interview' }).click()
  const candidateLink = await student.getByRole('textbox', { name: 'Candidate link' }).inputValue()
  const interviewerLink = await student
    .getByRole('textbox', { name: 'Interviewer link' })
    .inputValue()

  // the candidate, with every byte they receive recorded
  const candidateContext = await browsers.newContext()
  const traffic = recordTraffic(candidateContext)
  const cody = await candidateContext.newPage()
  await cody.goto(candidateLink)
  await enterRoom(cody, 'Cody Candidate')
  await student.goto(interviewerLink)
  await enterRoom(student, 'Sam Student')
  await expect(student.getByText(HINT)).toBeAttached()
  // the set's other question is in the picker, first, and can be revealed in this room
  const picker = student.getByRole('combobox', { name: 'Question' })
  const fromSet = picker.locator('optgroup').first()
  await expect(fromSet).toHaveAttribute('label', "This room's question set")
  await expect(fromSet.getByRole('option')).toContainText([
    'Grow weekly active teams',
    `${builtInTitle} (copy)`,
  ])
  const pick = async (title: string) =>
    picker.selectOption(
      (await fromSet.getByRole('option', { name: title }).getAttribute('value')) ?? '',
    )
  await pick(`${builtInTitle} (copy)`)
  await student.getByRole('button', { name: 'Reveal question' }).click()
  await expect(cody.getByText(`${builtInTitle} (copy)`).first()).toBeVisible()
  await pick('Grow weekly active teams')
  await student.getByRole('button', { name: 'Reveal question' }).click()
  await expect(cody.getByText('weekly active teams', { exact: true })).toBeVisible()
  await student.getByRole('button', { name: 'Start interview' }).click()
  await expect(cody.getByText('weekly active teams', { exact: true })).toBeVisible()
  // the interviewer's own checklist and rubric for the first section
  await expect(student.getByText('Coverage: 0 of 2 ticked')).toBeVisible()
  await student.getByRole('button', { name: 'End interview' }).click()
  await student.getByRole('button', { name: 'Yes, end the interview' }).click()
  const reviewHref =
    (await student.getByRole('link', { name: 'Review this session' }).getAttribute('href')) ?? ''
  await cody.reload()
  await expect(cody.getByText('weekly active teams', { exact: true })).toBeVisible()
  await Promise.all(traffic.pending)
  expect(traffic.texts.length).toBeGreaterThan(5)
  for (const secret of [HINT, FOLLOW_UP, RUBRIC, 'Secret'])
    expect(traffic.texts.some((t) => t.includes(secret))).toBe(false)
  await expect(cody.locator('body')).not.toContainText('Secret')

  // the coach edits the question: a new version; the review keeps the one that was asked
  await coach.getByRole('button', { name: 'Edit Grow weekly active teams' }).click()
  await form.getByRole('textbox', { name: 'Prompt for the candidate (Markdown)' }).fill(V2_PROMPT)
  await form.getByRole('button', { name: 'Save as a new version' }).click()
  await expect(coach.getByRole('status')).toContainText('as version 2')
  await student.goto(reviewHref)
  await expect(student.getByText('weekly active teams', { exact: true })).toBeVisible()
  await expect(student.locator('body')).not.toContainText('Version two')
  await student.goto(shareUrl)
  await expect(student.locator('body')).toContainText('Version two')

  // the version history restores version 1 as version 3; the share link shows it again
  await coach.getByText('Version history of Grow weekly active teams').click()
  const versions = coach.getByRole('list', { name: 'Versions of Grow weekly active teams' })
  await expect(versions.getByRole('listitem')).toHaveCount(2)
  await expect(versions.getByRole('listitem').last()).toContainText('(current)')
  await coach.getByRole('button', { name: 'Restore version 1 of Grow weekly active teams' }).click()
  await expect(coach.getByRole('status')).toContainText('Restored version 1')
  await expect(coach.getByRole('status')).toContainText('as version 3')
  await student.reload()
  await expect(student.locator('body')).not.toContainText('Version two')
  await expect(student.getByText('weekly active teams', { exact: true })).toBeVisible()
})

// exactly as the exporter writes a question (docs/guide.md shows the same format)
const GOOD = `---
title: Grow weekly active teams in schools
type: product-improvement
company: Slack
difficulty: medium
tags:
  - education
  - growth
sections:
  - key: clarify
    title: Clarify
    minutes: 4
    prompt: Ask about the goal and constraints.
    rubric: "4: asks about goal and scope."
    coverage:
      - Goal
      - Scope
  - key: metrics
    title: Metrics
    minutes: 5
    prompt: Name a north star and a guardrail.
followUps:
  - What would you cut first?
---

How would you grow **weekly active teams** in schools?

## Interviewer notes

- Teachers create 70% of school workspaces.
`
const SECOND = GOOD.replace('title: Grow weekly active teams in schools', 'title: Second question')
  .replace('difficulty: medium', 'difficulty: hard')
  .replace('in schools?', 'at work?')

test('a folder of Markdown files imports after a dry run and exports byte for byte; a malformed file saves nothing', async ({
  browsers,
  request,
}) => {
  const made = await request.post('/api/question-sets', { data: { title: 'Imported' } })
  expect(made.status()).toBe(201)
  const { editUrl } = (await made.json()) as { editUrl: string }
  const edit = editUrl.split('/sets/')[1] ?? ''
  const folder = mkdtempSync(join(tmpdir(), 'mockroom-set-'))
  const files = { 'grow-teams.md': GOOD, 'second.md': SECOND }
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text)

  const coach = await (await browsers.newContext()).newPage()
  await coach.goto(`/sets/${edit}`)
  // the folder as a coach keeps it, with a note that is not a question
  writeFileSync(join(folder, 'README.txt'), 'My questions for the spring cohort.')
  await coach.getByLabel('Or a folder of question files').setInputFiles(folder)
  const picker = coach.getByLabel('Question files (.md, .json or .zip)')
  const check = coach.getByRole('region', { name: 'Import check' })
  await expect(check.getByRole('heading', { name: 'New (2)' })).toBeVisible()
  await expect(check).toContainText('Left out (not .md or .json): ')
  await expect(check).toContainText('README.txt')
  await expect(coach.getByRole('heading', { name: 'Questions (0)' })).toBeVisible()
  await coach.getByRole('button', { name: 'Save 2 questions' }).click()
  await expect(coach.getByRole('status')).toContainText('Saved')
  await expect(coach.getByRole('heading', { name: 'Questions (2)' })).toBeVisible()

  await coach.getByRole('textbox', { name: 'Set title' }).fill('Spring cohort')
  await coach.getByRole('button', { name: 'Rename set' }).click()
  await expect(coach.getByRole('heading', { level: 1, name: 'Spring cohort' })).toBeVisible()

  const exported = await request.get(`/api/question-sets/${edit}/export?format=zip`)
  expect(exported.headers()['content-type']).toBe('application/zip')
  expect(Object.fromEntries(unzip(await exported.body()))).toEqual(files)

  // the same files again: unchanged; one malformed file among them: its line, nothing saved
  const bad = GOOD.replace('minutes: 5', 'minutes: five').replace('title: Grow', 'title: Bad')
  writeFileSync(join(folder, 'grow-teams.md'), GOOD.replace('in schools?', 'in colleges?'))
  writeFileSync(join(folder, 'broken.md'), bad)
  await picker.setInputFiles(
    ['grow-teams.md', 'second.md', 'broken.md'].map((n) => join(folder, n)),
  )
  const badLine = bad.split('\n').indexOf('    minutes: five') + 1
  await expect(check.getByRole('alert')).toContainText(
    `broken.md, line ${badLine}: sections.1.minutes`,
  )
  await expect(
    check.getByRole('heading', { name: 'Changed (a new version each) (1)' }),
  ).toBeVisible()
  await expect(coach.getByRole('button', { name: /^Save \d/ })).toHaveCount(0)
  // a hand-written client applying it anyway gets a 422 and the set stays as it was
  const forced = await request.post(`/api/question-sets/${edit}/import?apply=1`, {
    data: {
      files: [
        { name: 'broken.md', text: bad },
        { name: 'grow-teams.md', text: GOOD.replace('in schools?', 'in colleges?') },
      ],
    },
  })
  expect(forced.status()).toBe(422)
  const after = await request.get(`/api/question-sets/${edit}/export?format=zip`)
  expect(Object.fromEntries(unzip(await after.body()))).toEqual(files)
  // and the share link cannot write at all
  const view = (await (await request.get(`/api/question-sets/${edit}`)).json()) as {
    shareUrl: string
  }
  const share = view.shareUrl.split('/sets/')[1] ?? ''
  const refused = await request.post(`/api/question-sets/${share}/import?apply=1`, {
    data: { files: [{ name: 'x.md', text: GOOD }] },
  })
  expect(refused.status()).toBe(403)
  expect(((await refused.json()) as { error: string }).error).toMatch(/read-only share link/)
  expect((await request.get(`/api/question-sets/${share}/export`)).status()).toBe(403)
})

test('a hand-written client: 4xx JSON for bad input, and no hint for the candidate through the HTTP API', async ({
  request,
}) => {
  const made = await request.post('/api/question-sets', { data: { title: 'API set' } })
  const { editUrl, shareUrl } = (await made.json()) as { editUrl: string; shareUrl: string }
  const edit = editUrl.split('/sets/')[1] ?? ''
  const share = shareUrl.split('/sets/')[1] ?? ''
  const draft = {
    title: 'API question',
    type: 'root-cause',
    company: 'Acme',
    difficulty: 'easy',
    tags: ['api'],
    prompt: 'Why did sign-ups drop?',
    hints: [HINT],
    sections: [{ key: 'clarify', title: 'Clarify', minutes: 5, prompt: 'Ask.', rubric: RUBRIC }],
    followUps: [FOLLOW_UP],
  }
  const expectError = async (
    res: Awaited<ReturnType<typeof request.get>>,
    status: number,
    text: RegExp,
  ) => {
    expect(res.status()).toBe(status)
    expect(((await res.json()) as { error: string }).error).toMatch(text)
  }
  await expectError(
    await request.post('/api/question-sets', { data: { title: ' ' } }),
    400,
    /title/,
  )
  await expectError(
    await request.post(`/api/question-sets/${edit}/questions`, {
      data: { draft: { ...draft, sections: [] } },
    }),
    400,
    /at least one section/,
  )
  await expectError(
    await request.post(`/api/question-sets/${share}/questions`, { data: { draft } }),
    403,
    /read-only/,
  )
  await expectError(await request.get('/api/question-sets/not-a-link'), 404, /not valid/)
  await expectError(
    await request.post(`/api/question-sets/${edit}/import`, {
      headers: { 'content-type': 'text/plain' },
      data: 'x',
    }),
    415,
    /zip/,
  )
  await expectError(
    await request.post(`/api/question-sets/${edit}/import`, {
      headers: { 'content-type': 'application/zip' },
      data: Buffer.alloc(1024 * 1024 + 1),
    }),
    413,
    /1024 KB/,
  )
  await expectError(
    await request.post(`/api/question-sets/${edit}/import`, {
      headers: { 'content-type': 'application/zip' },
      data: Buffer.from('not a zip'),
    }),
    400,
    /not a readable zip/,
  )

  const saved = await request.post(`/api/question-sets/${edit}/questions`, { data: { draft } })
  expect(saved.status()).toBe(201)
  const { versionId } = (await saved.json()) as { versionId: string }
  expect(versionId).toMatch(/^qv-[0-9a-f]{24}$/)
  // a question's versions (drafts, so hints): the edit link only
  const { questionId } = (await saved.json()) as { questionId: string }
  const versions = await request.get(`/api/question-sets/${edit}/questions/${questionId}/versions`)
  expect(((await versions.json()) as { versions: Array<{ versionId: string }> }).versions).toEqual([
    expect.objectContaining({ versionId, version: 1 }),
  ])
  await expectError(
    await request.get(`/api/question-sets/${share}/questions/${questionId}/versions`),
    403,
    /read-only/,
  )
  await expectError(
    await request.get(`/api/question-sets/${edit}/questions/no-such-question/versions`),
    404,
    /not in the set/,
  )
  await expectError(
    await request.post('/api/rooms', { data: { questionId: versionId } }),
    400,
    /setCapability/,
  )
  const room = await request.post('/api/rooms', {
    data: { questionId: versionId, setCapability: share },
  })
  expect(room.status()).toBe(201)
  const { links } = (await room.json()) as { links: Record<string, string> }
  const candidate = links.candidate?.split('/join/')[1] ?? ''
  const answers = [
    await request.get(`/api/question-sets/${share}`),
    await request.get(`/join/${candidate}`),
    await request.get(`/api/join/${candidate}`),
    await request.post('/api/join', { data: { capability: candidate, name: 'Cody' } }),
  ]
  for (const res of answers) {
    expect(res.status()).toBeLessThan(300)
    const text = await res.text()
    for (const secret of [HINT, FOLLOW_UP, RUBRIC]) expect(text).not.toContain(secret)
  }
  // the interviewer's join has them
  const interviewer = await request.post('/api/join', {
    data: { capability: links.interviewer?.split('/join/')[1] ?? '', name: 'Ivy' },
  })
  expect(await interviewer.text()).toContain(HINT)
})
