import type { Question } from '@mockroom/questions'
import { difficultyLabels, typeLabel } from './type-label'

// Type, company and difficulty as a compact line; the hidden words make it read well aloud.
export function QuestionMeta({ question }: { question: Question }) {
  return (
    <ul className="meta">
      <li className="meta__type">
        <span className="visually-hidden">Type: </span>
        {typeLabel(question.type)}
      </li>
      <li>
        <span className="visually-hidden">Company: </span>
        {question.company}
      </li>
      <li className={`difficulty difficulty--${question.difficulty}`}>
        <span className="visually-hidden">Difficulty: </span>
        {difficultyLabels[question.difficulty]}
      </li>
    </ul>
  )
}
