'use client'

import { useId, useState } from 'react'
import type { ImportReport } from '../../contract/question-sets'
import { describeFailure } from '../../lib/api-error'
import { importFiles } from './question-sets-api'

type State =
  | { kind: 'idle'; error: string | null }
  | { kind: 'checking' }
  | { kind: 'checked'; report: ImportReport }
  | { kind: 'saving'; report: ImportReport }
  | { kind: 'saved'; report: ImportReport }

/**
 * Import: the chosen files are checked first (a dry run: new, changed, unchanged, problems with
 * file and line); only a clean check can be saved, and it is saved all at once.
 */
export function ImportPanel({ capability, onSaved }: { capability: string; onSaved: () => void }) {
  const id = useId()
  const [files, setFiles] = useState<File[]>([])
  const [state, setState] = useState<State>({ kind: 'idle', error: null })

  const check = async (chosen: File[]) => {
    setFiles(chosen)
    if (chosen.length === 0) return setState({ kind: 'idle', error: null })
    setState({ kind: 'checking' })
    try {
      setState({ kind: 'checked', report: await importFiles(capability, chosen, false) })
    } catch (error) {
      setState({ kind: 'idle', error: describeFailure(error, 'The files could not be read.') })
    }
  }
  const save = async (report: ImportReport) => {
    setState({ kind: 'saving', report })
    try {
      const saved = await importFiles(capability, files, true)
      setState(saved.saved ? { kind: 'saved', report: saved } : { kind: 'checked', report: saved })
      if (saved.saved) onSaved()
    } catch (error) {
      setState({ kind: 'idle', error: describeFailure(error, 'The import was not saved.') })
    }
  }

  const report = 'report' in state ? state.report : null
  const clean = report && report.problems.length === 0
  const writes = report ? report.added.length + report.changed.length : 0
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Import questions</h2>
      <p className="hint">
        Markdown files (one question each), a JSON bundle, or a zip of them. Nothing is saved until
        you have seen what would change.
      </p>
      <div className="field">
        <label htmlFor={`${id}-files`}>Question files (.md, .json or .zip)</label>
        <input
          id={`${id}-files`}
          type="file"
          multiple
          accept=".md,.markdown,.json,.zip,text/markdown,application/json,application/zip"
          onChange={(e) => void check([...(e.target.files ?? [])])}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-folder`}>Or a folder of question files</label>
        <input
          id={`${id}-folder`}
          type="file"
          multiple
          {...{ webkitdirectory: '' }}
          onChange={(e) => void check([...(e.target.files ?? [])])}
        />
      </div>
      {state.kind === 'checking' && <p className="hint">Checking the files…</p>}
      {state.kind === 'idle' && state.error && (
        <p role="alert" className="alert">
          {state.error}
        </p>
      )}
      {report && <ImportSummary report={report} />}
      {state.kind === 'checked' && clean && writes > 0 && (
        <button type="button" className="button button--primary" onClick={() => void save(report)}>
          Save {writes} {writes === 1 ? 'question' : 'questions'}
        </button>
      )}
      {state.kind === 'checked' && clean && writes === 0 && (
        <p className="hint">Nothing to save: every question is already in the set as it is.</p>
      )}
      {state.kind === 'saved' && (
        <p role="status" className="note">
          Saved: the set now has these questions.
        </p>
      )}
    </section>
  )
}

function ImportSummary({ report }: { report: ImportReport }) {
  const list = (label: string, items: ImportReport['added']) =>
    items.length > 0 && (
      <div>
        <h3>
          {label} ({items.length})
        </h3>
        <ul>
          {items.map((q) => (
            <li key={q.slug}>
              {q.title} <span className="hint">({q.slug}.md)</span>
            </li>
          ))}
        </ul>
      </div>
    )
  return (
    <div className="import-report" aria-label="Import check" role="region">
      {report.problems.length > 0 && (
        <div role="alert" className="alert">
          <p>
            {report.problems.length === 1 ? 'One problem' : `${report.problems.length} problems`}:
            nothing will be saved until {report.problems.length === 1 ? 'it is' : 'they are'} fixed.
          </p>
          <ul>
            {report.problems.map((p, i) => (
              <li key={i}>
                {p.file}
                {p.line !== null ? `, line ${p.line}` : ''}: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {list('New', report.added)}
      {list('Changed (a new version each)', report.changed)}
      {list('Unchanged', report.unchanged)}
      {report.skipped.length > 0 && (
        <p className="hint">Left out (not .md or .json): {report.skipped.join(', ')}</p>
      )}
    </div>
  )
}
