import { handle } from '@/server/http/http-json'
import { requireSet } from '@/server/question-sets/set-access'
import { exportSet } from '@/server/question-sets/set-export'
import { serverContext } from '@/server/server-context'

// Edit link only: the files hold the interviewer's hints.
export const GET = handle(
  'public',
  async (request: Request, { params }: { params: Promise<{ capability: string }> }) => {
    const ctx = await serverContext()
    const { set } = await requireSet(ctx.store, (await params).capability, 'edit')
    const format = new URL(request.url).searchParams.get('format') === 'json' ? 'json' : 'zip'
    const file = await exportSet(ctx, set, format)
    return new Response(file.body as BodyInit, {
      headers: {
        'content-type': file.type,
        'content-disposition': `attachment; filename="${file.name}"`,
        'cache-control': 'no-store',
      },
    })
  },
)
