import { questionsDesign } from './questions-design'
import { questionsImprovement } from './questions-improvement'
import { questionsMetrics } from './questions-metrics'
import { questionsRootCause } from './questions-root-cause'
import { questionsTradeOff } from './questions-trade-off'
import type { Question } from './types'

export const questions: ReadonlyArray<Question> = [
  ...questionsImprovement,
  ...questionsDesign,
  ...questionsMetrics,
  ...questionsRootCause,
  ...questionsTradeOff,
]
