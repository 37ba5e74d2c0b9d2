import { questions, withoutHints } from '@mockroom/questions'
import { NextResponse } from 'next/server'
import { handle } from '@/server/http/http-json'

// The public bank: prompts only. Hints reach the interviewer of a room, through the join.
export const GET = handle('public', (_request: Request) =>
  Promise.resolve(NextResponse.json({ questions: questions.map(withoutHints) })),
)
