import type { Metadata, Viewport } from 'next'
import Link from 'next/link'
import { connection } from 'next/server'
import type { ReactNode } from 'react'
// Every stylesheet, once, in this order: the cascade is the same on every page whatever it shows.
// Each feature keeps its rules beside its components; a later file may override an earlier one.
import './globals.css'
import './layout.css'
import '@/ui/ui.css'
import '@/features/bank/bank.css'
import '@/features/lobby/lobby.css'
import '@/features/room/room.css'
import '@/features/room/editor/editor.css'
import '@/features/room/answer/answer.css'
import '@/features/room/answer/clarify.css'
import '@/features/room/question/question.css'
import '@/features/room/time/time.css'
import '@/features/room/notes/notes.css'
import '@/features/room/feedback/feedback.css'
import '@/features/room/call/call.css'
import '@/features/room/recording/recording.css'
import '@/features/room/transcript/transcript.css'
import '@/features/sessions/sessions.css'
import '@/features/review/review.css'
import '@/features/checks/checks.css'

export const metadata: Metadata = {
  title: { default: 'Mockroom', template: '%s — Mockroom' },
  description:
    'Practise product-manager interviews together: pick a question, share a link, write the answer side by side.',
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 }

export default async function RootLayout({ children }: { children: ReactNode }) {
  // every page renders per request, so Next can put this response's CSP nonce on its scripts
  await connection()
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <nav className="site-nav" aria-label="Main">
            <Link href="/" className="site-nav__brand">
              Mockroom
            </Link>
            <Link href="/#question-bank">Question bank</Link>
            <Link href="/sessions">Sessions</Link>
          </nav>
        </header>
        <main id="main" className="page">
          {children}
        </main>
      </body>
    </html>
  )
}
