import { questions } from '@mockroom/questions'
import { NextResponse } from 'next/server'

export function GET() {
  return NextResponse.json({ questions })
}
