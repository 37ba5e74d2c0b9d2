import { readFile } from 'node:fs/promises'
import { expect, type APIRequestContext, type Page } from '@playwright/test'
import { test, type Browsers } from './browsers-fixture'
import { bankQuestions, createRoom as createRoomFor, joinAs as joinWith } from './room-kit'

// The session record: speech to transcript, notes, /sessions and the review with its replay and
// exports. Speech recognition is a test double: the browsers here have no recognition service.

declare global {
  interface Window {
    __say: (text: string, isFinal: boolean) => void
  }
}

// A SpeechRecognition whose instances register on window.__speech; window.__say(text, isFinal)
// fires onresult on every started one with a SpeechRecognitionEvent-like object.
const fakeSpeech = `(() => {
  const instances = []
  class FakeSpeechRecognition {
    constructor() {
      this.continuous = false
      this.interimResults = false
      this.lang = ''
      this.onresult = null
      this.onerror = null
      this.onend = null
      this.started = false
      instances.push(this)
    }
    start() {
      if (this.started) throw new DOMException('already started', 'InvalidStateError')
      this.started = true
    }
    stop() {
      if (!this.started) return
      this.started = false
      setTimeout(() => this.onend && this.onend(), 0)
    }
    abort() {
      this.stop()
    }
  }
  window.__speech = instances
  window.__say = (text, isFinal) => {
    const result = Object.assign([{ transcript: text }], { isFinal })
    const event = { resultIndex: 0, results: [result] }
    for (const r of instances) if (r.started && r.onresult) r.onresult(event)
  }
  window.SpeechRecognition = FakeSpeechRecognition
  window.webkitSpeechRecognition = FakeSpeechRecognition
})()`

const noSpeech = `(() => {
  for (const name of ['SpeechRecognition', 'webkitSpeechRecognition'])
    Object.defineProperty(window, name, { value: undefined, configurable: true })
})()`

async function createRoom(request: APIRequestContext) {
  const question = (await bankQuestions(request)).find((q) => q.type === 'product-improvement')
  if (!question) throw new Error('no product-improvement question in the bank')
  return { question, links: (await createRoomFor(request, question.id)).links }
}

const joinAs = (browsers: Browsers, link: string, name: string, script = fakeSpeech) =>
  joinWith(browsers, link, name, script)

const say = (page: Page, text: string, isFinal: boolean) =>
  page.evaluate(([t, f]) => window.__say(t, f), [text, isFinal] as const)
const transcript = (page: Page) => page.getByRole('region', { name: 'Transcript' })
const line = (page: Page, text: string) =>
  transcript(page).getByRole('listitem').filter({ hasText: text })

test('speech and notes reach the transcript; the review replays the answer and exports it', async ({
  browsers,
  request,
}) => {
  const { question, links } = await createRoom(request)
  const ivy = await joinAs(browsers, links.interviewer, 'Ivy Interviewer')
  const cody = await joinAs(browsers, links.candidate, 'Cody Candidate')
  const olga = await joinAs(browsers, links.observer, 'Olga Observer')
  await ivy.getByRole('button', { name: 'Reveal question' }).click()
  await ivy.getByRole('button', { name: 'Start interview' }).click()

  // written before anyone speaks: present at the moment of the first transcript line
  await cody.getByRole('textbox', { name: 'Clarify', exact: true }).click()
  await cody.keyboard.type('Who pays today?')
  // toContainText: the other person's caret label is inside the editor too
  await expect(ivy.getByRole('textbox', { name: 'Clarify', exact: true })).toContainText(
    'Who pays today?',
  )
  await cody.waitForTimeout(500)

  // observers only listen; the others opt in, each for their own microphone
  await expect(olga.getByRole('switch', { name: 'Transcribe my microphone' })).toHaveCount(0)
  for (const page of [ivy, cody]) {
    const toggle = page.getByRole('switch', { name: 'Transcribe my microphone' })
    await expect(toggle).not.toBeChecked()
    await toggle.check()
  }
  await say(cody, 'I would start with', false)
  await expect(ivy.getByRole('region', { name: 'Live captions' })).toContainText(
    'Cody Candidate: …I would start with',
  )
  await say(cody, 'I would start with the riders.', true)
  await expect(ivy.getByRole('region', { name: 'Live captions' })).not.toContainText('Cody')
  await say(ivy, 'Which riders matter most?', true)
  for (const page of [ivy, cody, olga]) {
    await expect(line(page, 'I would start with the riders.')).toContainText('Cody Candidate')
    await expect(line(page, 'Which riders matter most?')).toContainText('Ivy Interviewer')
  }

  // written after the first line was said: absent when the replay jumps to that line
  await cody.getByRole('textbox', { name: 'Segments', exact: true }).click()
  await cody.keyboard.type('Commuters first.')
  await expect(ivy.getByRole('textbox', { name: 'Segments', exact: true })).toContainText(
    'Commuters first.',
  )
  await expect(cody.getByRole('textbox', { name: 'Add a note to the transcript' })).toHaveCount(0)
  await ivy.getByRole('textbox', { name: 'Add a note to the transcript' }).fill('Good segmentation')
  await ivy.getByRole('button', { name: 'Add note' }).click()
  await expect(line(cody, 'Good segmentation')).toContainText('note')

  await ivy.getByRole('button', { name: 'End interview' }).click()
  await ivy.getByRole('button', { name: 'Yes, end the interview' }).click()
  await expect(ivy.getByRole('heading', { name: 'The interview has ended' })).toBeVisible()

  // the interviewer's browser remembers the link it joined with
  await ivy.getByRole('link', { name: 'Sessions' }).click()
  const row = ivy.getByRole('row').filter({ hasText: question.title })
  await expect(row).toContainText('interviewer')
  await expect(row).toContainText('Cody Candidate (candidate)')
  await row.getByRole('link', { name: 'Review' }).click()
  await expect(ivy.getByRole('heading', { level: 1, name: question.title })).toBeVisible()
  const final = ivy.getByRole('region', { name: 'Final answer' })
  await expect(final).toContainText('Who pays today?')
  await expect(final).toContainText('Commuters first.')
  await expect(ivy.getByRole('region', { name: 'Your rubric and notes' })).toBeVisible()

  const moment = ivy.getByRole('region', { name: 'Answer at this moment' })
  await expect(moment).toContainText('Commuters first.')
  const first = ivy
    .getByRole('region', { name: 'Transcript' })
    .getByRole('button', { name: /I would start with the riders\./ })
  await first.click()
  await expect(first).toHaveAttribute('aria-current', 'true')
  await expect(moment).toContainText('Who pays today?')
  await expect(moment).not.toContainText('Commuters first.')
  await expect(moment.getByText('Cody Candidate')).toBeVisible()
  // the very start of the timeline is before anyone typed
  const timeline = ivy.getByRole('slider', { name: 'Timeline' })
  await timeline.focus()
  await ivy.keyboard.press('Home')
  await expect(moment).not.toContainText('Who pays today?')
  await ivy.keyboard.press('End')
  await expect(moment).toContainText('Commuters first.')

  const download = ivy.waitForEvent('download')
  await ivy.getByRole('button', { name: 'Download Markdown' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/\.md$/)
  const markdown = await readFile((await file.path()) ?? '', 'utf8')
  expect(markdown).toContain(`# ${question.title}`)
  expect(markdown).toContain('### Clarify')
  expect(markdown).toContain(
    'Cody Candidate (candidate, live caption): I would start with the riders.',
  )
  expect(markdown).toContain('Ivy Interviewer (note): Good segmentation')
})

test('without speech recognition the toggle is disabled and says why', async ({
  browsers,
  request,
}) => {
  const { links } = await createRoom(request)
  const ivy = await joinAs(browsers, links.interviewer, 'Ivy Interviewer', noSpeech)
  await expect(ivy.getByRole('switch', { name: 'Transcribe my microphone' })).toBeDisabled()
  await expect(
    ivy.getByText(
      'Live transcription needs a browser with speech recognition (e.g. Chrome); you can still add notes.',
    ),
  ).toBeVisible()
  await expect(ivy.getByRole('button', { name: 'Add note' })).toBeVisible()
})

test('unknown review links and an empty session list', async ({ page }) => {
  await page.goto('/sessions')
  await expect(page.getByText('No sessions yet.')).toBeVisible()
  await page.goto('/review/not-a-real-link/not-a-session')
  await expect(page.getByRole('heading', { name: 'This review link is not valid' })).toBeVisible()
})
