'use client'

import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { Placeholder } from '@tiptap/extensions'
import { useEditor, type Editor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { useMemo } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import type { AwarenessUser } from './use-room-session'

export interface CollaborativeEditorOptions {
  fragment: Y.XmlFragment
  /** the editor's accessible name */
  label: string
  placeholder: string
  editable: boolean
  /** show everyone's carets (the answer); none for a one-person document (notes) */
  carets?: { provider: WebsocketProvider; user: AwarenessUser }
  describedBy?: string
  className?: string
}

/** A Tiptap editor bound to one Y.XmlFragment, with an accessible name. */
export function useCollaborativeEditor(options: CollaborativeEditorOptions): Editor | null {
  const { fragment, label, placeholder, editable, carets, describedBy, className } = options
  const provider = carets?.provider
  const user = carets?.user
  const extensions = useMemo(
    () => [
      // Yjs keeps the undo history per person; the built-in one would undo other people's typing
      StarterKit.configure({ undoRedo: false }),
      Collaboration.configure({ fragment }),
      ...(provider && user ? [CollaborationCaret.configure({ provider, user })] : []),
      Placeholder.configure({ placeholder }),
    ],
    [fragment, provider, user, placeholder],
  )
  return useEditor(
    {
      immediatelyRender: false,
      editable,
      extensions,
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
          'aria-readonly': editable ? 'false' : 'true',
          class: `answer-editor__content${className ? ` ${className}` : ''}`,
        },
      },
    },
    // a new document, provider or role needs a new editor; everything else is stable for the room
    [extensions, editable, label, describedBy, className],
  )
}
