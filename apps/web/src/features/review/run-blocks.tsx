import type { BlockRuns } from '@mockroom/session-model'

import { AuthoredRun, type RunAuthor } from './authored-run'

interface Props {
  blocks: BlockRuns[]
  /** who wrote a run (by Yjs client id); without it the text is plain (the final answer) */
  authorOf?: (client: number) => RunAuthor
  /** say nothing when there is no text (something else in the section has some) */
  quietWhenEmpty?: boolean
}

// The answer's blocks as lightly formatted read-only text: headings bold, code blocks
// preformatted, everything else a paragraph (list items arrive as their inner paragraphs).
export function RunBlocks({ blocks, authorOf, quietWhenEmpty = false }: Props) {
  const filled = blocks.filter((b) => b.runs.some((r) => r.text.trim() !== ''))
  if (filled.length === 0)
    return quietWhenEmpty ? null : <p className="hint run-blocks__empty">(empty)</p>
  return (
    <div className="run-blocks">
      {filled.map((block, i) => {
        const runs = block.runs.map((run, j) => (
          <AuthoredRun key={j} text={run.text} author={authorOf?.(run.client)} />
        ))
        if (block.type === 'heading')
          return (
            <p key={i} className="run-blocks__heading">
              <strong>{runs}</strong>
            </p>
          )
        if (block.type === 'codeBlock') return <pre key={i}>{runs}</pre>
        return <p key={i}>{runs}</p>
      })}
    </div>
  )
}
