import { isVersionId, questionTypes, type Question } from '@mockroom/questions'
import { useId } from 'react'

interface Props {
  label: string
  questions: Question[]
  value: string
  onChange: (questionId: string) => void
  disabled?: boolean
}

// The bank as one native select, grouped by question type: searchable by typing, no widget code.
// A coach's questions (the room's question set) come first, in the set's order.
export function QuestionSelect({ label, questions, value, onChange, disabled }: Props) {
  const id = useId()
  const fromSet = questions.filter((q) => isVersionId(q.id))
  const bank = questions.filter((q) => !isVersionId(q.id))
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
      >
        {fromSet.length > 0 && (
          <optgroup label="This room's question set">{fromSet.map(questionOption)}</optgroup>
        )}
        {questionTypes.map(({ type, label: typeName }) => {
          const ofType = bank.filter((q) => q.type === type)
          if (ofType.length === 0) return null
          return (
            <optgroup key={type} label={typeName}>
              {ofType.map(questionOption)}
            </optgroup>
          )
        })}
      </select>
    </div>
  )
}

function questionOption(q: Question) {
  return (
    <option key={q.id} value={q.id}>
      {q.title} ({q.company})
    </option>
  )
}
