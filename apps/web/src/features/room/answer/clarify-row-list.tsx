'use client'

import {
  addClarifyRow,
  clarifyFields,
  clarifyFieldText,
  CLARIFY_ROWS,
  findClarifyRow,
  readClarifyRows,
  removeClarifyRow,
} from '@mockroom/session-model'
import { useCallback, useEffect, useId, useState } from 'react'
import type * as Y from 'yjs'
import type { SendControl } from '../session/use-control-action'
import { useDocValue } from '../session/use-doc-value'
import { ClarifyField } from './clarify-field'
import { HintPicker } from './hint-picker'

interface Props {
  doc: Y.Doc
  editable: boolean
  /** interviewer only: the question's hints and the control channel that answers from one */
  interviewer: { hints: string[]; sendControl: SendControl } | null
}

// "id\thint" per row: a string, so the list re-renders when rows come or go (or one is answered
// from a hint), not on every keystroke inside a field
const readOutline = (doc: Y.Doc) =>
  readClarifyRows(doc)
    .map((r) => `${r.id}\t${r.answeredFromHint ?? ''}`)
    .join('\n')

// Clarify as rows: question, why it matters, answer or assumption, impact. Both sides edit them
// live; Enter in a field adds the next row and moves there.
export function ClarifyRowList({ doc, editable, interviewer }: Props) {
  const baseId = useId()
  const outline = useDocValue(doc, readOutline, '')
  const rows = outline === '' ? [] : outline.split('\n').map((line) => line.split('\t'))
  const [focusRow, setFocusRow] = useState<string | null>(null)
  const fieldId = (rowId: string, field: string) => `${baseId}-${rowId}-${field}`

  const add = useCallback((afterId?: string) => setFocusRow(addClarifyRow(doc, afterId)), [doc])
  // once the new row has rendered (the outline changed), its question field takes the focus
  useEffect(() => {
    if (!focusRow) return
    const field = document.getElementById(`${baseId}-${focusRow}-question`)
    if (!field) return
    field.focus()
    setFocusRow(null)
  }, [focusRow, outline, baseId])

  return (
    <div className="clarify" data-shared-type={CLARIFY_ROWS}>
      {rows.length === 0 && !editable && <p className="hint">(no clarifying questions)</p>}
      <ol className="clarify__rows" aria-label="Clarifying questions">
        {rows.map(([rowId = '', hint = ''], index) => {
          const row = findClarifyRow(doc, rowId)
          const n = index + 1
          return (
            <li key={rowId} className="clarify__row">
              <fieldset>
                <legend>Clarifying question {n}</legend>
                {clarifyFields.map((field) => (
                  <ClarifyField
                    key={field}
                    id={fieldId(rowId, field)}
                    field={field}
                    text={row ? clarifyFieldText(row, field) : null}
                    editable={editable}
                    onEnter={() => add(rowId)}
                  />
                ))}
                <div className="clarify__row-actions">
                  {hint !== '' && (
                    <span className="badge badge--hint">Answered from hint {Number(hint) + 1}</span>
                  )}
                  {interviewer && editable && interviewer.hints.length > 0 && (
                    <HintPicker
                      rowId={rowId}
                      label={`Answer clarifying question ${n} from a hint`}
                      {...interviewer}
                    />
                  )}
                  {editable && (
                    <button
                      type="button"
                      className="button button--small button--quiet"
                      aria-label={`Remove clarifying question ${n}`}
                      onClick={() => removeClarifyRow(doc, rowId)}
                    >
                      Remove
                    </button>
                  )}
                </div>
              </fieldset>
            </li>
          )
        })}
      </ol>
      {editable && (
        <button type="button" className="button button--small" onClick={() => add()}>
          Add clarifying question
        </button>
      )}
    </div>
  )
}
