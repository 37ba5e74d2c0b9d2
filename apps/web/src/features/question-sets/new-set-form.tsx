'use client'

import Link from 'next/link'
import { useId, useState } from 'react'
import type { CreatedSet } from '../../contract/question-sets'
import { describeFailure } from '../../lib/api-error'
import { CopyLinkField } from '../../ui/copy-link-field'
import { createSet } from './question-sets-api'
import { saveSet, setCapabilityOf } from './saved-sets'
import './question-sets.css'
import { ErrorAlert } from '../../ui/error-alert'

/** "New question set": a title, then the private edit link (shown once) and the share link. */
export function NewSetForm() {
  const id = useId()
  const [title, setTitle] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [created, setCreated] = useState<CreatedSet | null>(null)

  if (created) {
    const edit = setCapabilityOf(created.editUrl) ?? ''
    return (
      <section className="card" aria-labelledby={`${id}-done`}>
        <h2 id={`${id}-done`}>Your set “{title.trim()}” is ready</h2>
        <p>
          <strong>Keep the edit link private.</strong> It is the only key to change the set: there
          are no accounts. This browser remembers it; copy it somewhere safe too. It is shown here
          once.
        </p>
        <CopyLinkField
          label="Edit link (private)"
          copyLabel="Copy edit link"
          value={created.editUrl}
        />
        <CopyLinkField
          label="Share link (read-only, for students)"
          copyLabel="Copy share link"
          value={created.shareUrl}
        />
        <div className="actions">
          <Link className="button button--primary" href={`/sets/${edit}`}>
            Open the set editor
          </Link>
        </div>
      </section>
    )
  }

  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      const made = await createSet(title)
      saveSet({
        capability: setCapabilityOf(made.editUrl) ?? '',
        access: 'edit',
        title: title.trim(),
      })
      setCreated(made)
    } catch (e) {
      setError(describeFailure(e, 'The set could not be created. Please try again.'))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      className="card"
      aria-label="New question set"
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-title`}>Set title</label>
        <input
          id={`${id}-title`}
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <ErrorAlert message={error} />
      <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
        Create set
      </button>
    </form>
  )
}
