'use client'

import { useId, useState } from 'react'
import { describeFailure } from '../../lib/api-error'
import { ErrorAlert } from '../../ui/error-alert'

/** The set's title, changed through the edit link. */
export function RenameSet({
  title,
  onRename,
}: {
  title: string
  onRename: (title: string) => Promise<void>
}) {
  const id = useId()
  const [value, setValue] = useState(title)
  const [error, setError] = useState<string | null>(null)
  return (
    <form
      className="card"
      aria-label="Rename the set"
      onSubmit={(e) => {
        e.preventDefault()
        setError(null)
        onRename(value.trim()).catch((err: unknown) =>
          setError(describeFailure(err, 'The title could not be saved.')),
        )
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-title`}>Set title</label>
        <input
          id={`${id}-title`}
          value={value}
          maxLength={200}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      <ErrorAlert message={error} />
      <button type="submit" className="button" disabled={value.trim() === title}>
        Rename set
      </button>
    </form>
  )
}
