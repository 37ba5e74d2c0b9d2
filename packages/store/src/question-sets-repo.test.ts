import { beforeEach, describe, expect, it } from 'vitest'
import { backends, storePerTest } from '../test/store-backends'

const set = {
  id: 'set1',
  title: 'PM drills',
  editHash: 'he',
  shareHash: 'hs',
  sealedShare: 'ss',
  now: 1,
}
const q = (n: number) => ({
  questionId: `sq${n}`,
  versionId: `qv-${n}a`,
  slug: `q-${n}`,
  data: `{"n":${n}}`,
})

describe.each(backends)('question sets on $name', (backend) => {
  const t = storePerTest(backend)
  beforeEach(async () => {
    await t.store.questionSets.createSet(set)
  })

  it('finds a set by either capability hash, never by the other value', async () => {
    expect(await t.store.questionSets.findByEditHash('he')).toMatchObject({
      id: 'set1',
      title: 'PM drills',
      sealedShare: 'ss',
    })
    expect(await t.store.questionSets.findByShareHash('hs')).toMatchObject({ id: 'set1' })
    expect(await t.store.questionSets.findByShareHash('he')).toBeNull()
    expect(await t.store.questionSets.findByEditHash('hs')).toBeNull()
  })

  it('keeps each edit as an immutable version and hides deleted questions only from the set', async () => {
    const sets = t.store.questionSets
    expect(await sets.addQuestion('set1', q(1), 2, 10)).toBe(true)
    expect(await sets.addQuestion('set1', q(2), 3, 10)).toBe(true)
    expect(
      await sets.saveVersion(
        'set1',
        { questionId: 'sq1', versionId: 'qv-1b', data: '{"n":11}' },
        4,
      ),
    ).toBe('qv-1b')
    // the same data again makes no version
    expect(
      await sets.saveVersion(
        'set1',
        { questionId: 'sq1', versionId: 'qv-1c', data: '{"n":11}' },
        5,
      ),
    ).toBe('qv-1b')
    expect((await sets.listQuestions('set1')).map((r) => [r.slug, r.versionId, r.version])).toEqual(
      [
        ['q-1', 'qv-1b', 2],
        ['q-2', 'qv-2a', 1],
      ],
    )
    expect(await sets.getVersion('qv-1a')).toMatchObject({
      questionId: 'sq1',
      setId: 'set1',
      version: 1,
      data: '{"n":1}',
    })
    expect((await sets.listVersions('sq1')).map((v) => v.id)).toEqual(['qv-1a', 'qv-1b'])
    expect(await sets.deleteQuestion('set1', 'sq1', 6)).toBe(true)
    expect(await sets.deleteQuestion('set1', 'sq1', 7)).toBe(false)
    expect((await sets.listQuestions('set1')).map((r) => r.slug)).toEqual(['q-2'])
    expect(await sets.getVersion('qv-1b')).toMatchObject({ data: '{"n":11}' })
    expect(
      await sets.saveVersion('set1', { questionId: 'sq1', versionId: 'qv-1d', data: '{}' }, 8),
    ).toBeNull()
  })

  it('refuses a question past the set size', async () => {
    expect(await t.store.questionSets.addQuestion('set1', q(1), 2, 1)).toBe(true)
    expect(await t.store.questionSets.addQuestion('set1', q(2), 2, 1)).toBe(false)
  })

  it('applies an import all or nothing', async () => {
    const sets = t.store.questionSets
    await sets.addQuestion('set1', q(1), 2, 10)
    const ok = await sets.applyImport('set1', {
      adds: [q(2), q(3)],
      changes: [{ questionId: 'sq1', versionId: 'qv-1b', data: '{"n":"changed"}' }],
      now: 3,
      maxQuestions: 10,
    })
    expect(ok).toBe(true)
    expect((await sets.listQuestions('set1')).map((r) => r.versionId)).toEqual([
      'qv-1b',
      'qv-2a',
      'qv-3a',
    ])
    // too many: refused before writing
    expect(
      await sets.applyImport('set1', { adds: [q(4)], changes: [], now: 4, maxQuestions: 3 }),
    ).toBe(false)
    // a failing write (a version id already taken) rolls back the change before it
    await expect(
      sets.applyImport('set1', {
        adds: [q(2)],
        changes: [{ questionId: 'sq1', versionId: 'qv-1c', data: '{"n":"lost"}' }],
        now: 5,
        maxQuestions: 10,
      }),
    ).rejects.toThrow()
    expect((await sets.listQuestions('set1')).map((r) => r.versionId)).toEqual([
      'qv-1b',
      'qv-2a',
      'qv-3a',
    ])
    expect(await sets.getVersion('qv-1c')).toBeNull()
  })
})
