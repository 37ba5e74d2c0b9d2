'use client'

import type { RoomLinks } from '../../contract/room'
import { useEffect, useRef } from 'react'
import { CopyLinkField } from '../../ui/copy-link-field'

export function RoomCreatedPanel({ links }: { links: RoomLinks }) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  // The panel replaces the button that had focus; move focus here so nobody gets lost.
  useEffect(() => {
    headingRef.current?.focus()
  }, [])

  return (
    <section className="card created" aria-labelledby="room-created-title">
      <h2 id="room-created-title" ref={headingRef} tabIndex={-1}>
        Interview room created
      </h2>
      <p>
        Each link opens the same room with a different role. Anyone holding a link can join with
        that role, so share each one only with the people it is meant for.
      </p>
      <p className="created__actions">
        {/* a new tab: this page keeps the links at hand while the room runs */}
        <a
          className="button button--primary"
          href={links.interviewer}
          target="_blank"
          rel="noopener noreferrer"
        >
          Open interviewer room
          <span className="visually-hidden"> (opens a new tab)</span>
        </a>
      </p>
      <div className="created__links">
        <div className="callout">
          <p className="callout__title">Send this one to your candidate</p>
          <CopyLinkField
            label="Candidate link"
            copyLabel="Copy candidate link"
            value={links.candidate}
            description="The candidate can read the question and write in the shared answer."
          />
        </div>
        <CopyLinkField
          label="Observer link"
          copyLabel="Copy observer link"
          value={links.observer}
          description="For people who watch and listen: they see the answer live but cannot edit it."
        />
        <CopyLinkField
          label="Interviewer link"
          copyLabel="Copy interviewer link"
          value={links.interviewer}
          description="Your own link. Keep it to yourself: it opens the interviewer’s view."
        />
      </div>
    </section>
  )
}
