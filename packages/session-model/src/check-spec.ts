/**
 * The automated checks a question type's template asks for (packages/questions' templates hold
 * them as data, so a coach's own question set can list its own). Each kind is a pure function of
 * the session record: answer-checks.ts and delivery-checks.ts.
 */
export type CheckSpec =
  /** at least `min` clarifying questions (the section's rows), each with its impact */
  | { kind: 'clarifying-questions'; section: string; min: number }
  /** the section picks one `noun` (segment, user group, option, cause) and says why */
  | { kind: 'choice-with-reason'; section: string; noun: string }
  /** at least `min` `noun` listed in the section (list items, or lines when there is no list) */
  | { kind: 'listed'; section: string; min: number; noun: string }
  /** at least `min` `noun` listed in `section`, compared on a trade-off in one of `compareIn` */
  | {
      kind: 'options-compared'
      section: string
      compareIn: readonly string[]
      min: number
      noun: string
    }
  /** a metric stated with what it counts and over which time window */
  | { kind: 'metric-defined'; section: string }
  /** a guardrail metric: any line of a section of its own (`dedicated`), or named as one */
  | { kind: 'guardrail'; section: string; dedicated: boolean }
  /** every section reached, none past its time box by more than the grace */
  | { kind: 'time-boxes'; graceMs: number }
  /** the candidate did at least `minShare` of the talking in the call */
  | { kind: 'talk-share'; minShare: number }
  /** the candidate's words per minute in the transcript */
  | { kind: 'speaking-pace'; min: number; max: number }
  /** the candidate's filler words per minute of speech */
  | { kind: 'fillers'; maxPerMinute: number }
  /** the candidate's longest stretch of talking without the other side speaking */
  | { kind: 'monologue'; maxMs: number }

export type CheckKind = CheckSpec['kind']

/** What a check points at: a moment of the replay, or words quoted from the answer or transcript. */
export type CheckEvidence =
  | { kind: 'moment'; at: number; label: string; sectionKey: string | null }
  | { kind: 'quote'; text: string; sectionKey: string | null }

export interface CheckResult {
  /** unique within one session's checks: the kind plus its section */
  id: string
  aspect: 'answer' | 'delivery'
  title: string
  /** no-data: the record holds nothing to judge by (no transcript, no talk, section missing) */
  status: 'met' | 'not-met' | 'no-data'
  /** what the check found, in one line */
  detail: string
  evidence: CheckEvidence[]
  /** one thing to try next time; null when met */
  next: string | null
}
