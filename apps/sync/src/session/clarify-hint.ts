import { ActionError, answerClarifyRow, findClarifyRow } from '@mockroom/session-model'
import { answerDocName } from '@mockroom/protocol'
import { resolveQuestion } from '@mockroom/questions'
import type { Store } from '@mockroom/store'
import type { SessionDocs } from './session-docs'

/**
 * The interviewer's "Answer from hint": the server looks the hint up in the question's version (the browser
 * sends only its index) and writes exactly that text into the row, so the candidate reads the
 * hints the interviewer chose and no other. Refused after the end, like any answer write.
 */
export async function answerFromHint(
  deps: { store: Store; docs: SessionDocs },
  sessionId: string,
  author: string,
  action: { rowId: string; hintIndex: number },
): Promise<void> {
  const row = await deps.store.sessions.get(sessionId)
  if (!row) throw new ActionError('unknown session')
  if (row.status === 'ended') throw new ActionError('the interview has ended')
  if (row.revealedAt === null) throw new ActionError('reveal a question first')
  const resolved = await resolveQuestion(row.questionId, deps.store.questionSets)
  const hint = resolved?.question.hints?.[action.hintIndex]
  if (hint === undefined) throw new ActionError('the question has no such hint')
  await deps.docs.withDoc(answerDocName(sessionId), (answer) => {
    if (answer.locked) throw new ActionError('the answer is read-only')
    if (!findClarifyRow(answer.doc, action.rowId))
      throw new ActionError('that clarifying question is gone')
    return answer.serverChange(author, (doc) =>
      answerClarifyRow(doc, action.rowId, action.hintIndex, hint),
    )
  })
}
