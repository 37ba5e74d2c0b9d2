'use client'

import { NOTES_FRAGMENT } from '@mockroom/session-model'
import type * as Y from 'yjs'
import { useCollaborativeEditor } from '../editor/use-collaborative-editor'
import { EditorFrame } from '../editor/editor-frame'

// The interviewer's private notes: rich text in the private document, which the sync server
// never sends to anyone else. No carets: the private doc carries no presence.
export function NotesEditor({ doc, editable }: { doc: Y.Doc; editable: boolean }) {
  const editor = useCollaborativeEditor({
    fragment: doc.getXmlFragment(NOTES_FRAGMENT),
    label: 'Interviewer notes',
    placeholder: 'What you notice: strengths, gaps, follow-ups…',
    editable,
    className: 'notes-editor',
  })
  return <EditorFrame editor={editor} editable={editable} />
}
