import type { RoomLinks } from '../client/room-links'
import { CopyLinkField } from './copy-link-field'

// Interviewer only: the links are capabilities, so nobody else ever receives them.
export function InvitePanel({ links }: { links: RoomLinks }) {
  return (
    <section className="panel invite" aria-labelledby="invite-title">
      <h2 id="invite-title">Invite</h2>
      <CopyLinkField
        label="Candidate link"
        copyLabel="Copy candidate link"
        value={links.candidate}
        description="Send this one to your candidate."
      />
      <CopyLinkField
        label="Observer link"
        copyLabel="Copy observer link"
        value={links.observer}
        description="For people who watch and listen, read-only."
      />
    </section>
  )
}
