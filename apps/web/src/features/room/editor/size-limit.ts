import { Extension } from '@tiptap/react'
import { Plugin, PluginKey } from '@tiptap/pm/state'

/** The most characters one answer section (or the notes) holds. */
export const SECTION_MAX_CHARS = 20_000

export interface SizeLimitOptions {
  maxChars: number
  /** told how many characters the refused change would have made */
  onRefused: (wouldBe: number) => void
}

// y-prosemirror marks the transactions that apply other people's edits with this plugin's meta;
// those are never refused (refusing them would split this browser's document from everyone's).
const ySyncKey = 'y-sync$'

/**
 * Refuses a local edit (typing, paste, drop) that would take the editor past `maxChars`, whole:
 * nothing already typed is changed, and the caller says why. Edits that shrink it always pass.
 */
export const SizeLimit = Extension.create<SizeLimitOptions>({
  name: 'sizeLimit',
  addOptions() {
    return { maxChars: SECTION_MAX_CHARS, onRefused: () => undefined }
  },
  addProseMirrorPlugins() {
    const { maxChars, onRefused } = this.options
    return [
      new Plugin({
        key: new PluginKey('sizeLimit'),
        filterTransaction(tr, state) {
          if (!tr.docChanged || tr.getMeta(ySyncKey) !== undefined) return true
          const after = tr.doc.textContent.length
          if (after <= maxChars || after <= state.doc.textContent.length) return true
          onRefused(after)
          return false
        },
      }),
    ]
  },
})
