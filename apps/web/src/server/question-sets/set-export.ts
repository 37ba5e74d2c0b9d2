import { strToU8, zipSync } from 'fflate'
import { setToBundle, setToMarkdownFiles } from '@mockroom/questions/files'
import type { ServerContext } from '../server-context'
import { setDrafts } from './question-set-service'

export interface ExportFile {
  name: string
  type: string
  body: Uint8Array | string
}

/** The set as a zip of Markdown files (one per question) or as one JSON bundle. */
export async function exportSet(
  ctx: ServerContext,
  set: { id: string; title: string },
  format: 'zip' | 'json',
): Promise<ExportFile> {
  const questions = (await setDrafts(ctx, set.id)).map(({ row, draft }) => ({
    slug: row.slug,
    draft,
  }))
  const base = 'question-set'
  if (format === 'json')
    return {
      name: `${base}.json`,
      type: 'application/json',
      body: setToBundle(set.title, questions),
    }
  const files = Object.fromEntries(
    setToMarkdownFiles(questions).map((f) => [f.name, strToU8(f.text)] as const),
  )
  return { name: `${base}.zip`, type: 'application/zip', body: zipSync(files, { level: 6 }) }
}
