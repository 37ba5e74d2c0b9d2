'use client'

import { sectionFragmentName } from '@mockroom/answer-doc'
import type { TemplateSection } from '@mockroom/questions'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { Placeholder } from '@tiptap/extensions'
import { EditorContent, useEditor, useEditorState } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { useId, useMemo } from 'react'
import type { RoomConnection, AwarenessUser } from '../client/use-room-connection'

interface Props {
  section: TemplateSection
  connection: RoomConnection
  user: AwarenessUser
  editable: boolean
}

// One rich-text editor bound to this section's XmlFragment of the shared answer document.
export function SectionEditor({ section, connection, user, editable }: Props) {
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
    <section className="answer-section" aria-labelledby={`${id}-title`}>
      <div className="answer-section__head">
        <h2 id={`${id}-title`}>{title}</h2>
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
    </section>
  )
}
