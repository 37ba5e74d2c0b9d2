import type { CheckSpec } from '@mockroom/session-model'
import { checkSections } from './question-schema'
import { templates } from './templates'

/**
 * The automated checks of a question type's template; none for a type the bank does not know.
 * With the session's section keys (a coach's question has its own), only the checks that read
 * sections it has.
 */
export function checksFor(type: string | undefined, sectionKeys?: readonly string[]): CheckSpec[] {
  const all =
    type !== undefined && Object.hasOwn(templates, type)
      ? templates[type as keyof typeof templates].checks
      : []
  if (!sectionKeys) return all
  const keys = new Set(sectionKeys)
  return all.filter((c) => checkSections(c).every((k) => keys.has(k)))
}
