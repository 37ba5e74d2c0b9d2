import { notFound, redirect } from 'next/navigation'
import { currentReviewPath } from '@/server/review/review-link'
import { serverContext } from '@/server/server-context'

interface Props {
  params: Promise<{ capability: string }>
}

// A room link without a session: its current round's review; an unknown or retired link is a 404.
export default async function ReviewLinkPage({ params }: Props) {
  const { capability } = await params
  const path = await currentReviewPath((await serverContext()).store, capability)
  if (!path) notFound()
  redirect(path)
}
