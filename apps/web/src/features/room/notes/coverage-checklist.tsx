'use client'

import {
  CLARIFY_SECTION,
  clarifySuggestion,
  readClarifyRows,
  readCoverage,
  readSectionText,
  setCoverageTick,
} from '@mockroom/session-model'
import { coverageChecklist } from '@mockroom/questions'
import { useCallback, useId, useState } from 'react'
import type * as Y from 'yjs'
import { useDocValue } from '../session/use-doc-value'
import { useQuestionGuide } from '../question/question-guides'

// Sections whose answer is a list of distinct things: the number of lines written is a fact the
// interviewer may want while listening (a suggestion to look at, never a verdict).
const LIST_SECTIONS = new Set(['segments', 'users', 'solutions', 'options', 'hypotheses'])

interface Props {
  privateDoc: Y.Doc
  answer: Y.Doc | null
  questionType: string
  /** a coach's question brings its own checklist and rubric per section */
  questionId?: string | undefined
  section: { key: string; title: string }
  /** the feedback is final: ticks are shown, not changed */
  locked?: boolean
}

// Interviewer only: what a strong answer covers in this section, ticked while listening. The
// ticks live in the private document (server-enforced: only the interviewer reads it) and reach
// the candidate only with shared feedback.
export function CoverageChecklist({
  privateDoc,
  answer,
  questionType,
  questionId,
  section,
  locked = false,
}: Props) {
  const id = useId()
  const own = useQuestionGuide(questionId)?.sections[section.key]
  const items = own ? own.coverage : coverageChecklist(questionType, section.key)
  const readTicks = useCallback(
    (doc: Y.Doc) => (readCoverage(doc)[section.key] ?? []).join('\n'),
    [section.key],
  )
  const ticked = new Set(useDocValue(privateDoc, readTicks, '').split('\n'))
  const countLines = useCallback(
    (doc: Y.Doc) =>
      readSectionText(doc, section.key)
        .split('\n')
        .filter((line) => line.trim() !== '').length,
    [section.key],
  )
  const lines = useDocValue(answer, countLines, 0)
  // Clarify's rows say how many questions were asked and which lack an answer or an impact
  const readRows = useCallback(
    (doc: Y.Doc) =>
      section.key === CLARIFY_SECTION ? clarifySuggestion(readClarifyRows(doc)) : '',
    [section.key],
  )
  const rowsSuggestion = useDocValue(answer, readRows, '')
  // folded by default so the people list stays in view at 1280×800; once opened it stays open
  // from section to section
  const [open, setOpen] = useState(false)
  if (items.length === 0 && !own?.rubric) return null
  const count = items.filter((item) => ticked.has(item)).length
  return (
    <details className="coverage" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Coverage: {count} of {items.length} ticked
      </summary>
      <fieldset className="coverage__items" aria-describedby={`${id}-hint`}>
        <legend>Covered in {section.title}</legend>
        {own?.rubric && <p className="coverage__rubric">Rubric: {own.rubric}</p>}
        {items.map((item) => (
          <label key={item} className="coverage__item">
            <input
              type="checkbox"
              checked={ticked.has(item)}
              disabled={locked}
              onChange={(e) => setCoverageTick(privateDoc, section.key, item, e.target.checked)}
            />{' '}
            {item}
          </label>
        ))}
        <p id={`${id}-hint`} className="hint">
          {LIST_SECTIONS.has(section.key) && lines > 0
            ? `Suggestion: the answer has ${lines} ${lines === 1 ? 'line' : 'lines'} in ${section.title} so far. `
            : ''}
          {rowsSuggestion && `${rowsSuggestion} `}
          The candidate sees your ticks only if you share feedback.
        </p>
      </fieldset>
    </details>
  )
}
