// The files entry (yaml, Markdown and JSON bundles): kept out of the main entry so pages that
// only show questions never bundle the YAML parser.
export type { FileProblem, ParsedQuestion } from './question-markdown'
export { parseQuestionMarkdown, questionToMarkdown } from './question-markdown'
export type {
  ImportFile,
  ParsedImport,
  QuestionSetBundle,
  SlugQuestion,
} from './question-set-files'
export {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  parseImportFiles,
  setToBundle,
  setToMarkdownFiles,
  slugify,
  slugSchema,
  uniqueSlug,
} from './question-set-files'
