import { checksFor } from '@mockroom/questions'
import {
  runChecks,
  type CheckEvidence,
  type CheckResult,
  type SessionRecord,
} from '@mockroom/session-model'
import { useMemo } from 'react'
import { clockSince } from '../../lib/format-clock'

export type MomentEvidence = Extract<CheckEvidence, { kind: 'moment' }>

interface Props {
  record: SessionRecord
  /** what a moment's link does: move the replay there, or open the review at it */
  moment: { verb: string; go: (evidence: MomentEvidence) => void }
  headingLevel?: 2 | 3
}

const statusText: Readonly<Record<CheckResult['status'], string>> = {
  met: 'Met',
  'not-met': 'Not met',
  'no-data': 'No data',
}

/**
 * Who may see the checks: the interviewer always; the candidate and observers once the
 * interviewer shared the feedback, or at once in practice mode (the record is the server's).
 */
export function checksVisible(record: SessionRecord): boolean {
  return (
    record.viewer.role === 'interviewer' ||
    record.sharedFeedback !== null ||
    record.session.mode === 'practice'
  )
}

function Evidence({
  evidence,
  origin,
  moment,
}: {
  evidence: CheckEvidence
  origin: number
  moment: Props['moment']
}) {
  if (evidence.kind === 'quote') return <q className="checks__quote">{evidence.text}</q>
  return (
    <button type="button" className="button button--small" onClick={() => moment.go(evidence)}>
      {moment.verb} {evidence.label} ({clockSince(evidence.at, origin)})
    </button>
  )
}

function CheckList({
  results,
  origin,
  moment,
}: {
  results: CheckResult[]
  origin: number
  moment: Props['moment']
}) {
  return (
    <ul className="checks__list">
      {results.map((c) => (
        <li key={c.id} className={`checks__item checks__item--${c.status}`}>
          <p className="checks__head">
            <span className={`checks__status checks__status--${c.status}`}>
              {statusText[c.status]}
            </span>{' '}
            <strong>{c.title}</strong>
          </p>
          <p className="checks__detail">{c.detail}</p>
          {c.evidence.length > 0 && (
            <ul className="checks__evidence" aria-label={`Evidence: ${c.title}`}>
              {c.evidence.map((e, i) => (
                <li key={i}>
                  <Evidence evidence={e} origin={origin} moment={moment} />
                </li>
              ))}
            </ul>
          )}
          {c.next && <p className="checks__next">Try next: {c.next}</p>}
        </li>
      ))}
    </ul>
  )
}

// Automated checks, labelled as such: what the answer and the talk show, with evidence, never a
// judgement of the person (docs/guide.md lists every check and what it reads).
export function ChecksPanel({ record, moment, headingLevel = 2 }: Props) {
  const results = useMemo(
    () =>
      runChecks(
        record,
        checksFor(
          record.question?.type,
          record.sections.map((s) => s.key),
        ),
      ),
    [record],
  )
  if (results.length === 0) return null
  const origin = record.session.startedAt ?? record.session.createdAt
  const answer = results.filter((r) => r.aspect === 'answer')
  const delivery = results.filter((r) => r.aspect === 'delivery')
  const met = results.filter((r) => r.status === 'met').length
  const judged = results.filter((r) => r.status !== 'no-data').length
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const Sub = headingLevel === 2 ? 'h3' : 'h4'
  return (
    <section className="card checks" aria-labelledby="checks-title">
      <Heading id="checks-title">Checks</Heading>
      <p className="hint">
        Automated checks of the answer&apos;s shape, its timing and (with a transcript) its
        delivery. They are not a score of the person and can be wrong: each shows what it looked at.
      </p>
      <p className="checks__summary">
        {met} of {judged} met
        {judged < results.length && `, ${results.length - judged} without data`}
      </p>
      <Sub>The answer</Sub>
      <CheckList results={answer} origin={origin} moment={moment} />
      <Sub>Delivery</Sub>
      <CheckList results={delivery} origin={origin} moment={moment} />
    </section>
  )
}
