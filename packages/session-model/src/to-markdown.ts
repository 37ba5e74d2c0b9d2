import * as Y from 'yjs'
import { textOf } from './answer-doc'

// Editors nest a few levels; anything deeper (hand-written updates) is rendered as plain text.
const MAX_DEPTH = 32

type Attrs = Record<string, unknown>

// Marks as Tiptap's StarterKit names them in y-prosemirror's XmlText attributes.
function inline(text: Y.XmlText): string {
  const delta = text.toDelta() as Array<{ insert?: unknown; attributes?: Attrs }>
  return delta
    .map(({ insert, attributes = {} }) => {
      if (typeof insert !== 'string') return ''
      let s = insert
      if (attributes.code) s = `\`${s}\``
      if (attributes.bold) s = `**${s}**`
      if (attributes.italic) s = `_${s}_`
      if (attributes.strike) s = `~~${s}~~`
      const link = attributes.link as { href?: string } | undefined
      if (link?.href) s = `[${s}](${link.href})`
      return s
    })
    .join('')
}

function children(node: Y.XmlElement | Y.XmlFragment): Array<Y.XmlElement | Y.XmlText> {
  return node
    .toArray()
    .filter(
      (c): c is Y.XmlElement | Y.XmlText => c instanceof Y.XmlElement || c instanceof Y.XmlText,
    )
}

function inlineOf(node: Y.XmlElement, depth = 0): string {
  if (depth > MAX_DEPTH) return textOf(node)
  return children(node)
    .map((c) =>
      c instanceof Y.XmlText
        ? inline(c)
        : c.nodeName === 'hardBreak'
          ? '  \n'
          : inlineOf(c, depth + 1),
    )
    .join('')
}

function block(node: Y.XmlElement | Y.XmlText, indent: string, depth = 0): string[] {
  if (node instanceof Y.XmlText) return [indent + inline(node)]
  if (depth > MAX_DEPTH) return [indent + textOf(node)]
  const deeper = depth + 1
  switch (node.nodeName) {
    case 'paragraph':
      return [indent + inlineOf(node)]
    case 'heading': {
      const level = Number(node.getAttribute('level') ?? 3)
      return [`${indent}${'#'.repeat(Math.min(6, Math.max(1, level)) + 2)} ${inlineOf(node)}`]
    }
    case 'bulletList':
    case 'orderedList':
      return children(node).flatMap((item, i) => {
        const marker = node.nodeName === 'orderedList' ? `${i + 1}. ` : '- '
        const lines =
          item instanceof Y.XmlElement
            ? children(item).flatMap((c) => block(c, '', deeper))
            : [inline(item)]
        return lines.map((line, j) =>
          j === 0 ? `${indent}${marker}${line}` : `${indent}${' '.repeat(marker.length)}${line}`,
        )
      })
    case 'blockquote':
      return children(node).flatMap((c) => block(c, `${indent}> `, deeper))
    case 'codeBlock':
      return [
        `${indent}\`\`\``,
        ...inlineOf(node)
          .split('\n')
          .map((l) => indent + l),
        `${indent}\`\`\``,
      ]
    case 'horizontalRule':
      return [`${indent}---`]
    default:
      return children(node).flatMap((c) => block(c, indent, deeper))
  }
}

/** Markdown of one section's rich text (the shape Tiptap's StarterKit writes). */
export function fragmentToMarkdown(fragment: Y.XmlFragment): string {
  return children(fragment)
    .map((b) => block(b, '').join('\n'))
    .filter((text) => text.trim() !== '')
    .join('\n\n')
}
