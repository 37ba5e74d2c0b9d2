import * as Y from 'yjs'
import { sectionFragment } from './answer-doc'

export interface TextRun {
  text: string
  /** Yjs client id that wrote this text; map it to a person with Replay.authors */
  client: number
}

export interface BlockRuns {
  /** paragraph, heading, listItem, … (the innermost block holding the text) */
  type: string
  runs: TextRun[]
}

/** The live (not deleted) string items of one text, neighbours by the same client merged. */
export function runsOf(text: Y.Text): TextRun[] {
  const runs: TextRun[] = []
  let item = (text as unknown as { _start: Y.Item | null })._start
  while (item) {
    if (!item.deleted && item.content instanceof Y.ContentString) {
      const last = runs.at(-1)
      const client = item.id.client
      if (last?.client === client) last.text += item.content.str
      else runs.push({ text: item.content.str, client })
    }
    item = item.right
  }
  return runs
}

// Depth-first without recursion: stored documents may nest deeper than the stack allows.
function blocks(node: Y.XmlElement | Y.XmlFragment, out: BlockRuns[]) {
  const stack = node.toArray().reverse()
  for (let child = stack.pop(); child !== undefined; child = stack.pop()) {
    if (!(child instanceof Y.XmlElement)) continue
    const texts = child.toArray().filter((c): c is Y.XmlText => c instanceof Y.XmlText)
    if (texts.length > 0 || child.length === 0)
      out.push({ type: child.nodeName, runs: texts.flatMap(runsOf) })
    else stack.push(...child.toArray().reverse())
  }
}

/** A section as blocks of text runs, each run tagged with the Yjs client that wrote it. */
export function sectionRuns(doc: Y.Doc, sectionKey: string): BlockRuns[] {
  const out: BlockRuns[] = []
  blocks(sectionFragment(doc, sectionKey), out)
  return out
}
