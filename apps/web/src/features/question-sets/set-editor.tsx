'use client'

import type { QuestionDraft } from '@mockroom/questions'
import { useRouter } from 'next/navigation'
import { useEffect, useId, useState } from 'react'
import type { QuestionSetView, SetQuestion } from '../../contract/question-sets'
import { describeFailure } from '../../lib/api-error'
import { ConfirmButton } from '../../ui/confirm-button'
import { CopyLinkField } from '../../ui/copy-link-field'
import { ImportPanel } from './import-panel'
import { RenameSet } from './rename-set'
import { QuestionForm } from './question-form'
import { deleteQuestion, exportUrl, renameSet, saveQuestion } from './question-sets-api'
import { saveSet } from './saved-sets'
import './question-sets.css'
import { StartFromSet } from './start-from-set'
import { VersionHistory } from './version-history'
import { ErrorAlert } from '../../ui/error-alert'

type Editing =
  | { kind: 'none' }
  | { kind: 'new'; draft: QuestionDraft }
  | { kind: 'edit'; question: SetQuestion & { draft: QuestionDraft } }

interface Props {
  capability: string
  set: QuestionSetView
  /** a fresh draft to start from: a blank one, or a bank question duplicated (?duplicate=…) */
  startDraft: QuestionDraft | null
  blank: QuestionDraft
  bank: ReadonlyArray<{ id: string; title: string }>
}

/** The owner's view of a set (the edit link): author, version, delete, import, export, share. */
export function SetEditor({ capability, set, startDraft, blank, bank }: Props) {
  const router = useRouter()
  const id = useId()
  const [editing, setEditing] = useState<Editing>(
    startDraft ? { kind: 'new', draft: startDraft } : { kind: 'none' },
  )
  const [status, setStatus] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [duplicateId, setDuplicateId] = useState(bank[0]?.id ?? '')

  useEffect(
    () => saveSet({ capability, access: 'edit', title: set.title }),
    [capability, set.title],
  )
  // "Duplicate" navigates to ?duplicate=<id> on this same page: open the form on its draft
  useEffect(() => {
    if (startDraft) setEditing({ kind: 'new', draft: startDraft })
  }, [startDraft])

  const done = (message: string) => {
    setEditing({ kind: 'none' })
    setStatus(message)
    // drop ?duplicate=… and read the set again from the server
    router.replace(`/sets/${capability}`)
    router.refresh()
  }

  if (editing.kind !== 'none') {
    const current = editing.kind === 'edit' ? editing.question : null
    return (
      <section aria-labelledby={`${id}-form-title`}>
        <h2 id={`${id}-form-title`}>
          {current
            ? `Edit “${current.question.title}” (version ${current.version})`
            : 'New question'}
        </h2>
        <QuestionForm
          initial={editing.kind === 'edit' ? editing.question.draft : editing.draft}
          saveLabel={current ? 'Save as a new version' : 'Save question'}
          onCancel={() => {
            setEditing({ kind: 'none' })
            router.replace(`/sets/${capability}`)
          }}
          onSave={async (draft) => {
            const saved = await saveQuestion(capability, current?.id ?? null, draft)
            done(
              current
                ? `Saved “${draft.title}” as version ${saved.version}. Past sessions keep the version they used.`
                : `Added “${draft.title}”.`,
            )
          }}
        />
      </section>
    )
  }

  return (
    <div className="set-editor">
      {status && (
        <p role="status" className="note">
          {status}
        </p>
      )}
      {set.shareUrl && (
        <section className="card" aria-labelledby={`${id}-share-title`}>
          <h2 id={`${id}-share-title`}>Share with students</h2>
          <CopyLinkField
            label="Share link (read-only)"
            copyLabel="Copy share link"
            value={set.shareUrl}
            description="Students can browse the set and start a mock from it. They cannot change it and never see the hints."
          />
        </section>
      )}
      <section className="card" aria-labelledby={`${id}-questions-title`}>
        <h2 id={`${id}-questions-title`}>Questions ({set.questions.length})</h2>
        <div className="actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => setEditing({ kind: 'new', draft: blank })}
          >
            New question
          </button>
          <label htmlFor={`${id}-dup`} className="visually-hidden">
            Built-in question to duplicate
          </label>
          <select
            id={`${id}-dup`}
            value={duplicateId}
            onChange={(e) => setDuplicateId(e.target.value)}
          >
            {bank.map((q) => (
              <option key={q.id} value={q.id}>
                {q.title}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            onClick={() =>
              router.push(`/sets/${capability}?duplicate=${encodeURIComponent(duplicateId)}`)
            }
          >
            Duplicate built-in question
          </button>
        </div>
        <ErrorAlert message={error} />
        {set.questions.length === 0 ? (
          <p className="empty">
            No questions yet: write one, duplicate a built-in one, or import files.
          </p>
        ) : (
          <ul className="set-questions">
            {set.questions.map((q) => (
              <li key={q.id} className="set-question">
                <h3>{q.question.title}</h3>
                <p className="meta-line">
                  {q.question.company} · {q.minutes} min · version {q.version} · {q.slug}.md
                </p>
                <div className="actions">
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Edit ${q.question.title}`}
                    onClick={() =>
                      q.draft && setEditing({ kind: 'edit', question: { ...q, draft: q.draft } })
                    }
                  >
                    Edit
                  </button>
                  <ConfirmButton
                    label={`Delete ${q.question.title}`}
                    visibleLabel="Delete"
                    question="Delete it from the set? Past sessions keep it."
                    confirmLabel={`Yes, delete ${q.question.title}`}
                    className="button--small"
                    onConfirm={() =>
                      void deleteQuestion(capability, q.id).then(
                        () => done(`Deleted “${q.question.title}” from the set.`),
                        (e: unknown) =>
                          setError(describeFailure(e, 'The question could not be deleted.')),
                      )
                    }
                  />
                </div>
                <StartFromSet
                  title={q.question.title}
                  versionId={q.versionId}
                  capability={capability}
                />
                {q.version > 1 && (
                  <VersionHistory
                    capability={capability}
                    questionId={q.id}
                    title={q.question.title}
                    onRestored={done}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <ImportPanel capability={capability} onSaved={() => router.refresh()} />
      <RenameSet
        title={set.title}
        onRename={async (title) => {
          await renameSet(capability, title)
          done(`Renamed the set “${title}”.`)
        }}
      />
      <section className="card" aria-labelledby={`${id}-export-title`}>
        <h2 id={`${id}-export-title`}>Export</h2>
        <p className="hint">
          One Markdown file per question in a zip, or the whole set as one JSON file. Both hold the
          hints: keep them private.
        </p>
        <div className="actions">
          <a className="button" href={exportUrl(capability, 'zip')} download>
            Export as zip of Markdown files
          </a>
          <a className="button" href={exportUrl(capability, 'json')} download>
            Export as JSON
          </a>
        </div>
      </section>
    </div>
  )
}
