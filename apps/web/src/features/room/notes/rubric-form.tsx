'use client'

import {
  readRubric,
  recommendations,
  scoreLabels,
  setOverall,
  setRubricEntry,
  type Rubric,
  type SectionPlan,
} from '@mockroom/session-model'
import { useId } from 'react'
import type * as Y from 'yjs'
import { useDocValue } from '../session/use-doc-value'
import { CoverageChecklist } from './coverage-checklist'

const emptyRubric: Rubric = { sections: {}, overall: { recommendation: null, comment: '' } }
const scores = [1, 2, 3, 4] as const

interface Props {
  doc: Y.Doc
  sections: SectionPlan[]
  /** once the feedback is final the server drops writes to the private doc: keep it read-only */
  locked: boolean
  /** false: only the section rows (the side panel during the interview), no overall call */
  overall?: boolean
  /** after the end: each section's coverage ticks under its score and comment */
  coverage?: { answer: Y.Doc | null; questionType: string; questionId?: string }
}

// Scores and comments per section plus an overall call, written straight into the private doc
// (every change is stored, nothing to save). Shared with the candidate only when asked.
export function RubricForm({
  doc,
  sections,
  locked,
  overall: withOverall = true,
  coverage,
}: Props) {
  const id = useId()
  const rubric = useDocValue(doc, readRubric, emptyRubric)
  const { overall } = rubric

  return (
    <div className="rubric">
      {sections.map((section) => {
        const entry = rubric.sections[section.key] ?? { score: null, comment: '' }
        return (
          <fieldset key={section.key} className="rubric__section">
            <legend>{section.title}</legend>
            <div className="field">
              <label htmlFor={`${id}-${section.key}-score`}>Score for {section.title}</label>
              <select
                id={`${id}-${section.key}-score`}
                value={entry.score ?? ''}
                disabled={locked}
                onChange={(event) => {
                  const score = event.target.value === '' ? null : Number(event.target.value)
                  setRubricEntry(doc, section.key, { ...entry, score })
                }}
              >
                <option value="">—</option>
                {scores.map((score) => (
                  <option key={score} value={score}>
                    {score} {scoreLabels[score]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-${section.key}-comment`}>Comment on {section.title}</label>
              <textarea
                id={`${id}-${section.key}-comment`}
                rows={2}
                value={entry.comment}
                readOnly={locked}
                onChange={(event) =>
                  setRubricEntry(doc, section.key, { ...entry, comment: event.target.value })
                }
              />
            </div>
            {coverage && (
              <CoverageChecklist
                privateDoc={doc}
                answer={coverage.answer}
                questionType={coverage.questionType}
                questionId={coverage.questionId}
                section={section}
                locked={locked}
              />
            )}
          </fieldset>
        )
      })}
      {withOverall && (
        <>
          <div className="field">
            <label htmlFor={`${id}-recommendation`}>Recommendation</label>
            <select
              id={`${id}-recommendation`}
              value={overall.recommendation ?? ''}
              disabled={locked}
              onChange={(event) =>
                setOverall(doc, { ...overall, recommendation: event.target.value || null })
              }
            >
              <option value="">—</option>
              {recommendations.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-overall`}>Overall comment</label>
            <textarea
              id={`${id}-overall`}
              rows={3}
              value={overall.comment}
              readOnly={locked}
              onChange={(event) => setOverall(doc, { ...overall, comment: event.target.value })}
            />
          </div>
        </>
      )}
    </div>
  )
}
