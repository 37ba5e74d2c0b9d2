import type { CheckEvidence, CheckResult, CheckSpec } from './check-spec'
import { planClock as clock } from './plan-vs-actual'
import { fillerPattern } from './insights'
import type { SessionRecord } from './session-record'
import { longestMonologue, speechDetected } from './talk-time'
import type { TranscriptSegment } from './transcript'

type DeliverySpec = Extract<
  CheckSpec,
  { kind: 'talk-share' | 'speaking-pace' | 'fillers' | 'monologue' }
>

function titleOf(spec: DeliverySpec): string {
  switch (spec.kind) {
    case 'talk-share':
      return `The candidate did most of the talking (at least ${Math.round(spec.minShare * 100)}%)`
    case 'speaking-pace':
      return `Speaking pace between ${spec.min} and ${spec.max} words per minute`
    case 'fillers':
      return `At most ${spec.maxPerMinute} filler words per minute of speech`
    case 'monologue':
      return `No stretch of talking longer than ${clock(spec.maxMs)}`
  }
}

const NO_SPEECH = 'No speech from the candidate in the transcript.'
const NO_TALK = 'No speech detected in the call — were the microphones on?'

/** The candidate's spoken lines (typed notes are the interviewer's, not speech). */
const spoken = (r: SessionRecord): TranscriptSegment[] =>
  r.transcript.filter((l) => l.source !== 'note' && l.role === 'candidate' && l.text.trim() !== '')

const words = (text: string) => text.split(/\s+/).filter((w) => /\w/.test(w)).length
// a line's time is at least a second, even when the recogniser stamped start = end
const lineMs = (l: TranscriptSegment) => Math.max(1_000, l.endMs - l.startMs)
// below this much speech a rate per minute says more about chance than about the speaker
const MIN_SPEECH_MS = 30_000

const moment = (at: number, label: string): CheckEvidence => ({
  kind: 'moment',
  at,
  label,
  sectionKey: null,
})

function outcome(
  spec: DeliverySpec,
  status: CheckResult['status'],
  detail: string,
  evidence: CheckEvidence[],
  next: string,
): CheckResult {
  return {
    id: spec.kind,
    aspect: 'delivery',
    title: titleOf(spec),
    status,
    detail,
    evidence,
    next: status === 'not-met' ? next : null,
  }
}

/** The candidate's speech and its length; with too little of it, the no-data result to give. */
function speech(r: SessionRecord, spec: DeliverySpec, what: string) {
  const lines = spoken(r)
  const ms = lines.reduce((sum, l) => sum + lineMs(l), 0)
  const why =
    lines.length === 0 ? NO_SPEECH : `Too little speech in the transcript to ${what} (under 30 s).`
  return { lines, ms, short: ms < MIN_SPEECH_MS ? outcome(spec, 'no-data', why, [], '') : null }
}

/** One check of how the answer was delivered, from the call's talk spans or the transcript. */
export function deliveryCheck(r: SessionRecord, spec: DeliverySpec): CheckResult {
  const candidates = new Set(r.talk.filter((s) => s.role === 'candidate').map((s) => s.speakerId))
  switch (spec.kind) {
    case 'talk-share': {
      const total = r.talk.reduce((sum, s) => sum + Math.max(0, s.endMs - s.startMs), 0)
      if (!speechDetected(r.talk)) return outcome(spec, 'no-data', NO_TALK, [], '')
      const mine = r.talk
        .filter((s) => s.role === 'candidate')
        .reduce((sum, s) => sum + Math.max(0, s.endMs - s.startMs), 0)
      const share = mine / total
      return outcome(
        spec,
        share >= spec.minShare ? 'met' : 'not-met',
        `The candidate spoke ${Math.round(share * 100)}% of the talk time (${clock(mine)} of ${clock(total)}).`,
        [],
        'Drive the conversation: think aloud, and ask fewer open questions of the interviewer.',
      )
    }
    case 'speaking-pace': {
      const { lines, ms, short } = speech(r, spec, 'judge the pace')
      if (short) return short
      const perMinute = Math.round(lines.reduce((sum, l) => sum + words(l.text), 0) / (ms / 60_000))
      const fast = perMinute > spec.max
      const met = perMinute >= spec.min && !fast
      // the line that set the pace most: fastest when too fast, slowest when too slow
      const rate = (l: TranscriptSegment) => words(l.text) / lineMs(l)
      const sorted = [...lines].sort((a, b) => (fast ? rate(b) - rate(a) : rate(a) - rate(b)))
      const example = met ? undefined : sorted[0]
      return outcome(
        spec,
        met ? 'met' : 'not-met',
        `${perMinute} words per minute over ${clock(ms)} of speech.`,
        example ? [moment(example.startMs, `“${example.text.slice(0, 80)}”`)] : [],
        fast
          ? 'Slow down: pause after each point so the interviewer can follow and take notes.'
          : 'Keep a steadier pace: prepare the structure first, then speak to it.',
      )
    }
    case 'fillers': {
      const { lines, ms, short } = speech(r, spec, 'count filler words')
      if (short) return short
      const counted = lines.map((l) => ({ l, n: l.text.match(fillerPattern)?.length ?? 0 }))
      const count = counted.reduce((sum, c) => sum + c.n, 0)
      const perMinute = Math.round((count / (ms / 60_000)) * 10) / 10
      const met = perMinute <= spec.maxPerMinute
      const worst = counted
        .filter((c) => c.n > 0)
        .sort((a, b) => b.n - a.n)
        .slice(0, 3)
      return outcome(
        spec,
        met ? 'met' : 'not-met',
        `${count} filler word${count === 1 ? '' : 's'}, ${perMinute} per minute of speech.`,
        met ? [] : worst.map((c) => moment(c.l.startMs, `“${c.l.text.slice(0, 80)}”`)),
        'Replace “um” and “like” with a short silent pause; it reads as thinking, not hesitation.',
      )
    }
    case 'monologue': {
      if (!speechDetected(r.talk)) return outcome(spec, 'no-data', NO_TALK, [], '')
      const longest = longestMonologue(r.talk, candidates)
      if (!longest)
        return outcome(spec, 'no-data', 'The candidate did not speak in the call.', [], '')
      const met = longest.ms <= spec.maxMs
      return outcome(
        spec,
        met ? 'met' : 'not-met',
        `The candidate's longest stretch of talking was ${clock(longest.ms)}.`,
        [moment(longest.startMs, `Longest stretch, ${clock(longest.ms)}`)],
        'Check in with the interviewer every couple of minutes (“Does that make sense before I go on?”).',
      )
    }
  }
}
