import * as Y from 'yjs'

/**
 * A stretch of time someone spoke, from LiveKit's active-speaker signal as their own browser saw
 * it. Times are server ms; the sync server stamps the speaker from the token and the section that
 * was running when the span arrived (spans are at most a few seconds long).
 */
export interface TalkSpan {
  speakerId: string
  name: string
  role: string
  startMs: number
  endMs: number
  sectionKey: string | null
}

// In the control document: only the sync server appends.
export const TALK_ARRAY = 'talk'

export function talkOf(doc: Y.Doc): Y.Array<TalkSpan> {
  return doc.getArray<TalkSpan>(TALK_ARRAY)
}

export function readTalk(doc: Y.Doc): TalkSpan[] {
  return talkOf(doc).toArray()
}

export function appendTalkSpan(doc: Y.Doc, span: TalkSpan): void {
  talkOf(doc).push([span])
}

/**
 * Less talking than this in a whole session is not speech but a blip (a beep the call's speaker
 * detector caught once, a cough): every talk measure then says there is no data.
 */
export const MIN_TALK_MS = 3_000

export const NO_SPEECH = 'No speech detected — was the microphone on?'

export function totalTalkMs(spans: readonly TalkSpan[]): number {
  return spans.reduce((sum, s) => sum + Math.max(0, s.endMs - s.startMs), 0)
}

/** whether the call heard enough speech for any talk measure to mean something */
export function speechDetected(spans: readonly TalkSpan[]): boolean {
  return totalTalkMs(spans) >= MIN_TALK_MS
}

export interface TalkShare {
  speakerId: string
  name: string
  role: string
  ms: number
  /** 0–1 of the talking in that scope (not of the wall-clock time) */
  share: number
}

export interface TalkSummary {
  totalMs: number
  people: TalkShare[]
  /** per section key that had any talking, in the order given */
  sections: Array<{ sectionKey: string; totalMs: number; people: TalkShare[] }>
}

export interface Speaker {
  speakerId: string
  name: string
  role: string
}

function shares(spans: TalkSpan[], everyone: Speaker[]): { totalMs: number; people: TalkShare[] } {
  const byPerson = new Map<string, TalkShare>()
  // everyone who spoke at all (or could have) is listed in each scope, with 0 where silent
  for (const s of everyone)
    if (!byPerson.has(s.speakerId))
      byPerson.set(s.speakerId, {
        speakerId: s.speakerId,
        name: s.name,
        role: s.role,
        ms: 0,
        share: 0,
      })
  for (const s of spans) {
    const person = byPerson.get(s.speakerId)
    if (person) person.ms += Math.max(0, s.endMs - s.startMs)
  }
  const totalMs = [...byPerson.values()].reduce((sum, p) => sum + p.ms, 0)
  const people = [...byPerson.values()]
    .map((p) => ({ ...p, share: totalMs > 0 ? p.ms / totalMs : 0 }))
    .sort((a, b) => b.ms - a.ms)
  return { totalMs, people }
}

/**
 * Talk time per person and per section; `sectionKeys` gives the order (template order), `silent`
 * people who may not have said a word but should be listed (at 0).
 */
export function summarizeTalk(
  spans: TalkSpan[],
  sectionKeys: string[],
  silent: Speaker[] = [],
): TalkSummary {
  const everyone = [...spans, ...silent]
  const overall = shares(spans, everyone)
  const sections = sectionKeys
    .map((sectionKey) => ({
      sectionKey,
      ...shares(
        spans.filter((s) => s.sectionKey === sectionKey),
        everyone,
      ),
    }))
    .filter((s) => s.totalMs > 0)
  return { ...overall, sections }
}

// spans of one speaker closer than this are one stretch of talking (LiveKit's speaker signal
// flickers between words)
const MONOLOGUE_GAP_MS = 2_000

export interface Monologue {
  speakerId: string
  name: string
  startMs: number
  ms: number
}

/**
 * The longest stretch one person talked without the other speaking in between; with `of`, the
 * longest of those people's stretches (the others' talking still ends a stretch).
 */
export function longestMonologue(spans: TalkSpan[], of?: ReadonlySet<string>): Monologue | null {
  const sorted = [...spans].sort((a, b) => a.startMs - b.startMs)
  let best: Monologue | null = null
  let run: { speakerId: string; name: string; start: number; end: number } | null = null
  const close = () => {
    if (run && (!of || of.has(run.speakerId)) && (!best || run.end - run.start > best.ms))
      best = {
        speakerId: run.speakerId,
        name: run.name,
        startMs: run.start,
        ms: run.end - run.start,
      }
  }
  for (const s of sorted) {
    if (run && run.speakerId === s.speakerId && s.startMs - run.end <= MONOLOGUE_GAP_MS) {
      run.end = Math.max(run.end, s.endMs)
      continue
    }
    close()
    run = { speakerId: s.speakerId, name: s.name, start: s.startMs, end: s.endMs }
  }
  close()
  return best
}

const percent = (share: number) => `${Math.round(share * 100)}%`
const minutes = (ms: number) => {
  const s = Math.round(ms / 1000)
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

/** "Cody (candidate) 71% of Clarify" lines for the Markdown export; none without talk. */
export function talkMarkdown(spans: TalkSpan[], sections: Array<{ key: string; title: string }>) {
  const summary = summarizeTalk(
    spans,
    sections.map((s) => s.key),
  )
  if (spans.length === 0) return []
  if (!speechDetected(spans)) return ['## Talk time', '', NO_SPEECH, '']
  const lines = ['## Talk time', '']
  for (const p of summary.people)
    lines.push(`- ${p.name} (${p.role}): ${minutes(p.ms)}, ${percent(p.share)}`)
  for (const s of summary.sections) {
    const title = sections.find((x) => x.key === s.sectionKey)?.title ?? s.sectionKey
    const who = s.people.map((p) => `${p.name} ${percent(p.share)}`).join(', ')
    lines.push(`- ${title}: ${who}`)
  }
  lines.push('')
  return lines
}
