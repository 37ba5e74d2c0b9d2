'use client'

import dynamic from 'next/dynamic'

function TranscriptPlaceholder() {
  return (
    <section className="panel transcript" aria-labelledby="transcript-title">
      <h2 id="transcript-title">Transcript</h2>
      <p className="hint" aria-busy="true">
        Loading the transcript…
      </p>
    </section>
  )
}

// Speech recognition and the transcript arrive in their own chunk after the room has painted:
// the answer editors and presence are what people need first.
export const LazyRoomTranscript = dynamic(() => import('./room-transcript'), {
  ssr: false,
  loading: TranscriptPlaceholder,
})
