'use client'

import type { SessionRecord } from '@mockroom/session-model'
import { useMemo } from 'react'
import { timelineOf } from './timeline'
import { usePlayback } from './use-playback'
import { LazyFinalAnswer, LazyReplayAnswer } from './lazy-review-parts'
import { PlanVsActual } from './plan-vs-actual'
import { ReplayBreaks } from './replay-breaks'
import { ReplayControls } from './replay-controls'
import { ReviewFeedback } from './review-feedback'
import { ReviewHeader } from './review-header'
import { ReviewParticipants } from './review-participants'
import { ReviewTranscript } from './review-transcript'
import { SessionInsightsCard } from './session-insights'
import { TalkTime } from './review-talk-time'

// One session's record. The replay clock lives here because both the replayed answer and the
// transcript's current line follow it.
export function ReviewRecord({ record }: { record: SessionRecord }) {
  const timeline = useMemo(() => timelineOf(record), [record])
  const playback = usePlayback(timeline.start, timeline.end)

  return (
    <article className="review">
      <ReviewHeader record={record} />
      <LazyFinalAnswer record={record} />
      <PlanVsActual record={record} />
      <TalkTime record={record} />
      <SessionInsightsCard record={record} />
      <ReviewParticipants people={record.participants} />
      <div className="review__replay-grid">
        <section className="card replay" aria-labelledby="replay-title">
          <h2 id="replay-title">Replay</h2>
          <p className="hint">
            Move along the timeline or pick a transcript line to see the answer as it stood then.
          </p>
          <ReplayControls timeline={timeline} playback={playback} />
          <ReplayBreaks
            breaks={record.breaks}
            origin={timeline.origin}
            time={playback.time}
            seek={playback.seek}
          />
          <LazyReplayAnswer record={record} time={playback.time} />
        </section>
        <ReviewTranscript
          transcript={record.transcript}
          origin={timeline.origin}
          time={playback.time}
          playing={playback.speed !== null}
          onSelect={playback.seek}
        />
      </div>
      <ReviewFeedback record={record} />
    </article>
  )
}
