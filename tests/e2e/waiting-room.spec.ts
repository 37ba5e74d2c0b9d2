import { expect, type Page } from '@playwright/test'
import { test, type Browsers } from './browsers-fixture'
import { bankQuestions, createRoom, joinAs, type CreatedRoom } from './room-kit'

// Issue 9, "the room stays in order": a waiting room once the interview runs, Remove that holds,
// "New links", the lobby after a swap, and a call that stops once the interview has ended.

const REMOVED =
  'You were removed from this interview. If this was a mistake, ask the interviewer for a new link.'
const capOf = (link: string) => link.split('/join/')[1] ?? ''

async function startedRoom(browsers: Browsers, room: CreatedRoom) {
  const ivy = await joinAs(browsers, room.links.interviewer, 'Ivy Interviewer')
  const cody = await joinAs(browsers, room.links.candidate, 'Cody Candidate')
  await ivy.getByRole('button', { name: 'Reveal question' }).click()
  await ivy.getByRole('button', { name: 'Start interview' }).click()
  await expect(ivy.getByRole('button', { name: 'End interview' })).toBeVisible()
  return { ivy, cody, people: ivy.getByRole('region', { name: 'People in the room' }) }
}

/** A fresh browser on a link, up to the waiting page. */
async function arrive(browsers: Browsers, link: string, name: string): Promise<Page> {
  const page = await (await browsers.newContext()).newPage()
  await page.goto(link)
  await page.getByLabel('Your name').fill(name)
  await page.getByRole('button', { name: 'Join' }).click()
  return page
}

const waitingHeading = (page: Page) =>
  page.getByRole('heading', { name: 'Waiting for the interviewer to let you in' })

async function firstQuestion(request: Parameters<typeof bankQuestions>[0]) {
  const [question] = await bankQuestions(request)
  if (!question) throw new Error('empty bank')
  return question
}

test('newcomers wait once the interview has started; the interviewer admits or turns away', async ({
  browsers,
  request,
}) => {
  const room = await createRoom(request, (await firstQuestion(request)).id)
  // before Start, joining is as it was: straight in
  await joinAs(browsers, room.links.observer, 'Olga Observer')
  const { ivy, cody, people } = await startedRoom(browsers, room)

  const zoe = await arrive(browsers, room.links.observer, 'Zoe Lee')
  await expect(waitingHeading(zoe)).toBeVisible()
  await expect(zoe.getByText('Zoe Lee')).toBeVisible()
  await expect(zoe.getByRole('status', { name: 'Connection' })).toHaveCount(0)
  await expect(people.getByText('Waiting: Zoe Lee')).toBeVisible()
  // only the interviewer sees who waits
  await expect(cody.getByText('Waiting: Zoe Lee')).toHaveCount(0)
  await people.getByRole('button', { name: 'Admit Zoe Lee' }).click()
  await expect(zoe.getByRole('status', { name: 'Connection' })).toHaveText('Synced')
  await expect(people.getByRole('list', { name: 'Observers' })).toContainText('Zoe Lee')
  await expect(people.getByText('Waiting: Zoe Lee')).toHaveCount(0)

  const mal = await arrive(browsers, room.links.observer, 'Mal')
  await expect(waitingHeading(mal)).toBeVisible()
  await people.getByRole('button', { name: 'Turn away Mal' }).click()
  await expect(
    mal.getByRole('heading', { name: 'The interviewer did not let you in' }),
  ).toBeVisible()
  await expect(mal.getByText('ask the interviewer for a new link')).toBeVisible()

  // people already in go straight back in after a reload
  await cody.reload()
  await expect(cody.getByRole('status', { name: 'Connection' })).toHaveText('Synced')
  await ivy.reload()
  await expect(ivy.getByRole('status', { name: 'Connection' })).toHaveText('Synced')
})

test('a waiting person gets no token, no call pass and no sync connection', async ({
  browsers,
  request,
}) => {
  const room = await createRoom(request, (await firstQuestion(request)).id)
  // someone who came before Start: their answer tells where the sync server is
  const early = await request.post('/api/join', {
    data: { capability: capOf(room.links.observer), name: 'Early Bird' },
  })
  expect(early.status()).toBe(200)
  const { syncUrl, sessionId, roomId, token } = (await early.json()) as Record<string, string>
  const { ivy } = await startedRoom(browsers, room)

  const observerCap = capOf(room.links.observer)
  const res = await request.post('/api/join', { data: { capability: observerCap, name: 'Hand' } })
  expect(res.status()).toBe(202)
  const body = (await res.json()) as Record<string, unknown>
  expect(body).toMatchObject({ waiting: true, name: 'Hand' })
  expect(body).not.toHaveProperty('token')
  const { participantId, participantKey } = body as Record<string, string>
  // asking again, or asking for the status, still gives no token
  const again = await request.post('/api/join', {
    data: { capability: observerCap, name: 'Hand', participantId, participantKey },
  })
  expect(again.status()).toBe(202)
  expect(await again.json()).not.toHaveProperty('token')
  const renewal = await request.post('/api/token', {
    data: { capability: observerCap, participantId, participantKey },
  })
  expect(renewal.status()).toBe(403)
  const status = await request.post('/api/admission', { data: { participantId, participantKey } })
  expect(await status.json()).toEqual({ status: 'waiting' })
  // no call pass: the key is not a session token
  for (const headers of [{}, { authorization: `Bearer ${participantKey}` }] as Array<
    Record<string, string>
  >) {
    expect((await request.post('/api/livekit/token', { headers })).status()).toBe(401)
  }
  // a hand-written client cannot open the sync server with anything it holds
  const closes = await ivy.evaluate(
    async ({ base, doc, creds }) =>
      Promise.all(
        creds.map(
          (cred) =>
            new Promise<number>((resolve) => {
              const ws = new WebSocket(`${base}/${doc}?token=${encodeURIComponent(cred)}`)
              ws.onclose = (e) => resolve(e.code)
            }),
        ),
      ),
    {
      base: syncUrl ?? '',
      doc: `${sessionId}/answer`,
      creds: ['', participantKey ?? '', participantId ?? ''],
    },
  )
  expect(closes).toEqual([4401, 4401, 4401])
  // the waiting list and the decision are the interviewer's alone
  const observerAuth = { authorization: `Bearer ${token}` }
  expect(
    (await request.get(`/api/rooms/${roomId}/waiting`, { headers: observerAuth })).status(),
  ).toBe(403)
  const admitSelf = await request.post(`/api/rooms/${roomId}/waiting`, {
    headers: observerAuth,
    data: { participantId, decision: 'admit' },
  })
  expect(admitSelf.status()).toBe(403)
  expect(
    (await request.post(`/api/rooms/${roomId}/links`, { headers: observerAuth })).status(),
  ).toBe(403)
  await expect(ivy.getByText('Waiting: Hand')).toBeVisible()
})

test('a removed person is told what to do and cannot come back unnoticed', async ({
  browsers,
  request,
}) => {
  const room = await createRoom(request, (await firstQuestion(request)).id)
  const olga = await joinAs(browsers, room.links.observer, 'Olga Observer')
  const { cody, people } = await startedRoom(browsers, room)
  await people.getByRole('button', { name: 'Remove Olga Observer' }).click()
  await people.getByRole('button', { name: 'Yes, remove Olga Observer' }).click()
  await expect(olga.getByRole('alert').filter({ hasText: 'removed' })).toHaveText(REMOVED)
  await expect(olga.getByRole('heading', { name: 'Removed from the room' })).toBeVisible()

  // the same link in a fresh browser lands in the waiting room, in plain view of the interviewer
  const again = await arrive(browsers, room.links.observer, 'Olga Observer')
  await expect(waitingHeading(again)).toBeVisible()
  await expect(people.getByText('Waiting: Olga Observer')).toBeVisible()
  await people.getByRole('button', { name: 'Turn away Olga Observer' }).click()
  await expect(
    again.getByRole('heading', { name: 'The interviewer did not let you in' }),
  ).toBeVisible()

  // a removed seat is refused outright, as before
  await people.getByRole('button', { name: 'Remove Cody Candidate' }).click()
  await people.getByRole('button', { name: 'Yes, remove Cody Candidate' }).click()
  await expect(cody.getByRole('alert').filter({ hasText: 'removed' })).toHaveText(REMOVED)
  const seat = await arrive(browsers, room.links.candidate, 'Cody Candidate')
  await expect(seat.getByRole('alert').filter({ hasText: 'removed' })).toHaveText(REMOVED)
})

test('"New links" retires the old links; people in the room stay in', async ({
  browsers,
  request,
}) => {
  const room = await createRoom(request, (await firstQuestion(request)).id)
  const olga = await joinAs(browsers, room.links.observer, 'Olga Observer')
  const { ivy, cody } = await startedRoom(browsers, room)
  const invite = ivy.getByRole('region', { name: 'Invite' })
  await expect(invite.getByLabel('Observer link')).toHaveValue(room.links.observer)
  await invite.getByRole('button', { name: 'New links' }).click()
  await invite.getByRole('button', { name: 'Yes, make new links' }).click()
  await expect(invite.getByRole('status')).toContainText('New links made')
  const newObserver = await invite.getByLabel('Observer link').inputValue()
  const newCandidate = await invite.getByLabel('Candidate link').inputValue()
  expect(newObserver).not.toBe(room.links.observer)
  expect(newCandidate).not.toBe(room.links.candidate)

  // old links: the invalid-link page, and 404 JSON from the API
  const stranger = await (await browsers.newContext()).newPage()
  const page = await stranger.goto(room.links.observer)
  expect(page?.status()).toBe(404)
  await expect(stranger.getByText('This link is not valid')).toBeVisible()
  for (const link of [room.links.observer, room.links.candidate, room.links.interviewer]) {
    const res = await request.post('/api/join', { data: { capability: capOf(link), name: 'X' } })
    expect(res.status()).toBe(404)
    expect(((await res.json()) as { error: string }).error).toBe('this link is not valid')
  }
  // people already in stay in and keep writing
  await expect(olga.getByRole('status', { name: 'Connection' })).toHaveText('Synced')
  const clarify = cody.getByRole('textbox', { name: 'Clarify', exact: true })
  await clarify.click()
  await cody.keyboard.type('still here')
  await expect(ivy.getByRole('textbox', { name: 'Clarify', exact: true })).toContainText(
    'still here',
  )
  // the new link works (through the waiting room: the interview is live)
  const nia = await arrive(browsers, newObserver, 'Nia')
  await expect(waitingHeading(nia)).toBeVisible()
})

test('the lobby names the round and its state; the call stops once the interview has ended', async ({
  browsers,
  request,
}) => {
  const questions = (await bankQuestions(request)).filter((q) => q.type === 'product-improvement')
  const room = await createRoom(request, questions[0]?.id ?? '')
  const { ivy, cody } = await startedRoom(browsers, room)
  // no LiveKit server in this suite: the call is offline and retrying until the end
  const call = cody.getByRole('region', { name: 'Call' })
  await expect(call.getByRole('button', { name: 'Retry now' })).toBeVisible()
  await ivy.getByRole('button', { name: 'End interview' }).click()
  await ivy.getByRole('button', { name: 'Yes, end the interview' }).click()
  await expect(call).toContainText('The call has ended.')
  await expect(call.getByRole('button', { name: 'Retry now' })).toHaveCount(0)
  await expect(call.getByRole('button', { name: 'Rejoin the call' })).toHaveCount(0)

  const lobby = await (await browsers.newContext()).newPage()
  await lobby.goto(room.links.observer)
  await expect(lobby.getByText('Round 1 (ended): you are joining as observer.')).toBeVisible()
  await expect(lobby.getByText('This round has ended')).toBeVisible()
  await expect(lobby.getByText('will reveal the question')).toHaveCount(0)

  await ivy
    .getByRole('combobox', { name: 'Question for round 2' })
    .selectOption(questions[1]?.id ?? '')
  await ivy.getByRole('button', { name: 'Swap roles and start round 2' }).click()
  await expect(cody.getByText('You are the interviewer')).toBeVisible()
  // round 2: the interviewer link is now the candidate's, and the round has not started
  await lobby.goto(room.links.interviewer)
  await expect(
    lobby.getByText('Round 2 (not started yet): you are joining as candidate.'),
  ).toBeVisible()
  await expect(lobby.getByText('will reveal the question when the interview starts')).toBeVisible()
})
