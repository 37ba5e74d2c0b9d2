import { NextResponse } from 'next/server'
import { describeLink } from '@/server/join/describe-link'
import { HttpError } from '@/server/http/http-error'
import { handle } from '@/server/http/http-json'

export const GET = handle(
  'public',
  async (_request: Request, { params }: { params: Promise<{ capability: string }> }) => {
    const { capability } = await params
    const link = await describeLink(capability)
    if (!link) throw new HttpError(404, 'this link is not valid')
    return NextResponse.json(link)
  },
)
