import { describe, expect, it } from 'vitest'
import {
  blankDraft,
  draftFromQuestion,
  questionDraftSchema,
  questionOfDraft,
  templateOfDraft,
} from './custom-question'
import { questionSchema, templateSchema } from './question-schema'
import { resolveQuestion } from './resolve-question'
import { questions } from './questions'
import { withoutHints } from './without-hints'

const bank = questions[0]!
const draft = { ...draftFromQuestion(bank), followUps: ['Why now?'] }

describe('a coach question', () => {
  it('becomes a question and a template the bank schemas accept', () => {
    const q = questionOfDraft('qv-abc123', draft)
    expect(questionSchema.parse(q)).toEqual(q)
    expect(templateSchema.safeParse(templateOfDraft(draft)).success).toBe(true)
    expect(q.guide?.followUps).toEqual(['Why now?'])
  })

  it('keeps only the checks whose sections it has', () => {
    const one = { ...draft, sections: draft.sections.filter((s) => s.key === 'clarify') }
    const kinds = templateOfDraft(one).checks.map((c) => c.kind)
    expect(kinds).toContain('clarifying-questions')
    expect(kinds).not.toContain('metric-defined')
  })

  it('strips hints and the guide for anyone but the interviewer', () => {
    const open = withoutHints(questionOfDraft('qv-abc', draft))
    expect(open.hints).toBeUndefined()
    expect(open.guide).toBeUndefined()
  })

  it('refuses what breaks a file or a room', () => {
    const bad = (patch: object) => questionDraftSchema.safeParse({ ...draft, ...patch }).success
    expect(bad({ title: 'two\nlines' })).toBe(false)
    expect(bad({ hints: ['x'.repeat(1001)] })).toBe(false)
    expect(bad({ prompt: 'a\n## Interviewer notes\nb' })).toBe(false)
    expect(bad({ sections: [] })).toBe(false)
    expect(bad({ sections: [draft.sections[0], draft.sections[0]] })).toBe(false)
    expect(bad({ extra: 1 })).toBe(false)
    expect(blankDraft('trade-off').sections.length).toBeGreaterThan(0)
  })

  it('resolves bank ids and stored versions through one lookup', async () => {
    const versions = {
      getVersion: (id: string) =>
        Promise.resolve(id === 'qv-1' ? { data: JSON.stringify(draft) } : null),
    }
    expect((await resolveQuestion(bank.id, versions))?.question).toBe(bank)
    expect((await resolveQuestion('qv-1', versions))?.question.title).toBe(draft.title)
    expect(await resolveQuestion('qv-2', versions)).toBeNull()
    expect(await resolveQuestion('nope', versions)).toBeNull()
  })
})
