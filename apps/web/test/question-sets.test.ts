import { draftFromQuestion, questions, type QuestionDraft } from '@mockroom/questions'
import { setToMarkdownFiles } from '@mockroom/questions/files'
import { strToU8, zipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { HttpError } from '../src/server/http/http-error'
import { joinRoom } from '../src/server/join/join-room'
import {
  addQuestion,
  createSet,
  updateQuestion,
  viewSet,
} from '../src/server/question-sets/question-set-service'
import { RATE_LIMITS } from '../src/server/http/http-limits'
import { MAX_ZIP_FILE_BYTES } from '../src/server/question-sets/question-set-limits'
import { readZip } from '../src/server/question-sets/read-zip'
import { requireSet } from '../src/server/question-sets/set-access'
import { exportSet } from '../src/server/question-sets/set-export'
import { importFiles } from '../src/server/question-sets/set-import'
import { createRoom } from '../src/server/rooms/create-room'
import type { ServerContext } from '../src/server/server-context'
import { openTestContext } from './test-context'

// Coaches' sets through the real server code on a real SQLite file (issue #23).
let ctx: ServerContext
let close: () => Promise<void>
const urls = { origin: 'http://app.test', syncUrl: 'ws://app.test:1234' }
const capOf = (url: string) => url.split('/').pop() ?? ''
const joinCap = (link: string) => link.split('/join/')[1] ?? ''

beforeEach(async () => {
  ;({ ctx, close } = await openTestContext('mockroom-sets-'))
})
afterEach(() => close())

const SECRET_HINT = 'Secret hint: churn doubled in Q3.'
const draft: QuestionDraft = {
  ...draftFromQuestion(questions[0]!),
  title: 'Coach question v1',
  hints: [SECRET_HINT],
  followUps: ['Secret follow-up'],
}

async function newSet() {
  const created = await createSet(ctx, 'Drills', urls.origin)
  const edit = capOf(created.editUrl)
  const share = capOf(created.shareUrl)
  const { set } = await requireSet(ctx.store, edit, 'edit')
  return { created, edit, share, set }
}

describe('question sets', () => {
  it('only the edit link changes a set; the share link reads it without hints', async () => {
    const { share, set } = await newSet()
    await addQuestion(ctx, set.id, draft)
    await expect(requireSet(ctx.store, share, 'edit')).rejects.toMatchObject({ status: 403 })
    await expect(requireSet(ctx.store, 'A'.repeat(32), 'share')).rejects.toMatchObject({
      status: 404,
    })
    const shared = await viewSet(ctx, await requireSet(ctx.store, share, 'share'), urls.origin)
    expect(shared.access).toBe('share')
    expect(shared.shareUrl).toBeUndefined()
    expect(JSON.stringify(shared)).not.toContain('Secret')
    const edited = await viewSet(
      ctx,
      await requireSet(ctx.store, capOf((await newSet()).created.editUrl), 'edit'),
      urls.origin,
    )
    expect(edited.access).toBe('edit')
  })

  it('a room from a set question: the candidate gets no hint, the interviewer does; old versions stay', async () => {
    const { share, set } = await newSet()
    const { questionId, versionId } = await addQuestion(ctx, set.id, draft)
    // without the set's link, or through another set's, no room
    await expect(
      createRoom(ctx, { questionId: versionId, mode: 'interview' }, urls.origin),
    ).rejects.toMatchObject({ status: 400 })
    const other = await newSet()
    await expect(
      createRoom(
        ctx,
        { questionId: versionId, mode: 'interview', setCapability: other.share },
        urls.origin,
      ),
    ).rejects.toMatchObject({ status: 409 })
    const room = await createRoom(
      ctx,
      { questionId: versionId, mode: 'interview', setCapability: share },
      urls.origin,
    )
    const candidate = await joinRoom(
      ctx,
      { capability: joinCap(room.links.candidate), name: 'Cody' },
      urls,
    )
    expect(JSON.stringify(candidate)).not.toContain('Secret')
    const interviewer = await joinRoom(
      ctx,
      { capability: joinCap(room.links.interviewer), name: 'Ivy' },
      urls,
    )
    if ('waiting' in interviewer) throw new Error('waiting')
    expect(interviewer.question?.hints).toEqual([SECRET_HINT])
    expect(interviewer.question?.guide?.followUps).toEqual(['Secret follow-up'])
    expect(interviewer.template?.sections.map((s) => s.key)).toEqual(
      draft.sections.map((s) => s.key),
    )
    expect(interviewer.bank?.questions[0]?.id).toBe(versionId)

    // an edit is a new version; the room keeps the one it was created with
    const v2 = await updateQuestion(ctx, set.id, questionId, {
      ...draft,
      title: 'Coach question v2',
    })
    expect(v2.version).toBe(2)
    const again = await joinRoom(
      ctx,
      { capability: joinCap(room.links.interviewer), name: 'Ivy' },
      urls,
    )
    if ('waiting' in again) throw new Error('waiting')
    expect(again.question?.title).toBe('Coach question v1')
    // and the old version no longer opens new rooms
    await expect(
      createRoom(
        ctx,
        { questionId: versionId, mode: 'interview', setCapability: share },
        urls.origin,
      ),
    ).rejects.toMatchObject({ status: 409 })
  })

  it('imports Markdown as a dry run, then all or nothing; export round-trips byte for byte', async () => {
    const { set } = await newSet()
    const files = setToMarkdownFiles([
      { slug: 'one', draft },
      { slug: 'two', draft: { ...draft, title: 'Two' } },
    ])
    const dry = await importFiles(ctx, set.id, files, false)
    expect(dry.report).toMatchObject({
      added: [{ slug: 'one' }, { slug: 'two' }],
      problems: [],
      saved: false,
    })
    expect(await ctx.store.questionSets.listQuestions(set.id)).toEqual([])
    const done = await importFiles(ctx, set.id, files, true)
    expect(done.report.saved).toBe(true)

    const exported = await exportSet(ctx, set, 'zip')
    const unzipped = readZip(exported.body as Uint8Array).files.sort((a, b) =>
      a.name.localeCompare(b.name),
    )
    expect(unzipped).toEqual(files)
    const same = await importFiles(ctx, set.id, unzipped, false)
    expect(same.report).toMatchObject({
      added: [],
      changed: [],
      unchanged: [{ slug: 'one' }, { slug: 'two' }],
    })

    // one malformed file among good changes: reported with its line, nothing saved
    const bad = {
      name: 'three.md',
      text: files[1]!.text.replace('type: product-improvement', 'type: nonsense'),
    }
    const typeLine = bad.text.split('\n').indexOf('type: nonsense') + 1
    const changed = { name: 'one.md', text: files[0]!.text.replace('Coach question v1', 'Changed') }
    const refused = await importFiles(ctx, set.id, [changed, bad], true)
    expect(refused.status).toBe(422)
    expect(refused.report.problems).toHaveLength(1)
    expect(refused.report.problems[0]).toMatchObject({ file: 'three.md', line: typeLine })
    expect(refused.report.problems[0]?.message).toMatch(/^type:/)
    expect(refused.report.saved).toBe(false)
    const rows = await ctx.store.questionSets.listQuestions(set.id)
    expect(rows.map((r) => r.version)).toEqual([1, 1])
  })

  it('refuses zip bombs by their declared sizes, and broken zips, with a 4xx', () => {
    const big = zipSync({ 'big.md': new Uint8Array(MAX_ZIP_FILE_BYTES + 1) }, { level: 9 })
    expect(big.byteLength).toBeLessThan(2000)
    expect(() => readZip(big)).toThrow(HttpError)
    try {
      readZip(big)
    } catch (err) {
      expect((err as HttpError).status).toBe(413)
    }
    const many = zipSync(
      Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`f${i}.md`, strToU8('x')])),
    )
    expect(() => readZip(many)).toThrow(/more than 200 entries/)
    expect(() => readZip(strToU8('not a zip'))).toThrow(/not a readable zip/)
  })

  it('rate limits writes per address', async () => {
    const { points } = RATE_LIMITS.questionSets
    for (let i = 0; i < points; i++) await ctx.limits.consume('questionSets', '203.0.113.9')
    await expect(ctx.limits.consume('questionSets', '203.0.113.9')).rejects.toMatchObject({
      status: 429,
    })
    await expect(ctx.limits.consume('questionSets', '203.0.113.10')).resolves.toBeUndefined()
  })
})
