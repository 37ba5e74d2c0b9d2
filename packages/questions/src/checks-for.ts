import type { CheckSpec } from '@mockroom/session-model'
import { templates } from './templates'

/** The automated checks of a question type's template; none for a type the bank does not know. */
export function checksFor(type: string | undefined): CheckSpec[] {
  return type !== undefined && Object.hasOwn(templates, type)
    ? templates[type as keyof typeof templates].checks
    : []
}
