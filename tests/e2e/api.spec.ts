import { expect } from '@playwright/test'
import { test } from './browsers-fixture'

test('the room API answers bad input with 4xx JSON, never a 500', async ({ request }) => {
  const list = await request.get('/api/questions')
  expect(list.status()).toBe(200)
  const { questions } = (await list.json()) as { questions: Array<{ id: string }> }
  expect(questions.length).toBeGreaterThanOrEqual(30)

  const bad = [
    { data: '{not json', status: 400 },
    { data: { questionId: 'no-such-question' }, status: 400 },
    { data: { questionId: 42 }, status: 400 },
    { data: [], status: 400 },
  ]
  for (const { data, status } of bad) {
    const res = await request.post('/api/rooms', {
      headers: { 'content-type': 'application/json' },
      data: typeof data === 'string' ? data : JSON.stringify(data),
    })
    expect(res.status()).toBe(status)
    expect(typeof ((await res.json()) as { error: unknown }).error).toBe('string')
  }

  const created = await request.post('/api/rooms', { data: { questionId: questions[0]?.id } })
  expect(created.status()).toBe(201)
  const room = (await created.json()) as { roomId: string; links: Record<string, string> }
  expect(Object.keys(room.links).sort()).toEqual(['candidate', 'interviewer', 'observer'])
  const capability = room.links.candidate?.split('/join/')[1] ?? ''
  expect((await request.get(`/api/join/${capability}`)).status()).toBe(200)
  expect((await request.get('/api/join/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).status()).toBe(404)
  expect(
    (await request.post('/api/join', { data: { capability: 'nope', name: 'x' } })).status(),
  ).toBe(404)
  expect((await request.post('/api/join', { data: { capability, name: '' } })).status()).toBe(400)

  const joined = await request.post('/api/join', { data: { capability, name: 'Cody' } })
  const { token, role, question, bank } = (await joined.json()) as {
    token: string
    role: string
    question: unknown
    bank?: unknown
  }
  expect(role).toBe('candidate')
  // the candidate learns the question only when the interviewer reveals it, and never the hints
  expect(question).toBeNull()
  expect(bank).toBeUndefined()
  const lobby = (await (await request.get(`/api/join/${capability}`)).json()) as {
    question: unknown
  }
  expect(lobby.question).toBeNull()
  const interviewerCap = room.links.interviewer?.split('/join/')[1] ?? ''
  const asInterviewer = await request.post('/api/join', {
    data: { capability: interviewerCap, name: 'Ivy' },
  })
  const interviewerView = (await asInterviewer.json()) as {
    question: { hints?: string[] }
    links: Record<string, string>
    serverNow: number
  }
  expect(interviewerView.question.hints?.length).toBeGreaterThan(0)
  expect(Math.abs(interviewerView.serverNow - Date.now())).toBeLessThan(60_000)
  expect(interviewerView.links.candidate).toBe(room.links.candidate)
  const people = await request.get(`/api/rooms/${room.roomId}/participants`, {
    headers: { authorization: `Bearer ${token}` },
  })
  expect(((await people.json()) as { participants: Array<{ name: string }> }).participants).toEqual(
    [
      expect.objectContaining({ name: 'Cody', role: 'candidate' }),
      expect.objectContaining({ name: 'Ivy', role: 'interviewer' }),
    ],
  )
  expect((await request.get(`/api/rooms/${room.roomId}/participants`)).status()).toBe(401)
})

test('POST /api/token renews a joined person’s token and nothing else', async ({ request }) => {
  const list = (await (await request.get('/api/questions')).json()) as {
    questions: Array<{ id: string }>
  }
  const created = await request.post('/api/rooms', { data: { questionId: list.questions[0]?.id } })
  const room = (await created.json()) as { roomId: string; links: Record<string, string> }
  const capability = room.links.interviewer?.split('/join/')[1] ?? ''
  const joined = (await (
    await request.post('/api/join', { data: { capability, name: 'Ivy' } })
  ).json()) as { participantId: string; participantKey: string; sessionId: string; token: string }
  const proof = {
    capability,
    participantId: joined.participantId,
    participantKey: joined.participantKey,
  }

  const res = await request.post('/api/token', { data: proof })
  expect(res.status()).toBe(200)
  const body = (await res.json()) as Record<string, unknown>
  // only a token, its expiry and the round it is for: no links, no question bank
  expect(Object.keys(body).sort()).toEqual(['expiresAt', 'sessionId', 'token'])
  expect(body.sessionId).toBe(joined.sessionId)
  expect(body.expiresAt).toBeGreaterThan(Date.now())
  // the new token works where the join's did
  const people = await request.get(`/api/rooms/${room.roomId}/participants`, {
    headers: { authorization: `Bearer ${String(body.token)}` },
  })
  expect(people.status()).toBe(200)

  const wrongKey = { ...proof, participantKey: 'A'.repeat(32) }
  expect((await request.post('/api/token', { data: wrongKey })).status()).toBe(401)
  const otherLink = { ...proof, capability: room.links.candidate?.split('/join/')[1] ?? '' }
  expect((await request.post('/api/token', { data: otherLink })).status()).toBe(401)
  const unknownLink = { ...proof, capability: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }
  expect((await request.post('/api/token', { data: unknownLink })).status()).toBe(404)
  expect((await request.post('/api/token', { data: { capability } })).status()).toBe(400)
})
