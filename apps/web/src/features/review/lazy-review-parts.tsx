'use client'

import dynamic from 'next/dynamic'

// Yjs, the update log replay and the rebuilt documents load after the record has painted.
export const LazyFinalAnswer = dynamic(() => import('./final-answer'), {
  ssr: false,
  loading: () => (
    <section className="card review__answer" aria-labelledby="final-answer-title">
      <h2 id="final-answer-title">Final answer</h2>
      <p className="hint" aria-busy="true">
        Rebuilding the answer…
      </p>
    </section>
  ),
})

export const LazyReplayAnswer = dynamic(() => import('./replay-answer'), {
  ssr: false,
  loading: () => (
    <p className="hint" aria-busy="true">
      Loading the replay…
    </p>
  ),
})
