'use client'

import { useEffect, useId, useRef, useState } from 'react'

interface Props {
  label: string
  copyLabel: string
  value: string
  description?: string
}

type CopyState = 'idle' | 'copied' | 'failed'

// A read-only link with a copy button; the "Copied" note is announced without moving focus.
export function CopyLinkField({ label, copyLabel, value, description }: Props) {
  const id = useId()
  const inputRef = useRef<HTMLTextAreaElement>(null)
  const [state, setState] = useState<CopyState>('idle')

  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 2500)
    return () => clearTimeout(timer)
  }, [state])

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value)
      setState('copied')
    } catch {
      // Clipboard API refused (permissions, insecure origin): select the text so Ctrl+C works.
      inputRef.current?.select()
      setState('failed')
    }
  }

  return (
    <div className="link-field">
      <label htmlFor={`${id}-input`}>{label}</label>
      {description && (
        <p id={`${id}-desc`} className="hint">
          {description}
        </p>
      )}
      <div className="link-field__row">
        {/* a wrapping read-only field: the whole link is visible, however narrow the column */}
        <textarea
          ref={inputRef}
          id={`${id}-input`}
          readOnly
          rows={2}
          value={value}
          spellCheck={false}
          aria-describedby={description ? `${id}-desc` : undefined}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button" onClick={() => void copy()}>
          {copyLabel}
        </button>
      </div>
      <p className={`copy-note copy-note--${state}`} aria-live="polite">
        {state === 'copied' && 'Copied'}
        {state === 'failed' && 'Could not copy: the link is selected, press Ctrl+C (⌘C on a Mac).'}
      </p>
    </div>
  )
}
