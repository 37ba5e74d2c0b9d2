import { canSpeak, isRole } from '@mockroom/access'
import {
  NO_SPEECH,
  speechDetected,
  summarizeTalk,
  type SessionRecord,
  type TalkShare,
} from '@mockroom/session-model'
import { formatDuration } from '../../lib/format-timer'

const percent = (share: number) => `${Math.round(share * 100)}%`

function Shares({ people, scope }: { people: TalkShare[]; scope: string }) {
  return (
    <ul className="talk__people">
      {people.map((p) => (
        <li key={p.speakerId}>
          {p.name} ({p.role}) {percent(p.share)} of {scope}
          <span className="hint"> · {formatDuration(p.ms)}</span>
        </li>
      ))}
    </ul>
  )
}

// Who spoke how much, from the call's active-speaker signal: overall and per section.
export function TalkTime({
  record,
}: {
  record: Pick<SessionRecord, 'talk' | 'sections' | 'participants'>
}) {
  // interviewer and candidate are listed even when silent; observers cannot speak
  const speakers = record.participants
    .filter((p) => isRole(p.role) && canSpeak(p.role))
    .map((p) => ({ speakerId: p.id, name: p.name, role: p.role }))
  const summary = summarizeTalk(
    record.talk,
    record.sections.map((s) => s.key),
    speakers,
  )
  const titles = new Map(record.sections.map((s) => [s.key, s.title]))
  return (
    <section className="card talk" aria-labelledby="talk-title">
      <h2 id="talk-title">Talk time</h2>
      {/* a blip of talk would read as "100% · 0:00": say there is no measure instead */}
      {!speechDetected(record.talk) ? (
        <p className="hint">{NO_SPEECH}</p>
      ) : (
        <>
          <Shares people={summary.people} scope="the talking" />
          {summary.sections.map((s) => {
            const title = titles.get(s.sectionKey) ?? s.sectionKey
            return (
              <section key={s.sectionKey} aria-label={`Talk time in ${title}`}>
                <h3>{title}</h3>
                <Shares people={s.people} scope={title} />
              </section>
            )
          })}
        </>
      )}
    </section>
  )
}
