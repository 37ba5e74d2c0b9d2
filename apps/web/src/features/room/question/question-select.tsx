import { questionTypes, type Question } from '@mockroom/questions'
import { useId } from 'react'

interface Props {
  label: string
  questions: Question[]
  value: string
  onChange: (questionId: string) => void
  disabled?: boolean
}

// The bank as one native select, grouped by question type: searchable by typing, no widget code.
export function QuestionSelect({ label, questions, value, onChange, disabled }: Props) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
      >
        {questionTypes.map(({ type, label: typeName }) => {
          const ofType = questions.filter((q) => q.type === type)
          if (ofType.length === 0) return null
          return (
            <optgroup key={type} label={typeName}>
              {ofType.map((q) => (
                <option key={q.id} value={q.id}>
                  {q.title} ({q.company})
                </option>
              ))}
            </optgroup>
          )
        })}
      </select>
    </div>
  )
}
