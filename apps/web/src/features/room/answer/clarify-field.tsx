'use client'

import type { ClarifyField as Field } from '@mockroom/session-model'
import { clarifyFieldLabels } from '@mockroom/session-model'
import type { KeyboardEvent } from 'react'
import type * as Y from 'yjs'
import { useBoundText } from './use-bound-text'

interface Props {
  id: string
  field: Field
  text: Y.Text | null
  editable: boolean
  /** Enter (without Shift) adds the next row */
  onEnter: () => void
}

// Long enough for a question and its reasoning; a paste beyond it is cut by the browser.
const FIELD_MAX_CHARS = 2000

// One labelled, tabbable field of a clarifying row, bound to its shared text.
export function ClarifyField({ id, field, text, editable, onEnter }: Props) {
  const ref = useBoundText(text)
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing || !editable) return
    e.preventDefault()
    onEnter()
  }
  return (
    <div className={`clarify-field clarify-field--${field}`}>
      <label htmlFor={id}>{clarifyFieldLabels[field]}</label>
      <textarea
        ref={ref}
        id={id}
        data-field={field}
        rows={1}
        maxLength={FIELD_MAX_CHARS}
        readOnly={!editable}
        onKeyDown={onKeyDown}
      />
    </div>
  )
}
