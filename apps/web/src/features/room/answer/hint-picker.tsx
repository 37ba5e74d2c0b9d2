'use client'

import type { SendControl } from '../session/use-control-action'
import { useControlAction } from '../session/use-control-action'

interface Props {
  rowId: string
  label: string
  hints: string[]
  sendControl: SendControl
}

// Interviewer only: one choice puts that hint into the row's answer. The server writes it, so
// the candidate sees this hint from then on and never the others.
export function HintPicker({ rowId, label, hints, sendControl }: Props) {
  const { run, busy, error } = useControlAction(sendControl)
  return (
    <span className="hint-picker">
      <select
        aria-label={label}
        value=""
        disabled={busy}
        onChange={(e) => {
          const hintIndex = Number(e.target.value)
          if (e.target.value !== '') void run({ type: 'answer-clarify-row', rowId, hintIndex })
        }}
      >
        <option value="">Answer from hint…</option>
        {hints.map((hint, i) => (
          <option key={i} value={i}>
            {i + 1}. {hint.length > 80 ? `${hint.slice(0, 79)}…` : hint}
          </option>
        ))}
      </select>
      {error && (
        <span role="alert" className="alert">
          {error}
        </span>
      )}
    </span>
  )
}
