import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { answerMarkdown } from './answer-markdown'
import { clarifyFacts, clarifyRowsMarkdown, clarifySuggestion } from './clarify-export'
import {
  addClarifyRow,
  answerClarifyRow,
  clarifyFieldText,
  findClarifyRow,
  type ClarifyRow,
} from './clarify-rows'

const row = (over: Partial<ClarifyRow>): ClarifyRow => ({
  id: 'r',
  question: '',
  why: '',
  answer: '',
  impact: '',
  answeredFromHint: null,
  ...over,
})

describe('clarify export', () => {
  it('writes a Markdown table, escaping pipes and line breaks, skipping empty rows', () => {
    const md = clarifyRowsMarkdown([
      row({ question: 'Web | app?', why: 'Scope', answer: 'Both\nfor now', impact: 'Wider' }),
      row({}),
      row({ question: 'Market?', answer: 'China', answeredFromHint: 0 }),
    ])
    expect(md).toBe(
      [
        '| # | Question | Why it matters | Answer or assumption | Impact on approach |',
        '|---|---|---|---|---|',
        '| 1 | Web \\| app? | Scope | Both<br>for now | Wider |',
        '| 2 | Market? |  | China (from a hint) |  |',
      ].join('\n'),
    )
    expect(clarifyRowsMarkdown([row({})])).toBe('')
  })

  it('puts the table above the prose in the answer Markdown', () => {
    const doc = new Y.Doc()
    const id = addClarifyRow(doc)
    const r = findClarifyRow(doc, id)
    if (!r) throw new Error('row')
    clarifyFieldText(r, 'question')?.insert(0, 'Goal?')
    answerClarifyRow(doc, id, 0, 'Growth')
    const md = answerMarkdown(doc, ['clarify', 'segments'])
    expect(md.clarify).toContain('| 1 | Goal? |  | Growth (from a hint) |  |')
    expect(md.segments).toBe('')
  })

  it('states structural facts as a suggestion', () => {
    const rows = [
      row({ question: 'A?', answer: 'x', impact: 'y' }),
      row({ question: 'B?', answer: 'x' }),
      row({ question: 'C?' }),
      row({ why: 'no question yet' }),
    ]
    expect(clarifyFacts(rows)).toEqual({ questions: 3, withoutAnswer: 1, withoutImpact: 2 })
    expect(clarifySuggestion(rows)).toBe(
      'Suggestion: the answer has 3 clarifying questions, 1 without an answer or assumption, 2 without an impact on the approach so far.',
    )
    expect(clarifySuggestion([])).toBe('')
  })
})
