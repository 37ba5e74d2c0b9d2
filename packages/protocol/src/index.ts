export type { DocKind } from './doc-kind'
export { docKinds } from './doc-kind'
export { answerDocName, privateDocName, controlDocName, parseDocName } from './doc-name'
export { MessageType } from './message-type'
export type { CloseCodeValue, CloseAction, CloseRule } from './close-codes'
export { CloseCode, CloseError, closeRules, closeRule } from './close-codes'
export type {
  ControlAction,
  ControlActionType,
  ControlRequest,
  ControlResult,
} from './control-action'
export {
  controlActionSchema,
  controlActionTypes,
  controlRequestSchema,
  controlResultSchema,
} from './control-action'
export type { ClientMessage } from './frames'
export {
  decodeClientMessage,
  decodeControlResult,
  readControlJson,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  encodeAwareness,
  encodeControlRequest,
  encodeControlResult,
} from './frames'
