'use client'

import { useState } from 'react'
import type { QuestionVersions } from '../../contract/question-sets'
import { describeFailure } from '../../lib/api-error'
import { ErrorAlert } from '../../ui/error-alert'
import { questionVersions, saveQuestion } from './question-sets-api'

interface Props {
  capability: string
  questionId: string
  title: string
  /** after a restore: what to tell the coach */
  onRestored: (message: string) => void
}

/**
 * A question's versions, loaded when opened: each with its date and title, and Restore, which
 * saves that version's draft as a new version (sessions keep the version they were made with).
 */
export function VersionHistory({ capability, questionId, title, onRestored }: Props) {
  const [versions, setVersions] = useState<QuestionVersions['versions'] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const load = () => {
    if (versions) return
    questionVersions(capability, questionId).then(
      (v) => setVersions(v.versions),
      (e: unknown) => setError(describeFailure(e, 'The versions could not be loaded.')),
    )
  }

  const restore = async (version: QuestionVersions['versions'][number]) => {
    setBusy(true)
    try {
      const saved = await saveQuestion(capability, questionId, version.draft)
      onRestored(`Restored version ${version.version} of “${title}” as version ${saved.version}.`)
    } catch (e) {
      setError(describeFailure(e, 'The version could not be restored.'))
    } finally {
      setBusy(false)
    }
  }

  const current = versions?.at(-1)?.version
  return (
    <details onToggle={(e) => (e.currentTarget.open ? load() : undefined)}>
      <summary>Version history of {title}</summary>
      {versions === null && !error && <p className="hint">Loading versions…</p>}
      {versions && (
        <ol className="set-versions" aria-label={`Versions of ${title}`}>
          {versions.map((v) => (
            <li key={v.versionId}>
              <strong>Version {v.version}</strong> · {new Date(v.createdAt).toLocaleString()} ·{' '}
              {v.draft.title}
              {v.version === current ? (
                <span className="hint"> (current)</span>
              ) : (
                <button
                  type="button"
                  className="button button--small"
                  disabled={busy}
                  aria-label={`Restore version ${v.version} of ${title}`}
                  onClick={() => void restore(v)}
                >
                  Restore
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      <ErrorAlert message={error} />
    </details>
  )
}
