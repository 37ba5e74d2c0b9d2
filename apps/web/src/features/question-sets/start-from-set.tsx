'use client'

import { StartInterview } from '../bank/start-interview'

/** "Start a mock interview with …", folded: a room made from this version of a set's question. */
export function StartFromSet({
  title,
  versionId,
  capability,
}: {
  title: string
  versionId: string
  capability: string
}) {
  return (
    <details>
      <summary>Start a mock interview with {title}</summary>
      <StartInterview questionId={versionId} setCapability={capability} />
    </details>
  )
}
