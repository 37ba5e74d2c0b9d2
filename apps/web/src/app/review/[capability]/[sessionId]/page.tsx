import type { Metadata } from 'next'
import { ReviewView } from '../../../../components/review/review-view'

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
  return <ReviewView capability={capability} sessionId={sessionId} />
}
