import { blankDraft, draftFromQuestion, getQuestion, questions } from '@mockroom/questions'
import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { notFound } from 'next/navigation'
import { SetBrowser } from '@/features/question-sets/set-browser'
import { SetEditor } from '@/features/question-sets/set-editor'
import { publicOrigin } from '@/server/http/origin'
import { viewSet } from '@/server/question-sets/question-set-service'
import { openSet } from '@/server/question-sets/set-access'
import { serverContext } from '@/server/server-context'

interface Props {
  params: Promise<{ capability: string }>
  searchParams: Promise<{ duplicate?: string }>
}

export const metadata: Metadata = {
  title: 'Question set',
  // the URL is a key: keep it out of search engines and Referer headers
  robots: { index: false, follow: false },
  referrer: 'no-referrer',
}

export default async function SetPage({ params, searchParams }: Props) {
  const { capability } = await params
  const ctx = await serverContext()
  const opened = await openSet(ctx.store, capability)
  if (!opened) notFound()
  const h = await headers()
  const origin = publicOrigin(
    new Request(`http://${h.get('host') ?? 'localhost'}/`, { headers: h }),
    ctx.env,
  )
  const set = await viewSet(ctx, opened, origin)
  if (opened.access === 'share')
    return (
      <section className="sets-page" aria-labelledby="set-title">
        <h1 id="set-title">{set.title}</h1>
        <p className="lead">
          A question set shared with you: pick a question and start a mock interview.
        </p>
        <SetBrowser capability={capability} set={set} />
      </section>
    )
  // "Duplicate" starts the form from a bank question (hints too: the set's owner is its interviewer)
  const from = getQuestion((await searchParams).duplicate ?? '')
  return (
    <section className="sets-page" aria-labelledby="set-title">
      <h1 id="set-title">{set.title}</h1>
      <p className="lead">
        Your question set. This page&apos;s address is the private edit link: anyone with it can
        change the set.
      </p>
      <SetEditor
        capability={capability}
        set={set}
        startDraft={from ? { ...draftFromQuestion(from), title: `${from.title} (copy)` } : null}
        blank={blankDraft()}
        bank={questions.map((q) => ({ id: q.id, title: q.title }))}
      />
    </section>
  )
}
