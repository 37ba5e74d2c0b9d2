/**
 * answer: the shared answer (interviewer + candidate write, observers read).
 * private: interviewer notes, rubric, chosen question (interviewer only).
 * control: session state written only by the sync server (everyone reads).
 */
export const docKinds = ['answer', 'private', 'control'] as const

export type DocKind = (typeof docKinds)[number]
