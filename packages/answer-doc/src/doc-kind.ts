export type DocKind = 'answer' | 'private'
