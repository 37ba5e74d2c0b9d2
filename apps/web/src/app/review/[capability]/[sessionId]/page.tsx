import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { ReviewView } from '@/features/review/review-view'
import { findLink } from '@/server/join/describe-link'
import { serverContext } from '@/server/server-context'

interface Props {
  params: Promise<{ capability: string; sessionId: string }>
}

export const metadata: Metadata = {
  title: 'Session review',
  // The URL holds a room link, which is a secret: no search engines, no Referer headers.
  robots: { index: false, follow: false },
  referrer: 'no-referrer',
}

export default async function ReviewPage({ params }: Props) {
  const { capability, sessionId } = await params
  // an unknown link or a session of another room answers 404, like /join/<bad link>
  const [link, session] = await Promise.all([
    findLink(capability),
    serverContext().then((ctx) => ctx.store.sessions.get(sessionId)),
  ])
  if (!link || !session || session.roomId !== link.roomId) notFound()
  return <ReviewView capability={capability} sessionId={sessionId} />
}
