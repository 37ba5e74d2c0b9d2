'use client'

import Link from 'next/link'
import { useEffect, useState } from 'react'
import { loadSavedSets, type SavedSet } from './saved-sets'

/** The question sets this browser knows, beside the bank (kept in localStorage). */
export function KnownSets() {
  const [sets, setSets] = useState<SavedSet[]>([])
  useEffect(() => setSets(loadSavedSets()), [])
  return (
    <section className="known-sets" aria-labelledby="known-sets-title">
      <h2 id="known-sets-title">Question sets</h2>
      {sets.length > 0 && (
        <ul>
          {sets.map((s) => (
            <li key={s.capability}>
              <Link href={`/sets/${s.capability}`}>{s.title}</Link>{' '}
              <span className="hint">
                {s.access === 'edit' ? '(yours to edit)' : '(shared with you)'}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href="/sets/new">New question set</Link>: write your own questions, import Markdown
        files, and share them with students.
      </p>
    </section>
  )
}
