import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { JoinFlow } from '@/features/lobby/join-flow'
import { describeLink } from '@/server/join/describe-link'
import { livekitConfig } from '@/server/livekit/livekit-config'
import { serverContext } from '@/server/server-context'

interface Props {
  params: Promise<{ capability: string }>
}

export const metadata: Metadata = {
  title: 'Join an interview',
  // The URL is a secret: keep it out of search engines and out of Referer headers.
  robots: { index: false, follow: false },
  referrer: 'no-referrer',
}

export default async function JoinPage({ params }: Props) {
  const { capability } = await params
  const link = await describeLink(capability)
  if (!link) notFound()

  // Only the title goes to the browser, and only the interviewer's: the others learn the question
  // when the interviewer reveals it in the room.
  const questionTitle = link.question?.title ?? null
  // the call server's address lets the lobby warm the call up while the name is typed
  const callServerUrl = livekitConfig((await serverContext()).env).url
  return (
    <JoinFlow
      callServerUrl={callServerUrl}
      capability={capability}
      role={link.role}
      current={{ round: link.round, status: link.status }}
      questionTitle={questionTitle}
    />
  )
}
