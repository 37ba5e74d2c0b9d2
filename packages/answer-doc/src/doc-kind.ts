/**
 * answer: the shared answer (interviewer + candidate write, observers read).
 * private: interviewer notes, rubric, chosen question (interviewer only).
 * control: session state written only by the sync server (everyone reads).
 */
export type DocKind = 'answer' | 'private' | 'control'
