'use client'

import { useState } from 'react'
import { describeFailure } from '../../lib/api-error'
import type { InviteLinks } from '../../contract/room'
import { replaceLinks } from './waiting-room-api'
import { ConfirmButton } from '../../ui/confirm-button'
import { CopyLinkField } from '../../ui/copy-link-field'

interface Props {
  links: InviteLinks
  roomId: string
  /** the interviewer's session token: "New links" is theirs alone */
  token: string
}

// Interviewer only: the links are capabilities, so nobody else ever receives them.
// After a swap the candidate's link is withheld: it was round 1's interviewer link.
export function InvitePanel({ links: initial, roomId, token }: Props) {
  const [links, setLinks] = useState(initial)
  const [busy, setBusy] = useState(false)
  const [note, setNote] = useState<{ error: boolean; text: string } | null>(null)
  const renew = async () => {
    setBusy(true)
    setNote(null)
    try {
      setLinks(await replaceLinks(roomId, token))
      setNote({ error: false, text: 'New links made: the old ones no longer let anyone in.' })
    } catch (err) {
      setNote({ error: true, text: describeFailure(err, 'Could not make new links.') })
    }
    setBusy(false)
  }
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
      <ConfirmButton
        label="New links"
        question="Make new links? The old ones stop working; people in the room stay in."
        confirmLabel="Yes, make new links"
        onConfirm={() => void renew()}
        disabled={busy}
        className="button button--small"
      />
      {note && (
        <p role={note.error ? 'alert' : 'status'} className={note.error ? 'alert' : 'note'}>
          {note.text}
        </p>
      )}
    </section>
  )
}
