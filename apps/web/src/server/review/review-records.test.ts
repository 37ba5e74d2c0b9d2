import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCapability, hashCapability } from '@mockroom/access/server'
import {
  addClarifyRow,
  answerClarifyRow,
  appendParagraph,
  appendSegments,
  projectLifecycle,
  initSessionState,
  NOTES_FRAGMENT,
  setOverall,
  setRubricEntry,
  shareFeedback,
  writeCandidateNotes,
} from '@mockroom/session-model'
import { openStore, type Store } from '@mockroom/store'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { buildRecord, listSessions, transcriptionProgress } from './review-records'

let dir: string
let store: Store
const caps = {
  interviewer: createCapability(),
  candidate: createCapability(),
  observer: createCapability(),
}
const otherRoomCap = createCapability()

// Stores a document the way the sync server does: as updates with author and time.
async function save(name: string, edit: (doc: Y.Doc) => void) {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  edit(doc)
  await store.updates.appendUpdates(
    updates.map((data, i) => ({ doc: name, data, author: 'p-int', createdAt: 1000 + i })),
  )
}

async function room(
  roomId: string,
  sessionId: string,
  links: Array<[string, 'interviewer' | 'candidate' | 'observer']>,
) {
  await store.rooms.createRoom({
    roomId,
    sessionId,
    questionId: 'alipay-international-customers',
    mode: 'interview',
    links: links.map(([cap, role]) => ({
      role,
      capabilityHash: hashCapability(cap),
      sealedCapability: 'x',
    })),
    now: 1,
  })
}

const resolved = {
  question: {
    id: 'q',
    title: 'Alipay abroad',
    prompt: 'P',
    type: 'product-improvement',
    company: 'Alipay',
    tags: [],
    difficulty: 'hard',
  },
  sections: [{ key: 'clarify', title: 'Clarify', prompt: '', minutes: 4 }],
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mockroom-record-'))
  store = await openStore({ dataDir: dir })
  await room('r1', 's1', [
    [caps.interviewer, 'interviewer'],
    [caps.candidate, 'candidate'],
    [caps.observer, 'observer'],
  ])
  await room('r2', 's2', [[otherRoomCap, 'interviewer']])
  await save('s1/answer', (d) => appendParagraph(d, 'clarify', 'Which users abroad?'))
  await save('s1/answer', (d) => answerClarifyRow(d, addClarifyRow(d), 0, 'Asia | Europe'))
  await save('s1/private', (d) => {
    setRubricEntry(d, 'clarify', { score: 3, comment: 'good questions' })
    setOverall(d, { recommendation: 'yes', comment: 'solid' })
    d.getXmlFragment(NOTES_FRAGMENT).insert(0, [new Y.XmlText('private remark')])
  })
})
afterEach(async () => {
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})

async function saveControl(shared: boolean, notesTo: 'nobody' | 'candidate' = 'nobody') {
  // the row is the lifecycle's authority; the control document below is its projection
  await store.sessions.reveal('s1', 'alipay-international-customers', 10)
  await store.sessions.markLive('s1')
  await store.sessions.end('s1', 80)
  if (notesTo === 'candidate')
    await save('s1/private', (d) => writeCandidateNotes(d, 'notes for the candidate'))
  await save('s1/control', (d) => {
    initSessionState(d, { mode: 'interview', round: 1 })
    const row = { mode: 'interview', round: 1, revealed: resolved, nextRound: null } as const
    projectLifecycle(d, { ...row, status: 'lobby', endedAt: null }, 10)
    projectLifecycle(d, { ...row, status: 'live', endedAt: null }, 20)
    projectLifecycle(d, { ...row, status: 'ended', endedAt: 80 }, 80)
    appendSegments(d, [
      {
        speakerId: 'p-c',
        name: 'Cody',
        role: 'candidate',
        startMs: 30,
        endMs: 31,
        text: 'hello',
        source: 'speech',
      },
    ])
    if (shared)
      shareFeedback(d, {
        sharedAt: 90,
        rubric: { clarify: { score: 3, comment: 'good questions' } },
        overall: { recommendation: 'yes', comment: 'solid' },
        notes: null,
        notesTo,
      })
  })
}

// the interviewer of round 1 as the join records them: a participant, its key and its seat
async function interviewerProof() {
  const key = createCapability()
  await store.rooms.upsertParticipant(
    { id: 'p-int', roomId: 'r1', name: 'Ivy', role: 'interviewer' },
    1,
  )
  await store.members.setKeyHash('p-int', hashCapability(key))
  await store.members.recordMember(
    { sessionId: 's1', participantId: 'p-int', role: 'interviewer' },
    1,
  )
  return { participantId: 'p-int', participantKey: key }
}

describe('review links', () => {
  it('give the interviewer the private rubric and notes', async () => {
    await saveControl(false)
    const r = await buildRecord(store, caps.interviewer, 's1', await interviewerProof())
    expect(r?.viewer.role).toBe('interviewer')
    expect(r?.private).toMatchObject({ rubric: { clarify: { score: 3 } }, notes: 'private remark' })
    expect(r?.answer.clarify).toContain('| 1 |  |  | Asia \\| Europe (from a hint) |  |')
    expect(r?.answer.clarify).toMatch(/\|\n\nWhich users abroad\?$/)
    expect(r?.clarifyRows).toMatchObject([{ answer: 'Asia | Europe', answeredFromHint: 0 }])
    expect(r?.authorship.clarify?.reduce((n, a) => n + a.chars, 0)).toBe(
      'Which users abroad?Asia | Europe'.length,
    )
    expect(r?.sections).toEqual([{ ...resolved.sections[0], spentMs: 60 }])
    expect(r?.transcript.map((t) => t.text)).toEqual(['hello'])
  })

  it('give the candidate nothing private before a share', async () => {
    await saveControl(false)
    const before = await buildRecord(store, caps.candidate, 's1')
    expect(before?.viewer.role).toBe('candidate')
    expect(before?.private).toBeNull()
    expect(before?.sharedFeedback).toBeNull()
    expect(JSON.stringify(before)).not.toContain('private remark')
  })

  it('give the candidate what was shared, and observers the rubric without the notes', async () => {
    await saveControl(true, 'candidate')
    const after = await buildRecord(store, caps.candidate, 's1')
    expect(after?.sharedFeedback?.rubric.clarify?.comment).toBe('good questions')
    expect(after?.sharedFeedback?.notes).toBe('notes for the candidate')
    expect(after?.private).toBeNull()
    expect(after?.feedbackFinal).toBe(true)
    // observers get exactly what the control document sent them in the room
    const observer = await buildRecord(store, caps.observer, 's1')
    expect(observer?.sharedFeedback?.rubric.clarify?.comment).toBe('good questions')
    expect(observer?.sharedFeedback?.notes).toBeNull()
    expect(JSON.stringify(observer)).not.toContain('notes for the candidate')
    expect(JSON.stringify(observer)).not.toContain('private remark')
    expect(observer?.private).toBeNull()
  })

  it('do not open another room or an unknown link', async () => {
    expect(await buildRecord(store, otherRoomCap, 's1')).toBeNull()
    expect(await buildRecord(store, 'not-a-capability', 's1')).toBeNull()
    expect(await buildRecord(store, caps.candidate, 'nope')).toBeNull()
    expect(await listSessions(store, createCapability())).toBeNull()
  })

  it('carry the server transcript of recordings beside live captions, and its progress', async () => {
    await saveControl(false)
    const jobs = store.transcription
    await jobs.enqueue({ trackId: 't-c', sessionId: 's1', participantId: 'p-c' }, 40)
    await jobs.enqueue({ trackId: 't-i', sessionId: 's1', participantId: 'p-int' }, 41)
    await jobs.claim({ leaseMs: 60_000, maxAttempts: 3, now: 50 })
    const heard = { sessionId: 's1', trackId: 't-c', participantId: 'p-c', name: 'Cody' }
    await jobs.complete('t-c', [
      { ...heard, role: 'candidate', startMs: 25, endMs: 29, text: 'first the users' },
      { ...heard, role: 'candidate', startMs: 32, endMs: 35, text: 'then the metric' },
    ])
    const record = await buildRecord(store, caps.observer, 's1')
    expect(record?.transcript.map((t) => [t.text, t.source])).toEqual([
      ['first the users', 'server'],
      ['hello', 'speech'],
      ['then the metric', 'server'],
    ])
    expect(record?.transcription?.tracks.map((t) => [t.trackId, t.status])).toEqual([
      ['t-c', 'done'],
      ['t-i', 'queued'],
    ])
    expect((await transcriptionProgress(store, caps.candidate, 's1'))?.tracks).toHaveLength(2)
    expect(await transcriptionProgress(store, otherRoomCap, 's1')).toBeNull()
  })

  it('list the rounds of the room with the role of each round', async () => {
    await saveControl(false)
    const list = await listSessions(store, caps.candidate)
    expect(list?.sessions).toEqual([
      expect.objectContaining({
        sessionId: 's1',
        role: 'candidate',
        questionTitle: 'Alipay abroad',
        endedAt: 80,
      }),
    ])
  })
})
