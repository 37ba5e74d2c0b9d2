'use client'

import { useEffect, useRef } from 'react'
import type * as Y from 'yjs'
import { applyTextDiff, shiftPosition } from './text-diff'

/**
 * Binds an uncontrolled <textarea> to a Y.Text: typing becomes one small Yjs edit (so two people
 * typing in one field merge), and a peer's edit updates the field while keeping the caret in
 * place relative to the text around it.
 */
export function useBoundText(text: Y.Text | null) {
  const ref = useRef<HTMLTextAreaElement>(null)
  useEffect(() => {
    const field = ref.current
    if (!field || !text) return
    const origin = {} // this binding's own edits: the field already shows them
    field.value = text.toJSON()
    const onInput = () => applyTextDiff(text, field.value, origin)
    const onChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      if (transaction.origin === origin) return
      const focused = field.ownerDocument.activeElement === field
      const { selectionStart, selectionEnd } = field
      field.value = text.toJSON()
      if (!focused) return
      const delta = event.delta as Parameters<typeof shiftPosition>[0]
      field.setSelectionRange(
        shiftPosition(delta, selectionStart),
        shiftPosition(delta, selectionEnd),
      )
    }
    field.addEventListener('input', onInput)
    text.observe(onChange)
    return () => {
      field.removeEventListener('input', onInput)
      text.unobserve(onChange)
    }
  }, [text])
  return ref
}
