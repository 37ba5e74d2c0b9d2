import { ActionError, appendTalkSpan, readSessionState } from '@mockroom/session-model'
import type { LiveDoc, DocMember } from '../core/live-doc'
import { entryBytes, type WriteBudget } from '../guards/write-budget'

// Browsers report their own speaking spans in chunks of a few seconds; a longer one is a bug or a lie.
const MAX_SPAN_MS = 60_000

/**
 * Appends a talk span to the control document, stamped with the speaker from the token (never
 * from the message) and the section running now. Times are kept plausible: not ahead of the
 * server, at most a minute long.
 */
export function recordTalk(
  control: LiveDoc,
  member: DocMember,
  span: { startMs: number; endMs: number },
  now: number,
  /** the person's share of what the server writes into the control document */
  budget: WriteBudget,
): Promise<void> {
  const state = readSessionState(control.doc)
  if (state.status === 'ended') throw new ActionError('the interview has ended')
  const endMs = Math.min(span.endMs, now)
  const startMs = Math.min(Math.max(span.startMs, endMs - MAX_SPAN_MS), endMs)
  const { participantId, name, role } = member.context
  const entry = {
    speakerId: participantId,
    name,
    role,
    startMs,
    endMs,
    sectionKey: state.currentSection,
  }
  const refused = budget.refusal(participantId, role, entryBytes(entry))
  if (refused) throw new ActionError(refused)
  return control.serverChange(participantId, (doc) => appendTalkSpan(doc, entry))
}
