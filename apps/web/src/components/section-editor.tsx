'use client'

import { sectionFragmentName } from '@mockroom/answer-doc'
import type { SectionPlan } from '@mockroom/answer-doc'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { Placeholder } from '@tiptap/extensions'
import { EditorContent, useEditor, useEditorState } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { useId, useMemo, type ReactNode } from 'react'
import type { AwarenessUser, RoomConnection } from '../client/use-room-session'

interface Props {
  section: SectionPlan
  connection: RoomConnection
  user: AwarenessUser
  editable: boolean
  /** the section the timer is running for */
  current: boolean
  /** shown under the editor (practice-mode feedback) */
  children?: ReactNode
}

// One rich-text editor bound to this section's XmlFragment of the shared answer document.
export function SectionEditor({ section, connection, user, editable, current, children }: Props) {
  const id = useId()
  const { doc, provider } = connection
  const { key, title, prompt, minutes } = section

  const extensions = useMemo(
    () => [
      // Yjs keeps the undo history per person; the built-in one would undo other people's typing
      StarterKit.configure({ undoRedo: false }),
      Collaboration.configure({ fragment: doc.getXmlFragment(sectionFragmentName(key)) }),
      CollaborationCaret.configure({ provider, user }),
      Placeholder.configure({ placeholder: prompt }),
    ],
    [doc, provider, user, key, prompt],
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
          'aria-label': title,
          'aria-describedby': `${id}-prompt`,
          'aria-readonly': editable ? 'false' : 'true',
          class: 'answer-editor__content',
        },
      },
    },
    // a new doc/provider (or role) needs a new editor; everything else is stable for the room
    [extensions, editable],
  )

  // The placeholder already shows the prompt in an empty editable section; print it above the
  // editor only when the placeholder is gone (content written, read-only, still loading).
  const isEmpty = useEditorState({ editor, selector: ({ editor: e }) => e?.isEmpty ?? true })
  const promptVisible = !editable || editor === null || isEmpty === false

  return (
    <section
      className={`answer-section${current ? ' answer-section--current' : ''}`}
      aria-labelledby={`${id}-title`}
      aria-current={current ? 'step' : undefined}
    >
      <div className="answer-section__head">
        <h2 id={`${id}-title`}>{title}</h2>
        {current && <span className="badge badge--now">Now</span>}
        <span className="minutes">{minutes} min</span>
      </div>
      <p id={`${id}-prompt`} className={promptVisible ? 'hint' : 'visually-hidden'}>
        {prompt}
      </p>
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
      {children}
    </section>
  )
}
