import { z } from 'zod'

const id = z.string().min(1).max(200)
const spoken = z.string().trim().min(1).max(2000)

/** What a browser may ask the sync server to do (sent over the control document's socket). */
export const controlActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('reveal'), questionId: id }),
  z.object({ type: z.literal('start') }),
  // `from`: the section the sender sees; a Next pressed at once elsewhere moves one section, not two
  z.object({ type: z.literal('next'), from: id.optional() }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('resume') }),
  // the candidate's "Take a minute": a 60 s thinking break (at most two per interview)
  z.object({ type: z.literal('take-break') }),
  z.object({ type: z.literal('end-break') }),
  z.object({ type: z.literal('end') }),
  z.object({ type: z.literal('feedback'), sectionKey: id, text: z.string().max(5000) }),
  // after the end; `notesToObservers` (with `includeNotes`) also gives the observers the notes
  z.object({
    type: z.literal('share-feedback'),
    includeNotes: z.boolean(),
    notesToObservers: z.boolean().optional(),
  }),
  // after the end: the notes and rubric take no more writes (sharing does this too)
  z.object({ type: z.literal('finalize-feedback') }),
  z.object({ type: z.literal('next-round'), questionId: id }),
  z.object({ type: z.literal('remove'), participantId: id }),
  // a final speech-recognition result from the sender's own microphone (server time)
  z.object({
    type: z.literal('transcript'),
    startMs: z.number().finite(),
    endMs: z.number().finite(),
    text: spoken,
  }),
  // a span the sender's own microphone was the active speaker in the call (server time)
  z.object({ type: z.literal('talk'), startMs: z.number().finite(), endMs: z.number().finite() }),
  // interviewer: a typed, timestamped line in the transcript
  z.object({ type: z.literal('note'), text: spoken }),
  // interviewer: one of the question's hints becomes a clarifying row's answer (the server
  // writes exactly that hint into the answer document)
  z.object({
    type: z.literal('answer-clarify-row'),
    rowId: id,
    hintIndex: z.number().int().min(0).max(99),
  }),
  // interviewer: ask everyone who speaks to allow audio recording; `shownText` is what the
  // interviewer confirmed (kept as their own receipt)
  z.object({ type: z.literal('recording-ask'), shownText: z.string().trim().min(1).max(2000) }),
  // interviewer or candidate: the answer to request `requestId`, with the exact text shown
  z.object({
    type: z.literal('recording-answer'),
    requestId: id,
    allow: z.boolean(),
    shownText: z.string().trim().min(1).max(2000),
  }),
  // interviewer: stop the recording for everyone
  z.object({ type: z.literal('recording-stop') }),
])

export type ControlAction = z.infer<typeof controlActionSchema>
export type ControlActionType = ControlAction['type']

export const controlActionTypes: readonly ControlActionType[] = controlActionSchema.options.map(
  (o) => o.shape.type.value,
)

export const controlRequestSchema = z.object({ id: z.number().int(), action: controlActionSchema })
export type ControlRequest = z.infer<typeof controlRequestSchema>

export const controlResultSchema = z.union([
  z.object({ id: z.number().int(), ok: z.literal(true) }),
  z.object({ id: z.number().int(), ok: z.literal(false), error: z.string() }),
])
export type ControlResult = z.infer<typeof controlResultSchema>
