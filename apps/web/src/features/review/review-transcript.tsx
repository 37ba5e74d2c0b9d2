'use client'

import type { TranscriptSegment } from '@mockroom/session-model'
import { useEffect, useRef, type ReactNode } from 'react'
import { currentLine } from './timeline'
import { TranscriptLineText } from '../room/transcript/transcript-lines'

interface Props {
  transcript: TranscriptSegment[]
  origin: number
  time: number
  /** while playing, the current line is kept in view */
  playing: boolean
  onSelect: (time: number) => void
  /** where the server's transcription of the recordings stands */
  status?: ReactNode
}

// Every line is a button that moves the replay to the moment it was said; the line at the
// replay's moment is marked current.
export function ReviewTranscript({ transcript, origin, time, playing, onSelect, status }: Props) {
  const current = currentLine(transcript, time)
  const listRef = useRef<HTMLOListElement>(null)

  useEffect(() => {
    const list = listRef.current
    const line = list?.children[current] as HTMLElement | undefined
    if (!playing || !list || !line) return
    // scroll the list only, never the page the person is reading
    const top = line.offsetTop - list.offsetTop
    if (top < list.scrollTop || top + line.offsetHeight > list.scrollTop + list.clientHeight)
      list.scrollTop = top - list.clientHeight / 3
  }, [current, playing])

  return (
    <section className="card review__transcript" aria-labelledby="review-transcript-title">
      <h2 id="review-transcript-title">Transcript</h2>
      {status}
      {transcript.length === 0 ? (
        <p className="hint">
          Nothing was transcribed in this session: no recording, no live captions, no notes.
        </p>
      ) : (
        <ol ref={listRef} className="transcript__lines transcript__lines--review">
          {transcript.map((s, i) => (
            <li
              key={`${s.startMs}-${s.speakerId}-${i}`}
              className={`transcript__line${s.source === 'note' ? ' transcript__line--note' : ''}`}
            >
              <button
                type="button"
                className="transcript__jump"
                aria-current={i === current ? 'true' : undefined}
                onClick={() => onSelect(s.startMs)}
              >
                <TranscriptLineText segment={s} origin={origin} />
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
