import type { RecordingPerson, RecordingView } from '@mockroom/session-model'

/** What the interviewer confirms by asking (kept as their receipt). */
export const askText =
  'Record the audio of everyone who speaks in this interview, once each of them allows. Each ' +
  'browser records its own microphone; observers are not recorded. The audio is kept with this ' +
  'session for its people, and each person can stop their recording at any time and delete it.'

/** What a person who speaks is shown when asked (kept with their answer as the receipt). */
export function promptText(askedBy: string): string {
  return (
    `${askedBy} asks to record the audio of this interview. Your microphone is recorded only if ` +
    'you allow it, and only while everyone who speaks allows it. The audio stays with this ' +
    'session for its people; you can stop your recording at any time and delete it from the ' +
    'review.'
  )
}

const names = (people: RecordingPerson[]) => people.map((p) => p.name).join(', ')

/** The persistent line everyone sees (role=status). */
export function statusLine(view: RecordingView): string | null {
  switch (view.status) {
    case 'recording':
      return 'Recording audio of everyone who speaks'
    case 'asking':
      return `Not recording: waiting for ${names(view.people.filter((p) => p.answer === 'pending')) || 'someone who speaks'} to answer`
    case 'refused':
      return `Not recording: ${names(view.people.filter((p) => p.answer === 'refuse'))} did not allow it`
    case 'off':
      return view.stoppedAt !== null ? 'Recording stopped' : null
  }
}
