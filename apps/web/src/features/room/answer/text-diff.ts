import type * as Y from 'yjs'

/** The one edit that turns `before` into `after`: common prefix and suffix kept. */
export function textDiff(before: string, after: string) {
  let start = 0
  const max = Math.min(before.length, after.length)
  while (start < max && before[start] === after[start]) start++
  let end = 0
  while (end < max - start && before[before.length - 1 - end] === after[after.length - 1 - end])
    end++
  return {
    index: start,
    remove: before.length - start - end,
    insert: after.slice(start, after.length - end),
  }
}

/** Writes a plain-text field's new value into its Y.Text as one small edit (merges with peers). */
export function applyTextDiff(text: Y.Text, after: string, origin: unknown): void {
  const { index, remove, insert } = textDiff(text.toJSON(), after)
  if (remove === 0 && insert === '') return
  text.doc?.transact(() => {
    if (remove > 0) text.delete(index, remove)
    if (insert !== '') text.insert(index, insert)
  }, origin)
}

type Delta = Array<{ retain?: number; insert?: unknown; delete?: number }>

/** Where a caret at `pos` belongs after someone else's edit `delta` (old-text positions). */
export function shiftPosition(delta: Delta, pos: number): number {
  let oldIndex = 0
  let newIndex = 0
  for (const op of delta) {
    // an edit at or after the caret leaves it where it is
    if (oldIndex >= pos) break
    if (op.retain !== undefined) {
      if (oldIndex + op.retain >= pos) break
      oldIndex += op.retain
      newIndex += op.retain
    } else if (op.delete !== undefined) {
      // the caret was inside the removed text: it lands where the text was
      if (oldIndex + op.delete >= pos) return newIndex
      oldIndex += op.delete
    } else if (typeof op.insert === 'string') newIndex += op.insert.length
  }
  return newIndex + (pos - oldIndex)
}
