import * as Y from 'yjs'
import { readAiReview } from './ai-review'
import { NOTES_FRAGMENT, readCoverage, readRubric } from './private-doc'
import type { SharedFeedback } from './session-state'
import { fragmentToMarkdown } from './to-markdown'

/**
 * Who receives the interviewer's notes when feedback is shared. The rubric (scores, comments,
 * recommendation) goes to the candidate and the observers alike; the notes are a separate choice,
 * and observers get them only with 'everyone'.
 */
export type NotesAudience = 'nobody' | 'candidate' | 'everyone'

// In the private document (interviewer only): the notes as they were shared with the candidate
// alone. The control document, which observers read too, never holds them.
const SHARED = 'shared'

/**
 * The feedback as the control document carries it: everyone in the room reads that document, so
 * notes are in it only when they go to everyone.
 */
export function feedbackToShare(
  privateDoc: Y.Doc,
  notesTo: NotesAudience,
  now: number,
): { control: SharedFeedback; candidateNotes: string | null } {
  const rubric = readRubric(privateDoc)
  const notes =
    notesTo === 'nobody' ? null : fragmentToMarkdown(privateDoc.getXmlFragment(NOTES_FRAGMENT))
  return {
    control: {
      sharedAt: now,
      rubric: rubric.sections,
      overall: rubric.overall,
      notes: notesTo === 'everyone' ? notes : null,
      notesTo,
      coverage: readCoverage(privateDoc),
      aiReview: readAiReview(privateDoc),
    },
    candidateNotes: notes,
  }
}

export function writeCandidateNotes(privateDoc: Y.Doc, notes: string | null): void {
  privateDoc.getMap<unknown>(SHARED).set('notes', notes)
}

export function readCandidateNotes(privateDoc: Y.Doc): string | null {
  return (privateDoc.getMap<unknown>(SHARED).get('notes') as string | null | undefined) ?? null
}

/**
 * What a role receives of shared feedback, the one rule for the room and the review API: the
 * observers exactly what the control document holds, candidate and interviewer also the notes
 * that were shared with the candidate.
 */
export function feedbackForRole(
  role: 'interviewer' | 'candidate' | 'observer',
  shared: SharedFeedback | null,
  candidateNotes: string | null,
): SharedFeedback | null {
  if (!shared) return null
  if (role === 'observer') return shared
  const notesTo = shared.notesTo ?? (shared.notes ? 'everyone' : 'nobody')
  return { ...shared, notes: notesTo === 'nobody' ? null : (shared.notes ?? candidateNotes) }
}
