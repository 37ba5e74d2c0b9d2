import { describe, expect, it } from 'vitest'
import { draftFromQuestion, type QuestionDraft } from './custom-question'
import { parseQuestionMarkdown, questionToMarkdown } from './question-markdown'
import { questions } from './questions'

const draft: QuestionDraft = {
  title: 'Grow weekly active teams: "Slack" for schools',
  type: 'product-improvement',
  company: 'Slack',
  difficulty: 'hard',
  tags: ['education', 'growth'],
  prompt:
    'How would you grow **weekly active teams** in schools?\n\n- one\n- two: with a colon\n\n> quoted',
  hints: ['Teachers create 70% of workspaces.', 'Assume #channels: 12 per school'],
  sections: [
    {
      key: 'clarify',
      title: 'Clarify',
      minutes: 5,
      prompt: 'Ask: who is the user?',
      rubric: '4: asks about goal and scope.\n1: jumps to ideas.',
      coverage: ['Goal', 'Scope: schools only?'],
    },
    { key: 'ideas', title: 'Ideas', minutes: 10, prompt: 'List ideas.', rubric: '', coverage: [] },
  ],
  followUps: ['What would you cut first?', 'yes'],
}

describe('question Markdown files', () => {
  it('round-trips every field byte for byte', () => {
    const text = questionToMarkdown(draft)
    const parsed = parseQuestionMarkdown(text, 'grow.md')
    expect(parsed).toEqual({ ok: true, draft })
    if (parsed.ok) expect(questionToMarkdown(parsed.draft)).toBe(text)
  })

  it('round-trips every bank question duplicated', () => {
    for (const q of questions) {
      const d = draftFromQuestion(q)
      const parsed = parseQuestionMarkdown(questionToMarkdown(d), `${q.id}.md`)
      expect(parsed).toEqual({ ok: true, draft: d })
    }
  })

  it('puts fields in the front matter, the prompt in the body and hints under the heading', () => {
    const text = questionToMarkdown(draft)
    expect(text.startsWith('---\ntitle: ')).toBe(true)
    expect(text).toContain('\n---\n\nHow would you grow')
    expect(text).toContain('## Interviewer notes\n\n- Teachers create 70% of workspaces.\n')
  })

  it('reads CRLF files and lists with "*"', () => {
    const text = questionToMarkdown(draft)
      .replace(/\n/g, '\r\n')
      .replace('- Teachers', '* Teachers')
    expect(parseQuestionMarkdown(text, 'x.md')).toEqual({ ok: true, draft })
  })

  it('names the line of a YAML syntax error', () => {
    const text = '---\ntitle: ok\ntype: [unclosed\n---\nPrompt\n'
    const parsed = parseQuestionMarkdown(text, 'bad.md')
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) {
      expect(parsed.problems[0]?.file).toBe('bad.md')
      expect(parsed.problems[0]?.line).toBeGreaterThanOrEqual(3)
      expect(parsed.problems[0]?.message).toMatch(/YAML/)
    }
  })

  it('names the line of an invalid field, deep in the sections', () => {
    const text = questionToMarkdown(draft).replace('minutes: 10', 'minutes: ten')
    const parsed = parseQuestionMarkdown(text, 'bad.md')
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) {
      const line = text.split('\n').findIndex((l) => l.includes('minutes: ten')) + 1
      expect(parsed.problems).toHaveLength(1)
      expect(parsed.problems[0]).toMatchObject({ file: 'bad.md', line })
      expect(parsed.problems[0]?.message).toMatch(/^sections\.1\.minutes/)
    }
  })

  it('refuses unknown fields, a missing title, an empty prompt and prose among the hints', () => {
    const unknown = parseQuestionMarkdown(
      questionToMarkdown(draft).replace('company: Slack', 'company: Slack\nowner: me'),
      'u.md',
    )
    expect(unknown.ok || unknown.problems[0]?.line).toBe(5)
    expect(unknown.ok || unknown.problems[0]?.message).toMatch(/unknown field "owner"/)
    const missing = parseQuestionMarkdown(
      questionToMarkdown(draft).replace(/^title: .*\n/m, ''),
      'm.md',
    )
    expect(missing.ok || missing.problems[0]?.message).toBe('title: missing')
    const empty = parseQuestionMarkdown('---\ntitle: x\n---\n\n', 'e.md')
    expect(empty.ok).toBe(false)
    const prose = parseQuestionMarkdown(questionToMarkdown(draft) + 'just text\n', 'p.md')
    expect(prose.ok || prose.problems[0]?.message).toMatch(/list item/)
  })

  it('refuses a file without front matter and YAML tags that would build objects', () => {
    expect(parseQuestionMarkdown('# Title\n', 'n.md')).toMatchObject({
      ok: false,
      problems: [{ line: 1 }],
    })
    const tagged = parseQuestionMarkdown(
      questionToMarkdown(draft).replace('company: Slack', 'company: !!js/function "function(){}"'),
      't.md',
    )
    expect(tagged.ok).toBe(false)
  })
})
