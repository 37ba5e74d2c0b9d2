'use client'

import { sectionFragmentName } from '@mockroom/session-model'
import type { SectionPlan } from '@mockroom/session-model'
import { useEditorState } from '@tiptap/react'
import { useId, useState, type ReactNode } from 'react'
import { SECTION_MAX_CHARS } from '../editor/size-limit'
import { useCollaborativeEditor } from '../editor/use-collaborative-editor'
import type { AwarenessUser, RoomConnection } from '../session/use-room-session'
import { EditorFrame } from '../editor/editor-frame'

interface Props {
  section: SectionPlan
  connection: RoomConnection
  user: AwarenessUser
  editable: boolean
  /** the section the timer is running for */
  current: boolean
  /** shown above the editor (Clarify's rows) */
  before?: ReactNode
  /** the editor's own placeholder; the section's prompt then stays printed above */
  placeholder?: string
  /** shown under the editor (practice-mode feedback) */
  children?: ReactNode
}

// One rich-text editor bound to this section's XmlFragment of the shared answer document.
export function SectionEditor(props: Props) {
  const { section, connection, user, editable, current, before, placeholder, children } = props
  const id = useId()
  const { doc, provider } = connection
  const { key, title, prompt, minutes } = section
  const [refused, setRefused] = useState<number | null>(null)

  const editor = useCollaborativeEditor({
    fragment: doc.getXmlFragment(sectionFragmentName(key)),
    label: title,
    placeholder: placeholder ?? prompt,
    editable,
    carets: { provider, user },
    describedBy: `${id}-prompt`,
    onTooLong: setRefused,
  })

  // The placeholder already shows the prompt in an empty editable section; print it above the
  // editor only when the placeholder is gone (content written, read-only, still loading).
  const isEmpty = useEditorState({ editor, selector: ({ editor: e }) => e?.isEmpty ?? true })
  const promptVisible =
    placeholder !== undefined || !editable || editor === null || isEmpty === false

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
      {before}
      <EditorFrame editor={editor} editable={editable} />
      {refused !== null && (
        <p role="alert" className="alert section-limit">
          Not added: {title} holds up to {SECTION_MAX_CHARS.toLocaleString('en')} characters, and
          this would make it {refused.toLocaleString('en')}. Everything already written is kept;
          paste a shorter part.{' '}
          <button type="button" className="button button--small" onClick={() => setRefused(null)}>
            Dismiss
          </button>
        </p>
      )}
      {children}
    </section>
  )
}
