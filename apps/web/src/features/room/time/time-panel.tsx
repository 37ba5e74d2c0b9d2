import type { SessionState } from '@mockroom/session-model'
import type * as Y from 'yjs'
import type { Role } from '@mockroom/access'
import { BreakControl } from './break-control'
import type { SendControl } from '../session/use-control-action'
import { Agenda } from './agenda'
import { SectionClock } from './section-clock'
import { TimeControls } from './time-controls'

interface Props {
  state: SessionState
  /** the answer document, to tell a section written without time from a skipped one */
  answer: Y.Doc | null
  clockOffset: number
  /** interviewer only */
  control: { sendControl: SendControl; token: string } | null
  /** everyone who may take or end a thinking break */
  breaks: { role: Role; sendControl: SendControl }
}

const statusText = {
  lobby: 'Not started yet',
  live: 'In progress',
  ended: 'Ended',
} as const

// Everyone's view of the time boxes; the interviewer also gets the buttons that move them.
export function TimePanel({ state, answer, clockOffset, control, breaks }: Props) {
  const current = state.sections.find((s) => s.key === state.currentSection)
  if (!state.question && !control) return null
  return (
    <section className="panel time" aria-labelledby="time-title">
      <h2 id="time-title">Time</h2>
      {state.status !== 'live' && <p className="time__status">{statusText[state.status]}</p>}
      {state.status === 'live' && state.timer && current && (
        <SectionClock
          timer={state.timer}
          breaks={state.breaks}
          section={current}
          clockOffset={clockOffset}
        />
      )}
      <BreakControl state={state} clockOffset={clockOffset} {...breaks} />
      {control && <TimeControls state={state} {...control} />}
      {state.sections.length > 0 &&
        (state.status === 'live' ? (
          // folded while the interview runs, so the timer, notes and people stay in view
          <details className="time__plan">
            <summary>Plan: {state.sections.length} sections</summary>
            <Agenda state={state} answer={answer} />
          </details>
        ) : (
          <Agenda state={state} answer={answer} />
        ))}
    </section>
  )
}
