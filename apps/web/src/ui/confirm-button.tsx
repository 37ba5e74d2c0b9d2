'use client'

import { useEffect, useRef, useState } from 'react'

interface Props {
  label: string
  /** shorter text to show where `label` (still the accessible name) would not fit */
  visibleLabel?: string
  /** the question shown once the first click asks for confirmation */
  question: string
  confirmLabel: string
  onConfirm: () => void
  disabled?: boolean
  className?: string
}

// Destructive controls ask twice, inline: no modal to trap focus, and the second button takes
// focus so a keyboard user confirms with the same key press again (or tabs to "Cancel").
export function ConfirmButton({
  label,
  visibleLabel,
  question,
  confirmLabel,
  onConfirm,
  disabled,
  className,
}: Props) {
  const [asking, setAsking] = useState(false)
  const confirmRef = useRef<HTMLButtonElement>(null)
  const startRef = useRef<HTMLButtonElement>(null)
  const wasAsking = useRef(false)

  useEffect(() => {
    if (asking) confirmRef.current?.focus()
    else if (wasAsking.current) startRef.current?.focus()
    wasAsking.current = asking
  }, [asking])

  if (!asking) {
    return (
      <button
        ref={startRef}
        type="button"
        className={className ?? 'button'}
        disabled={disabled}
        aria-label={visibleLabel ? label : undefined}
        onClick={() => setAsking(true)}
      >
        {visibleLabel ?? label}
      </button>
    )
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm__question">{question}</span>
      <button
        ref={confirmRef}
        type="button"
        className="button button--danger"
        disabled={disabled}
        onClick={() => {
          setAsking(false)
          onConfirm()
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="button button--quiet" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  )
}
