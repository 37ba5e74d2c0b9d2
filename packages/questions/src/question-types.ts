import type { QuestionTypeInfo } from './types'

export const questionTypes: ReadonlyArray<QuestionTypeInfo> = [
  {
    type: 'product-improvement',
    label: 'Product improvement',
    description: 'Take an existing product and make it better for a group of users you choose.',
  },
  {
    type: 'product-design',
    label: 'Product design',
    description: 'Design a new product or feature for a specific audience and their needs.',
  },
  {
    type: 'success-metrics',
    label: 'Success metrics',
    description: 'Decide how to measure whether a product or feature is doing its job.',
  },
  {
    type: 'root-cause',
    label: 'Root cause',
    description: 'Work out why a key metric moved unexpectedly and what to do about it.',
  },
  {
    type: 'trade-off',
    label: 'Trade-off & strategy',
    description: 'Weigh competing options or goals and make a clear recommendation.',
  },
]
