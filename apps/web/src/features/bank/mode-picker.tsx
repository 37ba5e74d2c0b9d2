import type { SessionMode } from '@mockroom/session-model'
import { useId } from 'react'

const modes: ReadonlyArray<{ value: SessionMode; label: string; description: string }> = [
  {
    value: 'interview',
    label: 'Interview',
    description: 'Like the real thing: feedback only after the end.',
  },
  {
    value: 'practice',
    label: 'Practice',
    description: 'The interviewer can give feedback on each section as you go.',
  },
]

interface Props {
  value: SessionMode
  onChange: (mode: SessionMode) => void
  disabled: boolean
}

// A native radio group: arrow keys, one tab stop, and the group's name "Mode" come for free.
export function ModePicker({ value, onChange, disabled }: Props) {
  const id = useId()
  return (
    <fieldset className="mode-picker" role="radiogroup" disabled={disabled}>
      <legend>Mode</legend>
      {modes.map((mode) => (
        <div key={mode.value} className="mode-picker__option">
          <input
            type="radio"
            id={`${id}-${mode.value}`}
            name={`${id}-mode`}
            value={mode.value}
            checked={value === mode.value}
            onChange={() => onChange(mode.value)}
            aria-describedby={`${id}-${mode.value}-hint`}
          />
          <label htmlFor={`${id}-${mode.value}`}>{mode.label}</label>
          <p id={`${id}-${mode.value}-hint`} className="hint">
            {mode.description}
          </p>
        </div>
      ))}
    </fieldset>
  )
}
