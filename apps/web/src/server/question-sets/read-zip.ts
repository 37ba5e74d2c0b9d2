import { unzipSync } from 'fflate'
import type { ImportFile } from '@mockroom/questions/files'
import { HttpError } from '../http/http-error'
import { MAX_ZIP_ENTRIES, MAX_ZIP_FILE_BYTES, MAX_ZIP_TOTAL_BYTES } from './question-set-limits'

const utf8 = new TextDecoder('utf-8', { fatal: true })

const wanted = (name: string) =>
  /\.(md|markdown|json)$/i.test(name) &&
  !name.startsWith('__MACOSX/') &&
  !name.split('/').some((part) => part.startsWith('.'))

/**
 * A zip's Markdown and JSON files, guarded against zip bombs: entries and the declared sizes of
 * the central directory are checked before anything is inflated, and fflate inflates each entry
 * into a buffer of its declared size, so a lying entry cannot grow past it. Other files are
 * listed in `skipped`.
 */
export function readZip(bytes: Uint8Array): { files: ImportFile[]; skipped: string[] } {
  let entries = 0
  let declared = 0
  // set inside fflate's filter callback, read after it
  const refused: { error: HttpError | null } = { error: null }
  const skipped: string[] = []
  let inflated: Record<string, Uint8Array>
  try {
    inflated = unzipSync(bytes, {
      filter: (file) => {
        entries++
        if (entries > MAX_ZIP_ENTRIES)
          refused.error ??= new HttpError(413, `the zip lists more than ${MAX_ZIP_ENTRIES} entries`)
        if (refused.error || file.name.endsWith('/')) return false
        if (!wanted(file.name)) {
          skipped.push(file.name)
          return false
        }
        if (file.originalSize > MAX_ZIP_FILE_BYTES)
          refused.error = new HttpError(
            413,
            `${file.name}: over ${MAX_ZIP_FILE_BYTES / 1024} KB uncompressed`,
          )
        declared += file.originalSize
        if (declared > MAX_ZIP_TOTAL_BYTES)
          refused.error ??= new HttpError(
            413,
            `the zip's files add up to over ${MAX_ZIP_TOTAL_BYTES / 1024 / 1024} MB uncompressed`,
          )
        return !refused.error
      },
    })
  } catch {
    throw refused.error ?? new HttpError(400, 'this is not a readable zip file')
  }
  if (refused.error) throw refused.error
  const files = Object.entries(inflated).map(([name, data]) => {
    try {
      return { name, text: utf8.decode(data) }
    } catch {
      throw new HttpError(400, `${name}: not UTF-8 text`)
    }
  })
  return { files, skipped }
}
