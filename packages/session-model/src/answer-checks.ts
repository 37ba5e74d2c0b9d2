import type { CheckEvidence, CheckResult, CheckSpec } from './check-spec'
import { planClock as clock } from './plan-vs-actual'
import { sectionOutcomes } from './section-outcome'
import type { SessionRecord } from './session-record'

// Word lists are English and deliberately plain: a check names what it looked for in the guide
// (docs/guide.md, "Automated checks") so a person can see why it said met or not met.
const CHOICE =
  /\b(focus(ing)? on|choos(e|ing)|chose|chosen|pick(ed|ing)?|prioriti[sz](e|ed|ing)|target(ing)?|go(ing)? with|start(ing)? with|recommend(ed|ing)?|primary|most likely|root cause is|the cause is)\b/i
const REASON =
  /\b(because|since|as (they|it|this|these|that)|due to|so (that|they|it|this)|given( that)?|which means|the reason|driven by|evidence|shows?|suggests?)\b/i
const TRADE_OFF =
  /\b(trade-?offs?|versus|vs\.?|compared (to|with)|on the other hand|whereas|at the cost of|pros?|cons?|effort|cost|risks?|downside|instead of|but)\b/i
const METRIC =
  /(%|\b(rate|ratio|percent(age)?|per|count|number of|share|time|minutes|hours|revenue|retention|conversion|DAU|WAU|MAU|NPS|GMV|average|median)\b)/i
const WINDOW =
  /\b(daily|weekly|monthly|quarterly|per (day|week|month|quarter|session|visit)|over (a|the|\d+) (days?|weeks?|months?)|within \d+ (hours?|days?|weeks?|minutes?)|\d+[- ]?(day|week|month)s?|[0-9]+d|D1|D7|D30|week[- ]over[- ]week|month[- ]over[- ]month|WoW|MoM)\b/i
const GUARDRAIL =
  /\b(guardrails?|counter[- ]?metrics?|must not|mustn't|should not|shouldn't|without (hurting|harming|increasing|reducing|lowering)|watch (for|out|that)|keep an eye|not (get )?worse|health metrics?|do(es)? no harm)\b/i

/** The section's Markdown as plain sentences: list markers, headings and table rows dropped. */
function sentences(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter((line) => !line.trim().startsWith('|'))
    .map((line) => line.replace(/^\s*(#+|[-*+]|\d+[.)])\s+/, '').trim())
    .filter((line) => line !== '')
    .flatMap((line) => line.split(/(?<=[.!?])\s+/))
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

/** List items of the section, or its lines when it has no list. */
function items(markdown: string): string[] {
  const lines = markdown.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('|'))
  const listed = lines.filter((l) => /^\s*([-*+]|\d+[.)])\s+\S/.test(l))
  return (listed.length > 0 ? listed : lines).map((l) =>
    l.replace(/^\s*(#+|[-*+]|\d+[.)])\s+/, '').trim(),
  )
}

const text = (r: SessionRecord, key: string) => r.answer[key] ?? ''
const titleOf = (r: SessionRecord, key: string) =>
  r.sections.find((s) => s.key === key)?.title ?? key
const quote = (s: string, sectionKey: string): CheckEvidence => ({
  kind: 'quote',
  text: s.length > 200 ? `${s.slice(0, 199)}…` : s,
  sectionKey,
})

/** The moment the section's clock started, as a replay link (none when it never ran). */
export function sectionMoment(r: SessionRecord, key: string): CheckEvidence[] {
  const start = r.sectionStarts?.find((s) => s.sectionKey === key)
  if (!start) return []
  return [{ kind: 'moment', at: start.at, label: `${titleOf(r, key)} section`, sectionKey: key }]
}

type AnswerSpec = Exclude<
  CheckSpec,
  { kind: 'talk-share' | 'speaking-pace' | 'fillers' | 'monologue' }
>

function missingSection(r: SessionRecord, spec: AnswerSpec, title: string): CheckResult | null {
  if (spec.kind === 'time-boxes' || r.sections.some((s) => s.key === spec.section)) return null
  return {
    id: `${spec.kind}:${spec.section}`,
    aspect: 'answer',
    title,
    status: 'no-data',
    detail: `This question has no ${spec.section} section.`,
    evidence: [],
    next: null,
  }
}

function result(
  spec: AnswerSpec,
  title: string,
  met: boolean,
  detail: string,
  evidence: CheckEvidence[],
  next: string,
): CheckResult {
  const id = spec.kind === 'time-boxes' ? spec.kind : `${spec.kind}:${spec.section}`
  return {
    id,
    aspect: 'answer',
    title,
    status: met ? 'met' : 'not-met',
    detail,
    evidence,
    next: met ? null : next,
  }
}

function clarifying(r: SessionRecord, spec: Extract<CheckSpec, { kind: 'clarifying-questions' }>) {
  const title = `At least ${spec.min} clarifying questions, each with its impact`
  const rows = r.clarifyRows.filter((row) => row.question.trim() !== '')
  const noImpact = rows.filter((row) => row.impact.trim() === '')
  const detail =
    rows.length === 0
      ? 'No clarifying questions in the Clarify rows.'
      : `${rows.length} question${rows.length === 1 ? '' : 's'}` +
        (noImpact.length > 0 ? `; ${noImpact.length} without an impact on the approach.` : '.')
  const next =
    rows.length < spec.min
      ? `Ask at least ${spec.min} clarifying questions (goal, users, constraints) before choosing a direction.`
      : 'For every question, write down how its answer changes your approach (the Impact column).'
  const evidence = [
    ...noImpact.slice(0, 3).map((row) => quote(row.question, spec.section)),
    ...sectionMoment(r, spec.section),
  ]
  return result(
    spec,
    title,
    rows.length >= spec.min && noImpact.length === 0,
    detail,
    evidence,
    next,
  )
}

function choice(r: SessionRecord, spec: Extract<CheckSpec, { kind: 'choice-with-reason' }>) {
  const title = `One ${spec.noun} chosen, with a reason`
  const all = sentences(text(r, spec.section))
  const picks = all.flatMap((s, i) => (CHOICE.test(s) ? [i] : []))
  // the reason may follow in the next sentence ("We focus on commuters. They ride daily.")
  const reasoned = picks.find(
    (i) => REASON.test(all[i] ?? '') || (i + 1 < all.length && REASON.test(all[i + 1] ?? '')),
  )
  const where = titleOf(r, spec.section)
  if (reasoned !== undefined) {
    const said = [all[reasoned], REASON.test(all[reasoned] ?? '') ? '' : all[reasoned + 1]]
    return result(
      spec,
      title,
      true,
      `${where} names a choice and a reason.`,
      [quote(said.filter(Boolean).join(' '), spec.section), ...sectionMoment(r, spec.section)],
      '',
    )
  }
  const first = picks[0]
  return result(
    spec,
    title,
    false,
    first === undefined
      ? `${where} does not say which ${spec.noun} you chose.`
      : `${where} names a choice but not why.`,
    [
      ...(first === undefined ? [] : [quote(all[first] ?? '', spec.section)]),
      ...sectionMoment(r, spec.section),
    ],
    `Say which ${spec.noun} you focus on and why ("… because …"), in one sentence.`,
  )
}

function listed(r: SessionRecord, spec: Extract<CheckSpec, { kind: 'listed' }>) {
  const found = items(text(r, spec.section))
  const where = titleOf(r, spec.section)
  return result(
    spec,
    `At least ${spec.min} ${spec.noun}`,
    found.length >= spec.min,
    `${where} lists ${found.length} ${spec.noun}.`,
    [
      ...found.slice(0, spec.min).map((s) => quote(s, spec.section)),
      ...sectionMoment(r, spec.section),
    ],
    `List at least ${spec.min} ${spec.noun} in ${where}, one per line.`,
  )
}

function compared(r: SessionRecord, spec: Extract<CheckSpec, { kind: 'options-compared' }>) {
  const found = items(text(r, spec.section))
  const tradeOff = spec.compareIn
    .flatMap((key) => sentences(text(r, key)).map((s) => ({ key, s })))
    .find(({ s }) => TRADE_OFF.test(s))
  const where = titleOf(r, spec.section)
  const enough = found.length >= spec.min
  const detail = !enough
    ? `${where} lists ${found.length} ${spec.noun}; at least ${spec.min} are needed to compare.`
    : tradeOff
      ? `${found.length} ${spec.noun}, compared on a trade-off.`
      : `${found.length} ${spec.noun}, but no trade-off between them is written down.`
  return result(
    spec,
    `At least ${spec.min} ${spec.noun} compared on a trade-off`,
    enough && tradeOff !== undefined,
    detail,
    [...(tradeOff ? [quote(tradeOff.s, tradeOff.key)] : []), ...sectionMoment(r, spec.section)],
    enough
      ? `Compare your ${spec.noun} on one trade-off (impact vs effort, reach vs risk) before choosing.`
      : `Put at least ${spec.min} distinct ${spec.noun} side by side before choosing one.`,
  )
}

function metric(r: SessionRecord, spec: Extract<CheckSpec, { kind: 'metric-defined' }>) {
  const all = sentences(text(r, spec.section))
  const defined = all.find((s) => METRIC.test(s) && WINDOW.test(s))
  const named = all.find((s) => METRIC.test(s))
  const where = titleOf(r, spec.section)
  return result(
    spec,
    'A metric defined with its unit and time window',
    defined !== undefined,
    defined
      ? `${where} defines a metric with a time window.`
      : named
        ? `${where} names a metric but not over which time window it is counted.`
        : `${where} names no metric.`,
    [
      ...(defined || named ? [quote((defined ?? named) as string, spec.section)] : []),
      ...sectionMoment(r, spec.section),
    ],
    'State the primary metric as what is counted, per what, over which window (e.g. "share of weekly active users who …, per week").',
  )
}

function guardrail(r: SessionRecord, spec: Extract<CheckSpec, { kind: 'guardrail' }>) {
  const all = sentences(text(r, spec.section))
  const found = spec.dedicated ? all[0] : all.find((s) => GUARDRAIL.test(s))
  const where = titleOf(r, spec.section)
  return result(
    spec,
    'At least one guardrail metric',
    found !== undefined,
    found ? `${where} names a guardrail.` : `${where} names no guardrail metric.`,
    [...(found ? [quote(found, spec.section)] : []), ...sectionMoment(r, spec.section)],
    'Name one metric that must not get worse while the primary one rises, and say it is the guardrail.',
  )
}

function timeBoxes(r: SessionRecord, spec: Extract<CheckSpec, { kind: 'time-boxes' }>) {
  const keys = r.sections.map((s) => s.key)
  const outcomes = sectionOutcomes(
    keys,
    Object.fromEntries(r.sections.map((s) => [s.key, s.spentMs])),
    (k) => (r.answer[k] ?? '').trim() !== '' || (k === 'clarify' && r.clarifyRows.length > 0),
  )
  const ended = r.session.status === 'ended'
  const notReached = ended ? r.sections.filter((_, i) => outcomes[i]?.kind === 'not-reached') : []
  const over = r.sections.filter((s) => s.spentMs > s.minutes * 60_000 + spec.graceMs)
  const evidence: CheckEvidence[] = over.flatMap((s) =>
    sectionMoment(r, s.key).map((m) => ({
      ...m,
      label: `${s.title}: ${clock(s.spentMs)} of ${clock(s.minutes * 60_000)}`,
    })),
  )
  const parts = [
    over.length > 0 ? `over its time box: ${over.map((s) => s.title).join(', ')}` : '',
    notReached.length > 0 ? `not reached: ${notReached.map((s) => s.title).join(', ')}` : '',
  ].filter(Boolean)
  return result(
    spec,
    'Every section reached within its time box',
    parts.length === 0,
    parts.length === 0
      ? 'Every section was reached and none ran past its time box.'
      : `${parts.join('; ')}.`,
    evidence,
    'Glance at the section clock; when it runs out, summarise in one line and move on.',
  )
}

/** One structural check of the answer (pure). */
export function answerCheck(r: SessionRecord, spec: AnswerSpec): CheckResult {
  switch (spec.kind) {
    case 'clarifying-questions':
      return missingSection(r, spec, 'Clarifying questions') ?? clarifying(r, spec)
    case 'choice-with-reason':
      return missingSection(r, spec, `One ${spec.noun} chosen`) ?? choice(r, spec)
    case 'listed':
      return missingSection(r, spec, `${spec.noun}`) ?? listed(r, spec)
    case 'options-compared':
      return missingSection(r, spec, `${spec.noun} compared`) ?? compared(r, spec)
    case 'metric-defined':
      return missingSection(r, spec, 'A metric defined') ?? metric(r, spec)
    case 'guardrail':
      return missingSection(r, spec, 'A guardrail metric') ?? guardrail(r, spec)
    case 'time-boxes':
      return timeBoxes(r, spec)
  }
}
