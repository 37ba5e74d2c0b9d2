'use client'

import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { Placeholder } from '@tiptap/extensions'
import { useEditor, type Editor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { useEffect, useMemo, useRef } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { SECTION_MAX_CHARS, SizeLimit } from './size-limit'
import type { AwarenessUser } from '../session/use-room-session'

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
  /** a local edit past SECTION_MAX_CHARS was refused (the content is unchanged) */
  onTooLong?: (wouldBe: number) => void
}

/** A Tiptap editor bound to one Y.XmlFragment, with an accessible name. */
export function useCollaborativeEditor(options: CollaborativeEditorOptions): Editor | null {
  const { fragment, label, placeholder, editable, carets, describedBy, className } = options
  const provider = carets?.provider
  const user = carets?.user
  // refs, so a new callback or user object each render does not rebuild the editor
  const tooLong = useRef(options.onTooLong)
  tooLong.current = options.onTooLong
  const latestUser = useRef(user)
  latestUser.current = user
  const hasCarets = provider !== undefined && user !== undefined
  const extensions = useMemo(
    () => [
      // Yjs keeps the undo history per person; the built-in one would undo other people's typing
      StarterKit.configure({ undoRedo: false }),
      Collaboration.configure({ fragment }),
      ...(provider && hasCarets
        ? [CollaborationCaret.configure({ provider, user: latestUser.current })]
        : []),
      Placeholder.configure({ placeholder }),
      SizeLimit.configure({
        maxChars: SECTION_MAX_CHARS,
        onRefused: (wouldBe) => tooLong.current?.(wouldBe),
      }),
    ],
    [fragment, provider, hasCarets, placeholder],
  )
  const attributes = useMemo(
    () => ({
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-label': label,
      ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      'aria-readonly': editable ? 'false' : 'true',
      class: `answer-editor__content${className ? ` ${className}` : ''}`,
    }),
    [label, describedBy, editable, className],
  )
  const editor = useEditor(
    { immediatelyRender: false, editable, extensions, editorProps: { attributes } },
    // Only a new document or provider needs a new editor. Rebuilding it for anything else (the role
    // turning editable once the control document syncs, a new caret colour) dropped the focus, and
    // with it what the person was typing right after a reload (review.spec.ts).
    [extensions],
  )
  useEffect(() => {
    if (!editor || editor.isDestroyed) return
    editor.setOptions({ editorProps: { attributes } })
    if (editor.isEditable !== editable) editor.setEditable(editable, false)
  }, [editor, attributes, editable])
  useEffect(() => {
    if (editor && !editor.isDestroyed && hasCarets && user) editor.commands.updateUser(user)
  }, [editor, hasCarets, user])
  return editor
}
