import { NextResponse } from 'next/server'
import { importFilesRequestSchema, type ImportReport } from '@/contract/question-sets'
import { HttpError } from '@/server/http/http-error'
import { handle, readJson } from '@/server/http/http-json'
import { readBodyBytes } from '@/server/http/read-body'
import { MAX_IMPORT_BYTES } from '@/server/question-sets/question-set-limits'
import { readZip } from '@/server/question-sets/read-zip'
import { requireSet } from '@/server/question-sets/set-access'
import { importFiles } from '@/server/question-sets/set-import'
import { serverContext } from '@/server/server-context'

// A dry run by default; `?apply=1` writes a clean import (all or nothing). The body is a zip
// (content-type application/zip) or JSON `{files: [{name, text}]}` with .md and .json files.
export const POST = handle(
  'questionSets',
  async (request: Request, { params }: { params: Promise<{ capability: string }> }) => {
    const ctx = await serverContext()
    const { set } = await requireSet(ctx.store, (await params).capability, 'edit')
    const apply = new URL(request.url).searchParams.get('apply') === '1'
    const type = request.headers.get('content-type') ?? ''
    let files
    let skipped: string[] = []
    if (type.startsWith('application/zip')) {
      ;({ files, skipped } = readZip(await readBodyBytes(request, MAX_IMPORT_BYTES)))
    } else if (type.startsWith('application/json')) {
      ;({ files } = await readJson(request, importFilesRequestSchema, MAX_IMPORT_BYTES))
    } else throw new HttpError(415, 'send a zip (application/zip) or JSON {files: [{name, text}]}')
    const { status, report } = await importFiles(ctx, set.id, files, apply, skipped)
    return NextResponse.json<ImportReport>(report, { status })
  },
  { maxBodyBytes: MAX_IMPORT_BYTES },
)
