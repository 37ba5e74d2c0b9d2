import type { CheckSpec } from '@mockroom/session-model'

export type QuestionType =
  'product-improvement' | 'product-design' | 'success-metrics' | 'root-cause' | 'trade-off'

export type Difficulty = 'easy' | 'medium' | 'hard'

export interface Question {
  /** kebab-case slug, unique across the bank */
  id: string
  title: string
  /** the question as the interviewer asks it */
  prompt: string
  type: QuestionType
  company: string
  /** lowercase topics */
  tags: string[]
  difficulty: Difficulty
  /** clarifying facts the interviewer may give when asked; never shown to the candidate up front */
  hints?: string[]
  /** a coach's own question only: interviewer-only guidance, stripped with the hints */
  guide?: QuestionGuide
}

/** What a coach adds for the interviewer: follow-ups, and a rubric and checklist per section. */
export interface QuestionGuide {
  followUps: string[]
  sections: Record<string, { rubric: string; coverage: string[] }>
}

export interface TemplateSection {
  /** lowercase kebab-case, unique within its template */
  key: string
  /** unique within its template: it becomes the accessible name of the section editor */
  title: string
  prompt: string
  minutes: number
}

export interface AnswerTemplate {
  type: QuestionType
  sections: TemplateSection[]
  /** the automated checks of an answer to this type, in the order the review lists them */
  checks: CheckSpec[]
}

export interface QuestionTypeInfo {
  type: QuestionType
  label: string
  description: string
}

export interface QuestionFilter {
  query?: string
  type?: QuestionType
  company?: string
  difficulty?: Difficulty
}
