'use client'

import Link from 'next/link'
import { useEffect, useState } from 'react'
import { loadSavedSets, type SavedSet } from './saved-sets'

/** "Duplicate" on a bank question: into one of this browser's own sets, or a new one. */
export function DuplicateToSet({ questionId, title }: { questionId: string; title: string }) {
  const [sets, setSets] = useState<SavedSet[]>([])
  useEffect(() => setSets(loadSavedSets().filter((s) => s.access === 'edit')), [])
  const href = (s: SavedSet) => `/sets/${s.capability}?duplicate=${encodeURIComponent(questionId)}`
  return (
    <section className="card" aria-labelledby="duplicate-title">
      <h2 id="duplicate-title">Adapt this question</h2>
      {sets.length === 0 ? (
        <p>
          <Link href="/sets/new">Make a question set</Link>, then duplicate this question into it
          and change what you like.
        </p>
      ) : (
        <ul>
          {sets.map((s) => (
            <li key={s.capability}>
              <Link href={href(s)} aria-label={`Duplicate ${title} into ${s.title}`}>
                Duplicate into “{s.title}”
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
