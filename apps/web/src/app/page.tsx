import { companies, questions, withoutHints } from '@mockroom/questions'
import { QuestionBrowser } from '@/features/bank/question-browser'

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
      <QuestionBrowser questions={questions.map(withoutHints)} companies={companies} />
    </>
  )
}
