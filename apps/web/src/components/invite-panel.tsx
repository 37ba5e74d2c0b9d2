import type { InviteLinks } from '../contract/room'
import { CopyLinkField } from './copy-link-field'

// Interviewer only: the links are capabilities, so nobody else ever receives them.
// After a swap the candidate's link is withheld: it was round 1's interviewer link.
export function InvitePanel({ links }: { links: InviteLinks }) {
  return (
    <section className="panel invite" aria-labelledby="invite-title">
      <h2 id="invite-title">Invite</h2>
      {links.candidate ? (
        <CopyLinkField
          label="Candidate link"
          copyLabel="Copy candidate link"
          value={links.candidate}
          description="Send this one to your candidate."
        />
      ) : (
        <p>Your candidate joins with the link they already have.</p>
      )}
      {links.observer && (
        <CopyLinkField
          label="Observer link"
          copyLabel="Copy observer link"
          value={links.observer}
          description="For people who watch and listen, read-only."
        />
      )}
    </section>
  )
}
