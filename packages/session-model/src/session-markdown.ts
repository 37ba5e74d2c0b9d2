import { recommendations, scoreLabels } from './private-doc'
import type { SessionRecord } from './session-record'
import { FILLER_WORDS, sessionInsights } from './insights'
import { planVsActual } from './plan-vs-actual'
import { talkMarkdown } from './talk-time'

// a negative offset is a moment before Start (lobby talk): named, never a negative time
const clock = (ms: number) => {
  if (Math.round(ms / 1000) < 0) return 'before start'
  const s = Math.round(ms / 1000)
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

const score = (n: number | null) => (n === null ? '—' : `${n} (${scoreLabels[n] ?? ''})`)

const recommendation = (value: string | null) =>
  recommendations.find((r) => r.value === value)?.label ?? '—'

function feedbackLines(r: SessionRecord): string[] {
  const out: string[] = []
  const rubric = r.private?.rubric ?? r.sharedFeedback?.rubric
  const overall = r.private?.overall ?? r.sharedFeedback?.overall
  if (!rubric || !overall) return out
  out.push('## Feedback', '', '| Section | Score | Comment |', '|---|---|---|')
  for (const s of r.sections) {
    const e = rubric[s.key]
    if (e) out.push(`| ${s.title} | ${score(e.score)} | ${e.comment.replace(/\|/g, '\\|')} |`)
  }
  const coverage = r.private?.coverage ?? r.sharedFeedback?.coverage ?? {}
  const covered = r.sections.filter((s) => (coverage[s.key]?.length ?? 0) > 0)
  if (covered.length > 0) {
    out.push('', '**Covered:**', '')
    for (const s of covered) out.push(`- ${s.title}: ${coverage[s.key]?.join('; ')}`)
  }
  out.push('', `**Recommendation:** ${recommendation(overall.recommendation)}`)
  if (overall.comment) out.push('', overall.comment)
  const notes = r.private?.notes ?? r.sharedFeedback?.notes
  if (notes) out.push('', '### Interviewer notes', '', notes)
  out.push('')
  return out
}

const date = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')

function headerLines(r: SessionRecord): string[] {
  const { startedAt, endedAt, createdAt } = r.session
  const duration =
    startedAt === null
      ? 'not started'
      : endedAt === null
        ? 'in progress'
        : clock(endedAt - startedAt)
  const people = r.participants.map((p) => `${p.name} (${p.role}, colour ${p.color})`)
  // recorded with everyone's consent: one track per speaker segment, downloadable from the review
  const audio = (r.audio?.tracks ?? []).map(
    (t) => `${t.name} (${t.role}${t.durationMs !== null ? `, ${clock(t.durationMs)}` : ''})`,
  )
  return [
    `- **Date:** ${date(startedAt ?? createdAt)}`,
    `- **Duration:** ${duration}`,
    `- **Participants:** ${people.join(', ') || '—'}`,
    ...(audio.length > 0 ? [`- **Audio:** recorded: ${audio.join(', ')}`] : []),
    '',
  ]
}

function planLines(r: SessionRecord): string[] {
  if (r.sections.length === 0) return []
  const out = ['## Plan vs actual', '', '| Section | Planned | Actual |', '|---|---|---|']
  const plan = planVsActual(
    r.sections,
    Object.fromEntries(r.sections.map((s) => [s.key, s.spentMs])),
    (k) => (r.answer[k] ?? '').trim() !== '',
  )
  for (const row of plan.rows)
    out.push(`| ${cell(row.title)} | ${row.planned} | ${row.actual}${row.over ? ' (over)' : ''} |`)
  out.push(`| Total | ${plan.planned} | ${plan.actual} |`)
  if (r.breaks.length > 0) out.push('', breaksLine(r))
  return [...out, '']
}

/** "Thinking breaks: 2 — 0:45 in Clarify at 3:10, 1:00 in Segments at 9:02" */
export function breaksLine(r: Pick<SessionRecord, 'breaks' | 'sections' | 'session'>): string {
  const start = r.session.startedAt ?? r.session.createdAt
  const title = (key: string) => r.sections.find((s) => s.key === key)?.title ?? key
  const parts = r.breaks.map(
    (b) =>
      `${clock(b.endedAt - b.startedAt)} in ${title(b.sectionKey)} at ${clock(b.startedAt - start)}`,
  )
  return `Thinking breaks: ${r.breaks.length} — ${parts.join(', ')}`
}

function insightsLines(r: SessionRecord): string[] {
  if (r.sections.length === 0) return []
  const i = sessionInsights(r)
  const pct = (x: number) => `${Math.round(x * 100)}%`
  const out = ['## Insights', '', '| Section | Planned | Actual | Talk | Score | Covered |']
  out.push('|---|---|---|---|---|---|')
  for (const s of i.sections) {
    const talk = s.talk.reduce((sum, p) => sum + p.ms, 0)
    out.push(
      `| ${cell(s.title)} | ${clock(s.plannedMs)} | ${s.reached ? clock(s.spentMs) : 'not reached'} | ${talk > 0 ? clock(talk) : '—'} | ${s.score ?? '—'} | ${cell(s.covered.join('; ')) || '—'} |`,
    )
  }
  out.push('')
  const share = i.talkShare.map((p) => `${p.name} ${pct(p.share)}`).join(', ')
  out.push(`- **Share of talk:** ${share || 'no talk recorded from the call'}`)
  const mono = i.longestMonologue
  out.push(`- **Longest monologue:** ${mono ? `${mono.name}, ${clock(mono.ms)}` : '—'}`)
  out.push(`- **Thinking breaks:** ${i.breaks.count} (${clock(i.breaks.totalMs)})`)
  const fillers = i.fillers.map((f) => `${f.name} ${f.perMinute}/min (${f.count})`).join(', ')
  out.push(
    `- **Filler words per minute** (${FILLER_WORDS.join(', ')}): ${fillers || 'no speech in the transcript'}`,
  )
  out.push(`- **Never reached:** ${i.notReached.join(', ') || 'none'}`, '')
  return out
}

function authorshipLines(r: SessionRecord): string[] {
  const names = new Map(r.participants.map((p) => [p.id, p.name]))
  const out = ['## Who wrote what', '']
  for (const s of r.sections) {
    const shares = r.authorship[s.key] ?? []
    const total = shares.reduce((sum, a) => sum + a.chars, 0)
    const parts = shares.map(
      (a) =>
        `${names.get(a.author) ?? 'someone who left'} ${Math.round((a.chars / total) * 100)}% (${a.chars} characters)`,
    )
    out.push(`- **${s.title}:** ${parts.join(', ') || 'nothing written'}`)
  }
  return [...out, '']
}

/**
 * The session as Markdown: question, date, duration, participants with roles, plan vs actual, who
 * wrote what, the answer by section, the transcript with names and the feedback the reader may see.
 */
export function sessionMarkdown(r: SessionRecord): string {
  const start = r.session.startedAt ?? r.session.createdAt
  const lines: string[] = [`# ${r.question?.title ?? 'Mock interview'}`, '']
  if (r.question)
    lines.push(`_${r.question.company} · ${r.question.type} · round ${r.session.round}_`, '')
  lines.push(...headerLines(r))
  if (r.question) lines.push(`> ${r.question.prompt}`, '')
  lines.push(...planLines(r), ...authorshipLines(r), '## Answer', '')
  for (const s of r.sections) {
    lines.push(`### ${s.title}`, '')
    lines.push(r.answer[s.key]?.trim() || '_(empty)_', '')
    const fb = r.sectionFeedback[s.key]
    if (fb) lines.push(`> **Feedback:** ${fb}`, '')
  }
  if (r.transcript.length > 0) {
    lines.push('## Transcript', '')
    for (const t of r.transcript) {
      // live captions come from a browser's speech recognition; the server's lines from the recording
      const who =
        t.source === 'note'
          ? `${t.name} (note)`
          : `${t.name} (${t.role}${t.source === 'speech' ? ', live caption' : ''})`
      lines.push(`- **${clock(t.startMs - start)}** ${who}: ${t.text}`)
    }
    lines.push('')
  }
  lines.push(...talkMarkdown(r.talk, r.sections))
  lines.push(...insightsLines(r))
  lines.push(...feedbackLines(r))
  return `${lines.join('\n').trimEnd()}\n`
}
