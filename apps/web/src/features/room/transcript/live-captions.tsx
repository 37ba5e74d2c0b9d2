'use client'

import type { Awareness } from 'y-protocols/awareness'
import { useCaptions } from './use-captions'

// Always rendered, even when empty: a live region must exist before its content changes for
// screen readers to announce the change.
export function LiveCaptions({ awareness }: { awareness: Awareness | null }) {
  const captions = useCaptions(awareness)
  return (
    <div className="captions" role="region" aria-label="Live captions" aria-live="polite">
      {captions.map((c) => (
        <p key={c.clientId} className="captions__line">
          <span className="captions__name">{c.name}:</span> …{c.text}
        </p>
      ))}
    </div>
  )
}
