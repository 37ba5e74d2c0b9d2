'use client'

import { useState } from 'react'
import { ConfirmButton } from '../../ui/confirm-button'
import { ErrorAlert } from '../../ui/error-alert'

interface Props {
  name: string
  /** resolves with the server's refusal, or null when the person was removed */
  onRemove: () => Promise<string | null>
}

// Coach control: disconnects the person and refuses their link from then on, so it asks first.
export function RemovePerson({ name, onRemove }: Props) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const remove = async () => {
    setBusy(true)
    setError(null)
    setError(await onRemove())
    setBusy(false)
  }
  return (
    <div className="person__remove">
      <ConfirmButton
        label={`Remove ${name}`}
        visibleLabel="Remove"
        question={`Remove ${name} from the room?`}
        confirmLabel={`Yes, remove ${name}`}
        onConfirm={() => void remove()}
        disabled={busy}
        className="button button--small"
      />
      <ErrorAlert message={error} />
    </div>
  )
}
