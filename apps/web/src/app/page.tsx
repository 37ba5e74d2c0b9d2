import { companies, questions, withoutHints } from '@mockroom/questions'
import { QuestionBrowser } from '@/features/bank/question-browser'
import { KnownSets } from '@/features/question-sets/known-sets'

export default function HomePage() {
  return (
    <>
      <section className="hero">
        <h1>Mockroom</h1>
        <p className="lead">
          Practise product-manager interviews with a partner: pick a question, send a link, and
          write the answer together in real time.
        </p>
      </section>
      <KnownSets />
      <QuestionBrowser questions={questions.map(withoutHints)} companies={companies} />
    </>
  )
}
