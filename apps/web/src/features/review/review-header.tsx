import type { SessionRecord } from '@mockroom/session-model'
import { formatDate } from '../../lib/format-clock'
import { formatDuration } from '../../lib/format-timer'
import { ExportButtons } from './export-buttons'
import { QuestionPrompt } from '../../ui/question-prompt'

const roleText = {
  interviewer: 'You were the interviewer',
  candidate: 'You were the candidate',
  observer: 'You observed',
} as const

// The question and what kind of session this was; the exports sit with it at the top.
export function ReviewHeader({ record }: { record: SessionRecord }) {
  const { session, question, viewer } = record
  const { startedAt, endedAt } = session
  const duration =
    startedAt === null
      ? 'not started'
      : endedAt === null
        ? 'in progress'
        : formatDuration(endedAt - startedAt)
  return (
    <header className="card review__header">
      <p className="eyebrow">
        Session review · Round {session.round} ·{' '}
        {session.mode === 'practice' ? 'Practice mode' : 'Interview mode'}
      </p>
      <h1>{question?.title ?? 'Question not revealed'}</h1>
      <p className="meta">
        {question && (
          <span>
            {question.company} · {question.type}
          </span>
        )}
        <span>{formatDate(startedAt ?? session.createdAt)}</span>
        <span>{duration}</span>
        <span>{roleText[viewer.role]}</span>
      </p>
      {question && <QuestionPrompt question={question} className="review__prompt" />}
      {session.status !== 'ended' && (
        <p className="note">This session has not ended: the record shows it up to now.</p>
      )}
      <ExportButtons record={record} />
    </header>
  )
}
