'use client'

import { NOTES_FRAGMENT } from '@mockroom/answer-doc'
import Collaboration from '@tiptap/extension-collaboration'
import { Placeholder } from '@tiptap/extensions'
import { EditorContent, useEditor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { useMemo } from 'react'
import type * as Y from 'yjs'

// The interviewer's private notes: rich text in the private document, which the sync server
// never sends to anyone else. No carets: the private doc carries no presence.
export function NotesEditor({ doc, editable }: { doc: Y.Doc; editable: boolean }) {
  const extensions = useMemo(
    () => [
      StarterKit.configure({ undoRedo: false }),
      Collaboration.configure({ fragment: doc.getXmlFragment(NOTES_FRAGMENT) }),
      Placeholder.configure({ placeholder: 'What you notice: strengths, gaps, follow-ups…' }),
    ],
    [doc],
  )
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable,
      extensions,
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': 'Interviewer notes',
          'aria-readonly': editable ? 'false' : 'true',
          class: 'answer-editor__content notes-editor',
        },
      },
    },
    [extensions, editable],
  )
  return (
    <div className={`answer-editor${editable ? '' : ' answer-editor--readonly'}`}>
      {editor ? (
        <EditorContent editor={editor} />
      ) : (
        <div
          className="answer-editor__content answer-editor__content--loading"
          aria-hidden="true"
        />
      )}
    </div>
  )
}
