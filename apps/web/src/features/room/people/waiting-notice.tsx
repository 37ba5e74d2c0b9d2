'use client'

import { useEffect, useRef, useState } from 'react'
import type { WaitingRoom } from '../use-waiting-room'
import { WaitingDecision, waitingRoleWords } from './waiting-decision'
import type { WaitingSound } from './waiting-sound'

/**
 * Interviewer only: who waits to be let in, in a notice fixed to the screen (in view wherever the
 * page is scrolled), in the page title, in a polite live region, and as a soft sound if allowed.
 */
export function WaitingNotice({ room, sound }: { room: WaitingRoom; sound: WaitingSound }) {
  const { waiting } = room
  const [announcement, setAnnouncement] = useState('')
  const seen = useRef(new Set<string>())

  // a new arrival is announced once, and chimes once
  useEffect(() => {
    const fresh = waiting.filter((p) => !seen.current.has(p.id))
    for (const p of fresh) seen.current.add(p.id)
    if (fresh.length === 0) return
    setAnnouncement(fresh.map((p) => `${p.name} is waiting to join.`).join(' '))
    sound.play()
  }, [waiting, sound])

  const count = waiting.length
  useEffect(() => {
    if (count === 0) return
    const base = document.title
    document.title = `(${count} waiting) ${base}`
    return () => {
      document.title = base
    }
  }, [count])

  return (
    <>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {count > 0 && (
        <section className="waiting-notice" aria-labelledby="waiting-notice-title">
          <h2 id="waiting-notice-title" className="waiting-notice__title">
            Someone is waiting
          </h2>
          <ul className="waiting-notice__list">
            {waiting.map((person) => (
              <li key={person.id} className="waiting-notice__person">
                <span className="waiting-notice__name">
                  {person.name} ({waitingRoleWords[person.role]}) is waiting to join
                </span>
                <span className="waiting-notice__buttons">
                  <WaitingDecision room={room} person={person} primary />
                </span>
              </li>
            ))}
          </ul>
          {room.error && (
            <p role="alert" className="alert">
              {room.error}
            </p>
          )}
        </section>
      )}
    </>
  )
}

/** The interviewer's choice to hear a soft sound when someone starts waiting. */
export function WaitingSoundToggle({ sound }: { sound: WaitingSound }) {
  return (
    <label className="waiting-sound">
      <input
        type="checkbox"
        checked={sound.allowed}
        onChange={(e) => sound.setAllowed(e.target.checked)}
      />{' '}
      Play a sound when someone waits
    </label>
  )
}
