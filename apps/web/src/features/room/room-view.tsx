'use client'

import { canRequest, canSpeak, canWrite } from '@mockroom/access'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { createVoiceStore } from './call/voice-store'
import type { JoinResult } from './session/join-api'
import type { TokenResponse } from '../../contract/join'
import { participantColor } from './participant-color'
import { useNextRound } from './session/use-next-round'
import { useParticipants } from './use-participants'
import { useRoomSession, type AwarenessUser } from './session/use-room-session'
import { useWaitingRoom } from './use-waiting-room'
import { WaitingNotice, WaitingSoundToggle } from './people/waiting-notice'
import { useWaitingSound } from './people/waiting-sound'
import { AnswerSections } from './answer/answer-sections'
import { ConnectionStatus } from './connection-status'
import { EndedPanel } from './feedback/ended-panel'
import { RoomChecks } from '../checks/room-checks'
import { InvitePanel } from './invite-panel'
import { NotesSidePanel } from './notes/notes-side-panel'
import { PresenceList } from './presence-list'
import { PrivatePanel } from './notes/private-panel'
import { QuestionStage } from './question/question-stage'
import { RoomCall } from './call/room-call'
import { RoomHeader } from './room-header'
import { RoomStatusBar } from './room-status-bar'
import { TimePanel } from './time/time-panel'
import { WaitingList } from './waiting-list'
import { LazyRoomTranscript } from './transcript/lazy-room-transcript'
import { RecordingPanel } from './recording/recording-panel'
import { useRoomRecording } from './recording/use-room-recording'

interface Props {
  /** one session (round) of the room; the join flow remounts the view for the next one */
  session: JoinResult
  /** this round's record, opened with the same link */
  reviewHref: string
  /** a fresh token for the same participant (the current round's session) */
  rejoin: () => Promise<JoinResult>
  refresh: () => Promise<TokenResponse>
  enterSession: (session: JoinResult) => void
  onRemoved: () => void
}

// Default export so the join flow can load it with next/dynamic after the lobby has painted.
export default function RoomView({
  session,
  reviewHref,
  rejoin,
  refresh,
  enterSession,
  onRemoved,
}: Props) {
  const { role, name, participantId, roomId, sessionId, links, clockOffset } = session
  // the caret colour: from the id until the participant list assigns this person's own colour
  const [color, setColor] = useState(() => participantColor(participantId))
  const user = useMemo<AwarenessUser>(
    () => ({ name, color, role, participantId }),
    [name, color, participantId, role],
  )
  const self = useMemo(() => ({ id: participantId, name, role }), [participantId, name, role])
  const renewCredentials = useCallback(async () => {
    const fresh = await refresh()
    if (fresh.sessionId === sessionId) return { token: fresh.token, expiresAt: fresh.expiresAt }
    // a token for another session means a new round began while we were not looking
    const next = await rejoin()
    enterSession(next)
    return { token: next.token, expiresAt: next.expiresAt }
  }, [refresh, rejoin, sessionId, enterSession])

  const room = useRoomSession({
    syncUrl: session.syncUrl,
    sessionId,
    role,
    initialCredentials: { token: session.token, expiresAt: session.expiresAt },
    user,
    renew: renewCredentials,
    onRemoved,
  })
  const { state, sendControl, phase, token } = room
  const nextRound = useNextRound(sessionId, state.nextRound, rejoin, enterSession)
  const [voices] = useState(createVoiceStore)
  const people = useParticipants({
    roomId,
    token,
    awareness: room.answer?.provider.awareness ?? null,
    self,
    selfConnected: phase === 'synced',
  })

  const ownColor = people.find((p) => p.isSelf)?.color
  useEffect(() => {
    if (ownColor) setColor(ownColor)
  }, [ownColor])

  // whoever may start the interview leads it: reveal, timer, end, people
  const leads = canRequest(role, 'start')
  const live = state.status === 'live'
  const questions = session.bank?.questions ?? (session.question ? [session.question] : [])
  const control = leads ? { sendControl, token, questions } : null
  const waitingRoom = useWaitingRoom(roomId, token, leads)
  const waitingSound = useWaitingSound()
  const removePerson = useCallback(
    async (person: { id: string }) => {
      const result = await sendControl({ type: 'remove', participantId: person.id })
      return result.ok ? null : result.error
    },
    [sendControl],
  )

  const ended = state.status === 'ended'
  const recording = useRoomRecording({
    controlDoc: room.control?.doc ?? null,
    syncUrl: session.syncUrl,
    sessionId,
    participantId,
    token,
    speaks: canSpeak(role),
    ended,
    clockOffset,
  })
  // after the end the checks and the AI review follow the scoring they inform
  const checks = state.question && (
    <RoomChecks
      state={state}
      reviewHref={reviewHref}
      ai={
        leads && room.private
          ? {
              privateDoc: room.private.doc,
              sections: state.sections,
              locked: state.feedbackFinalAt !== null || state.nextRound !== null,
            }
          : null
      }
    />
  )

  return (
    <div className={`room${leads && live ? ' room--notes' : ''}`}>
      {/* a child of the whole room, so on a phone it stays pinned over the side panels too */}
      <RoomStatusBar
        state={state}
        clockOffset={clockOffset}
        role={role}
        sendControl={sendControl}
      />
      <div className="room__main">
        <RoomHeader state={state} role={role} />
        {room.problem && (
          <p role="alert" className="alert">
            {room.problem}
          </p>
        )}
        {nextRound.opening !== null && (
          <p role="status" className="note">
            Opening round {nextRound.opening}: the roles swap…
          </p>
        )}
        {nextRound.error && (
          <p role="alert" className="alert">
            {nextRound.error}
          </p>
        )}
        {/* after the end: the outcome and the interviewer's scoring come first */}
        {ended && (
          <EndedPanel
            state={state}
            role={role}
            control={control}
            reviewHref={reviewHref}
            people={people}
            scoring={
              leads && room.private
                ? { connection: room.private, answer: room.answer?.doc ?? null }
                : null
            }
          />
        )}
        {ended && checks}
        <QuestionStage
          state={state}
          interviewer={
            leads && session.question
              ? {
                  questions,
                  initial: session.question,
                  privateDoc: room.private,
                  privateSynced: room.privateSynced,
                  sendControl,
                }
              : null
          }
        />
        {!ended && checks}
        {state.question && (
          <AnswerSections
            state={state}
            answer={room.answer}
            user={user}
            editable={canWrite(role, 'answer') && !ended}
            sendControl={leads ? sendControl : null}
            hints={(leads && questions.find((q) => q.id === state.question?.id)?.hints) || []}
          />
        )}
        <LazyRoomTranscript
          role={role}
          state={state}
          controlDoc={room.control?.doc ?? null}
          awareness={room.answer?.provider.awareness ?? null}
          sendControl={sendControl}
          clockOffset={clockOffset}
        />
        {leads && room.private && state.status === 'lobby' && (
          <PrivatePanel connection={room.private} state={state} />
        )}
      </div>
      {/* timer, notes and people first: the call panel (tall when audio is offline) comes after */}
      <aside className={`room__side${leads && live ? ' room__side--notes' : ''}`} aria-label="Room">
        <ConnectionStatus phase={phase} />
        <TimePanel
          state={state}
          answer={room.answer?.doc ?? null}
          clockOffset={clockOffset}
          control={control}
          breaks={{ role, sendControl }}
        />
        {leads && room.private && live && (
          <NotesSidePanel
            connection={room.private}
            state={state}
            answer={room.answer?.doc ?? null}
          />
        )}
        <PresenceList
          people={people}
          voices={voices}
          onRemove={leads ? removePerson : undefined}
          footer={leads && <WaitingSoundToggle sound={waitingSound} />}
        >
          {leads && <WaitingList room={waitingRoom} />}
        </PresenceList>
        {/* recording sits with the people it concerns, above the call it records */}
        <RecordingPanel
          view={recording.view}
          role={role}
          participantId={participantId}
          sendControl={sendControl}
          ended={ended}
          pending={recording.pending}
        />
        <RoomCall
          phase={phase}
          sessionToken={token}
          ended={ended}
          role={role}
          voices={voices}
          talk={{ sendControl, clockOffset }}
          recording={recording.local}
        />
        {leads && <WaitingNotice room={waitingRoom} sound={waitingSound} />}
        {leads && links && <InvitePanel links={links} roomId={roomId} token={token} />}
      </aside>
    </div>
  )
}
