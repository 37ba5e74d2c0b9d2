'use client'

import type { SessionRecord } from '@mockroom/session-model'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { ChecksPanel, checksVisible, type MomentEvidence } from '../checks/checks-panel'
import { AiReviewCard } from '../checks/ai-review-card'
import { clockSince } from '../../lib/format-clock'
import { replaySectionId, timelineOf } from './timeline'
import { usePlayback } from './use-playback'
import { LazyFinalAnswer, LazyReplayAnswer } from './lazy-review-parts'
import { PlanVsActual } from './plan-vs-actual'
import { ReplayBreaks } from './replay-breaks'
import { ReplayControls } from './replay-controls'
import { ReviewFeedback } from './review-feedback'
import { ReviewAudio } from './review-audio'
import { ReviewHeader } from './review-header'
import { ReviewParticipants } from './review-participants'
import { ReviewTranscript } from './review-transcript'
import { SessionInsightsCard } from './session-insights'
import { TalkTime } from './review-talk-time'
import { TranscriptionProgress } from './transcription-progress'
import { useTranscriptionStatus } from './use-transcription-status'

/** where the review polls the server's transcription while it runs */
export interface TranscriptionSource {
  capability: string
  sessionId: string
  /** nothing pending any more: load the record again, with the new lines */
  onSettled: () => void
}

// One session's record. The replay clock lives here because both the replayed answer and the
// transcript's current line follow it.
export function ReviewRecord({
  record,
  transcription,
}: {
  record: SessionRecord
  transcription: TranscriptionSource
}) {
  const transcriptionStatus = useTranscriptionStatus(
    transcription.capability,
    transcription.sessionId,
    record.transcription,
    transcription.onSettled,
  )
  const timeline = useMemo(() => timelineOf(record), [record])
  const playback = usePlayback(timeline.start, timeline.end)
  const { seek } = playback
  // the interviewer's own (maybe not shared yet), or what was shared with this viewer
  const aiReview = record.private?.aiReview ?? record.sharedFeedback?.aiReview ?? null
  const [moved, setMoved] = useState('')

  // an evidence link moves the replay to its moment and brings that section into view
  const goTo = useCallback(
    (e: Pick<MomentEvidence, 'at' | 'sectionKey' | 'label'>) => {
      seek(e.at)
      setMoved(`Replay moved to ${clockSince(e.at, timeline.origin)}: ${e.label}`)
      const target =
        (e.sectionKey && document.getElementById(replaySectionId(e.sectionKey))) ||
        document.getElementById('replay-title')
      target?.scrollIntoView({ block: 'start' })
    },
    [seek, timeline.origin],
  )

  // /review/…?at=<server ms>: opened from a check's evidence in the room
  useEffect(() => {
    const at = Number(new URLSearchParams(window.location.search).get('at'))
    if (Number.isFinite(at) && at > 0) seek(at)
  }, [seek])

  return (
    <article className="review">
      <ReviewHeader record={record} />
      <LazyFinalAnswer record={record} />
      <PlanVsActual record={record} />
      <TalkTime record={record} />
      <SessionInsightsCard record={record} />
      {checksVisible(record) && (
        <ChecksPanel record={record} moment={{ verb: 'Replay', go: goTo }} />
      )}
      {aiReview && <AiReviewCard review={aiReview} sections={record.sections} />}
      <p className="visually-hidden" role="status">
        {moved}
      </p>
      <ReviewParticipants people={record.participants} />
      <div className="review__replay-grid">
        <section className="card replay" aria-labelledby="replay-title">
          <h2 id="replay-title">Replay</h2>
          <p className="hint">
            Move along the timeline or pick a transcript line to see the answer as it stood then.
          </p>
          <ReplayControls timeline={timeline} playback={playback} />
          <ReviewAudio
            audio={record.audio}
            playback={playback}
            capability={transcription.capability}
            sessionId={transcription.sessionId}
          />
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
          status={<TranscriptionProgress status={transcriptionStatus} />}
        />
      </div>
      <ReviewFeedback record={record} />
    </article>
  )
}
