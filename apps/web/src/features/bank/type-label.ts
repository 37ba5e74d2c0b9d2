import { questionTypes, type Difficulty, type QuestionType } from '@mockroom/questions'

export function typeLabel(type: QuestionType): string {
  return questionTypes.find((info) => info.type === type)?.label ?? type
}

export const difficultyLabels: Readonly<Record<Difficulty, string>> = {
  easy: 'Easy',
  medium: 'Medium',
  hard: 'Hard',
}
