'use client'

import type { TranscriptSegment } from '@mockroom/session-model'
import { useLayoutEffect, useRef } from 'react'
import { clockSince } from '../../../lib/format-clock'

interface Props {
  segments: TranscriptSegment[]
  /** server time the times count from (the interview's start) */
  origin: number
}

// Within this many pixels of the bottom counts as "reading the newest lines".
const STICK_PX = 32

// The room's running transcript. New lines scroll into view unless the person scrolled up to
// read something earlier: yanking them back down would lose their place.
export function TranscriptLines({ segments, origin }: Props) {
  const listRef = useRef<HTMLOListElement>(null)
  const stuck = useRef(true)

  useLayoutEffect(() => {
    const list = listRef.current
    if (list && stuck.current) list.scrollTop = list.scrollHeight
  }, [segments])

  if (segments.length === 0) {
    return <p className="hint">Nothing yet. Lines appear here as people speak or add notes.</p>
  }
  return (
    <ol
      ref={listRef}
      className="transcript__lines"
      // scrollable, so keyboard users can scroll it too
      tabIndex={0}
      aria-label="Transcript lines"
      onScroll={(event) => {
        const el = event.currentTarget
        stuck.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX
      }}
    >
      {segments.map((s, i) => (
        <li
          key={`${s.startMs}-${s.speakerId}-${i}`}
          className={`transcript__line${s.source === 'note' ? ' transcript__line--note' : ''}`}
        >
          <TranscriptLineText segment={s} origin={origin} />
        </li>
      ))}
    </ol>
  )
}

/** time, speaker (and "note"), text: shared by the room and the review */
export function TranscriptLineText({
  segment,
  origin,
}: {
  segment: TranscriptSegment
  origin: number
}) {
  return (
    <>
      <time className="transcript__time" dateTime={new Date(segment.startMs).toISOString()}>
        {clockSince(segment.startMs, origin)}
      </time>{' '}
      <span className="transcript__speaker">{segment.name}</span>
      {segment.source === 'note' && <span className="badge transcript__badge">note</span>}
      {segment.source === 'speech' && <span className="badge transcript__badge">live caption</span>}
      <span className="visually-hidden">:</span>{' '}
      <span className="transcript__text">{segment.text}</span>
    </>
  )
}
