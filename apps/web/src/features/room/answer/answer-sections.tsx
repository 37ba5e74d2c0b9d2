import { CLARIFY_SECTION, type SessionState } from '@mockroom/session-model'
import type { SendControl } from '../session/use-control-action'
import type { AwarenessUser, RoomConnection } from '../session/use-room-session'
import { ClarifyRowList } from './clarify-row-list'
import { SectionEditor } from './section-editor'
import { SectionFeedback } from './section-feedback'

interface Props {
  state: SessionState
  answer: RoomConnection | null
  user: AwarenessUser
  editable: boolean
  /** interviewer only */
  sendControl: SendControl | null
  /** interviewer only: the revealed question's hints, to answer a clarifying row from one */
  hints: string[]
}

// One editor per section of the revealed question, in the control document's order.
export function AnswerSections({ state, answer, user, editable, sendControl, hints }: Props) {
  if (!answer) return <p className="hint">Opening the answer document…</p>
  const currentIndex = state.sections.findIndex((s) => s.key === state.currentSection)
  const practiceLive = state.mode === 'practice' && state.status === 'live'
  return (
    <div className="answer">
      {state.sections.map((section, index) => (
        <SectionEditor
          key={section.key}
          section={section}
          connection={answer}
          user={user}
          editable={editable}
          current={state.status === 'live' && index === currentIndex}
          placeholder={
            section.key === CLARIFY_SECTION
              ? 'Anything beyond the clarifying questions above (optional)'
              : undefined
          }
          before={
            section.key === CLARIFY_SECTION && (
              <ClarifyRowList
                doc={answer.doc}
                editable={editable}
                interviewer={sendControl ? { hints, sendControl } : null}
              />
            )
          }
        >
          <SectionFeedback
            sectionKey={section.key}
            title={section.title}
            text={state.feedback[section.key]}
            sendControl={practiceLive && index <= currentIndex ? sendControl : null}
          />
        </SectionEditor>
      ))}
    </div>
  )
}
