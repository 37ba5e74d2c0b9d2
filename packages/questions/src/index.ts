export type {
  AnswerTemplate,
  Difficulty,
  Question,
  QuestionFilter,
  QuestionType,
  QuestionTypeInfo,
  TemplateSection,
} from './types'
export { questionSchema, templateSchema } from './question-schema'
export { questionTypes } from './question-types'
export { questions } from './questions'
export { templates } from './templates'
export { getQuestion } from './get-question'
export { getTemplate } from './get-template'
export { checksFor } from './checks-for'
export { searchQuestions, filterQuestions } from './search-questions'
export { withoutHints } from './without-hints'
export { companies } from './companies'
export { coverageChecklist } from './coverage'
export type { QuestionGuide } from './types'
export type { QuestionDraft, QuestionDraftSection } from './custom-question'
export {
  QUESTION_LIMITS,
  INTERVIEWER_NOTES_HEADING,
  VERSION_ID_PREFIX,
  blankDraft,
  draftFromQuestion,
  draftMinutes,
  isVersionId,
  questionDraftSchema,
  questionOfDraft,
  templateOfDraft,
} from './custom-question'
export type { ResolvedQuestion, VersionSource } from './resolve-question'
export { resolveQuestion } from './resolve-question'
