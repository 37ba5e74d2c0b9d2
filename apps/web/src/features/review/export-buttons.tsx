'use client'

import { sessionInsights, sessionMarkdown, type SessionRecord } from '@mockroom/session-model'
import { downloadFile, fileStem } from '../../lib/download-file'

// The record leaves the browser as Markdown (to read or paste), JSON (to keep or process) or
// paper/PDF through the print stylesheet.
export function ExportButtons({ record }: { record: SessionRecord }) {
  const stem = fileStem(record.question?.title ?? 'mock interview', record.session.round)
  return (
    <div className="review__export" role="group" aria-label="Export">
      <button
        type="button"
        className="button button--small"
        onClick={() => downloadFile(`${stem}.md`, sessionMarkdown(record), 'text/markdown')}
      >
        Download Markdown
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={() =>
          downloadFile(
            `${stem}.json`,
            `${JSON.stringify({ ...record, insights: sessionInsights(record) }, null, 2)}\n`,
            'application/json',
          )
        }
      >
        Download JSON
      </button>
      <button type="button" className="button button--small" onClick={() => window.print()}>
        Print / Save as PDF
      </button>
    </div>
  )
}
