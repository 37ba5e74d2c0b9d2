export interface RunAuthor {
  name: string
  color: string
}

/** One run of text, coloured and titled by its author when the review knows who wrote it. */
export function AuthoredRun({ text, author }: { text: string; author: RunAuthor | undefined }) {
  if (!author) return <span>{text}</span>
  return (
    <span
      className="run"
      style={{ color: author.color, borderBottomColor: author.color }}
      title={author.name}
    >
      {text}
    </span>
  )
}
