import { notFound, redirect } from 'next/navigation'
import { findLink } from '@/server/join/describe-link'

interface Props {
  params: Promise<{ capability: string }>
}

// A room link without a session: its current round's review; an unknown link is a 404.
export default async function ReviewLinkPage({ params }: Props) {
  const { capability } = await params
  const link = await findLink(capability)
  if (!link) notFound()
  redirect(`/review/${encodeURIComponent(capability)}/${encodeURIComponent(link.sessionId)}`)
}
