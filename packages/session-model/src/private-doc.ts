import * as Y from 'yjs'
import type { RubricEntry } from './session-state'

// Layout of `<sessionId>/private` (interviewer only): notes, rubric and the chosen question.
export const NOTES_FRAGMENT = 'notes'
const RUBRIC = 'rubric'
const CHOSEN = 'chosen'
const COVERAGE = 'coverage'

export const scoreLabels: Readonly<Record<number, string>> = {
  1: 'Needs work',
  2: 'Developing',
  3: 'Solid',
  4: 'Excellent',
}

export const recommendations = [
  { value: 'strong-no', label: 'Strong no hire' },
  { value: 'no', label: 'No hire' },
  { value: 'yes', label: 'Hire' },
  { value: 'strong-yes', label: 'Strong hire' },
] as const

export interface Rubric {
  sections: Record<string, RubricEntry>
  overall: { recommendation: string | null; comment: string }
}

export function readRubric(doc: Y.Doc): Rubric {
  const map = doc.getMap<unknown>(RUBRIC)
  const sections: Record<string, RubricEntry> = {}
  for (const [key, value] of map.entries()) {
    if (key !== 'overall') sections[key] = value as RubricEntry
  }
  const overall = (map.get('overall') as Rubric['overall'] | undefined) ?? {
    recommendation: null,
    comment: '',
  }
  return { sections, overall }
}

export function setRubricEntry(doc: Y.Doc, sectionKey: string, entry: RubricEntry): void {
  doc.getMap<unknown>(RUBRIC).set(sectionKey, entry)
}

export function setOverall(doc: Y.Doc, overall: Rubric['overall']): void {
  doc.getMap<unknown>(RUBRIC).set('overall', overall)
}

export function chosenQuestionId(doc: Y.Doc): string | null {
  return (doc.getMap<unknown>(CHOSEN).get('questionId') as string | undefined) ?? null
}

export function chooseQuestion(doc: Y.Doc, questionId: string): void {
  doc.getMap<unknown>(CHOSEN).set('questionId', questionId)
}

/** Coverage ticks per section: the checklist items (their text) the interviewer heard covered. */
export function readCoverage(doc: Y.Doc): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const [key, value] of doc.getMap<unknown>(COVERAGE).entries()) {
    if (Array.isArray(value)) out[key] = value.filter((v): v is string => typeof v === 'string')
  }
  return out
}

export function setCoverageTick(doc: Y.Doc, sectionKey: string, item: string, ticked: boolean) {
  const map = doc.getMap<unknown>(COVERAGE)
  const now = new Set(readCoverage(doc)[sectionKey] ?? [])
  if (ticked) now.add(item)
  else now.delete(item)
  map.set(sectionKey, [...now])
}
