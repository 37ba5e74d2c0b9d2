'use client'

import Markdown, { defaultUrlTransform, type Components } from 'react-markdown'

// Safe links only: defaultUrlTransform drops javascript:, data: and other schemes; a link leaves
// the room in a new tab without the room as its opener.
const components: Components = {
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  ),
}

/**
 * A question's prompt as Markdown: no raw HTML (no rehype-raw, so tags show as text), no
 * images (no tracking pixels in a room), links through defaultUrlTransform. The set editor's
 * preview and the room render with this one component.
 */
export default function MarkdownPrompt({ text, className }: { text: string; className?: string }) {
  return (
    <div className={`markdown ${className ?? ''}`}>
      <Markdown
        skipHtml
        disallowedElements={['img']}
        unwrapDisallowed
        urlTransform={defaultUrlTransform}
        components={components}
      >
        {text}
      </Markdown>
    </div>
  )
}
