export type { DocKind } from './doc-kind'
export { answerDocName, privateDocName, parseDocName } from './doc-name'
export {
  sectionFragmentName,
  sectionFragment,
  readSectionText,
  appendParagraph,
} from './answer-doc'
export type { TimedUpdate, Replay } from './replay'
export { createReplay } from './replay'
export { fragmentToMarkdown } from './to-markdown'
