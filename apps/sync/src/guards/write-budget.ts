import { TALK_ARRAY, TRANSCRIPT_ARRAY } from '@mockroom/session-model'
import type * as Y from 'yjs'
import type { SyncLimits } from './sync-limits'

/** What a transcript line or talk span costs: its JSON as stored (its update is a few bytes more). */
export const entryBytes = (entry: object): number => JSON.stringify(entry).length

const KiB = (n: number) => `${Math.round(n / 1024)} KiB`

/**
 * What the server writes into a control document for each person (transcript lines, notes, talk
 * spans), counted from the document itself: on load, then from every entry added, whichever
 * instance added it. Each person has their own budget, and each role one for all its people (a
 * link can be joined again and again, each join a new person), so nobody's lines use up another's.
 */
export class WriteBudget {
  private readonly byPerson = new Map<string, number>()
  private readonly byRole = new Map<string, number>()

  constructor(
    doc: Y.Doc,
    private readonly limits: Pick<SyncLimits, 'serverBytesPerPerson' | 'serverBytesPerRole'>,
  ) {
    for (const name of [TRANSCRIPT_ARRAY, TALK_ARRAY]) {
      const array = doc.getArray<Record<string, unknown>>(name)
      for (const entry of array.toArray()) this.count(entry)
      array.observe((event) => {
        for (const item of event.changes.added)
          for (const entry of item.content.getContent() as Array<Record<string, unknown>>)
            this.count(entry)
      })
    }
  }

  private count(entry: Record<string, unknown> | null) {
    if (!entry || typeof entry !== 'object') return
    const bytes = entryBytes(entry)
    const person = String(entry.speakerId)
    const role = String(entry.role)
    this.byPerson.set(person, (this.byPerson.get(person) ?? 0) + bytes)
    this.byRole.set(role, (this.byRole.get(role) ?? 0) + bytes)
  }

  /** Why `bytes` more from this person do not fit, or null when they do. */
  refusal(participantId: string, role: string, bytes: number): string | null {
    const { serverBytesPerPerson: person, serverBytesPerRole: all } = this.limits
    if ((this.byPerson.get(participantId) ?? 0) + bytes > person)
      return `your transcript is full (${KiB(person)} per person); earlier lines are kept`
    if ((this.byRole.get(role) ?? 0) + bytes > all)
      return `the ${role}'s transcript is full (${KiB(all)} for the role); earlier lines are kept`
    return null
  }
}

/** One budget per loaded control document, made on its first server write. */
export function writeBudgets(limits: SyncLimits) {
  const budgets = new WeakMap<Y.Doc, WriteBudget>()
  return (doc: Y.Doc): WriteBudget => {
    let b = budgets.get(doc)
    if (!b) budgets.set(doc, (b = new WriteBudget(doc, limits)))
    return b
  }
}

export type WriteBudgets = ReturnType<typeof writeBudgets>
