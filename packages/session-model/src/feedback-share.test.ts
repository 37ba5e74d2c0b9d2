import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { feedbackForRole, feedbackToShare } from './feedback-share'
import { NOTES_FRAGMENT, readCoverage, setCoverageTick, setRubricEntry } from './private-doc'

function privateDoc() {
  const doc = new Y.Doc()
  setRubricEntry(doc, 'clarify', { score: 3, comment: 'sharp' })
  doc.getXmlFragment(NOTES_FRAGMENT).insert(0, [new Y.XmlText('my notes')])
  return doc
}

describe('shared feedback', () => {
  it('keeps notes meant for the candidate alone out of the control document', () => {
    const { control, candidateNotes } = feedbackToShare(privateDoc(), 'candidate', 5)
    expect(control).toMatchObject({ sharedAt: 5, notes: null, notesTo: 'candidate' })
    expect(control.rubric.clarify).toEqual({ score: 3, comment: 'sharp' })
    expect(candidateNotes).toBe('my notes')
    expect(feedbackForRole('observer', control, candidateNotes)?.notes).toBeNull()
    expect(feedbackForRole('candidate', control, candidateNotes)?.notes).toBe('my notes')
  })

  it('gives observers the notes only when they go to everyone', () => {
    const everyone = feedbackToShare(privateDoc(), 'everyone', 5)
    expect(feedbackForRole('observer', everyone.control, null)?.notes).toBe('my notes')
    const nobody = feedbackToShare(privateDoc(), 'nobody', 5)
    expect(nobody.candidateNotes).toBeNull()
    expect(feedbackForRole('candidate', nobody.control, 'stale')?.notes).toBeNull()
    expect(feedbackForRole('observer', null, null)).toBeNull()
  })
  it('shares the coverage ticks with the rubric, as ticked at the time', () => {
    const doc = privateDoc()
    setCoverageTick(doc, 'metrics', 'A north star', true)
    setCoverageTick(doc, 'metrics', 'At least one guardrail', true)
    setCoverageTick(doc, 'metrics', 'A north star', false)
    expect(readCoverage(doc)).toEqual({ metrics: ['At least one guardrail'] })
    const { control } = feedbackToShare(doc, 'nobody', 5)
    expect(control.coverage).toEqual({ metrics: ['At least one guardrail'] })
    expect(feedbackForRole('observer', control, null)?.coverage).toEqual(control.coverage)
  })
})
