import { recommendations, scoreLabels } from './private-doc'
import type { SessionRecord } from './session-record'

const clock = (ms: number) => {
  const s = Math.max(0, Math.round(ms / 1000))
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
  out.push('', `**Recommendation:** ${recommendation(overall.recommendation)}`)
  if (overall.comment) out.push('', overall.comment)
  const notes = r.private?.notes ?? r.sharedFeedback?.notes
  if (notes) out.push('', '### Interviewer notes', '', notes)
  out.push('')
  return out
}

/** The session as Markdown: question, answer by section with plan vs actual, transcript, feedback. */
export function sessionMarkdown(r: SessionRecord): string {
  const start = r.session.startedAt ?? r.session.createdAt
  const lines: string[] = [`# ${r.question?.title ?? 'Mock interview'}`, '']
  if (r.question)
    lines.push(
      `_${r.question.company} · ${r.question.type} · round ${r.session.round}_`,
      '',
      `> ${r.question.prompt}`,
      '',
    )
  lines.push('## Answer', '')
  for (const s of r.sections) {
    lines.push(`### ${s.title}`, '', `_Planned ${s.minutes} min · spent ${clock(s.spentMs)}_`, '')
    lines.push(r.answer[s.key]?.trim() || '_(empty)_', '')
    const fb = r.sectionFeedback[s.key]
    if (fb) lines.push(`> **Feedback:** ${fb}`, '')
  }
  if (r.transcript.length > 0) {
    lines.push('## Transcript', '')
    for (const t of r.transcript) {
      const who = t.source === 'note' ? `${t.name} (note)` : t.name
      lines.push(`- **${clock(t.startMs - start)}** ${who}: ${t.text}`)
    }
    lines.push('')
  }
  lines.push(...feedbackLines(r))
  return `${lines.join('\n').trimEnd()}\n`
}
