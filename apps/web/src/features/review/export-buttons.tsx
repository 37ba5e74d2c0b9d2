'use client'

import { sessionInsights, sessionMarkdown, type SessionRecord } from '@mockroom/session-model'
import { useParams } from 'next/navigation'
import { downloadFile, fileStem } from '../../lib/download-file'
import { audioUrl } from './audio-url'

// The record leaves the browser as Markdown (to read or paste), JSON (to keep or process) or
// paper/PDF through the print stylesheet.
export function ExportButtons({ record }: { record: SessionRecord }) {
  const stem = fileStem(record.question?.title ?? 'mock interview', record.session.round)
  const { capability } = useParams<{ capability: string }>()
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
      {/* the recorded audio, one file per track, for the people of this session */}
      {(record.audio?.tracks ?? []).map((t) => (
        <a
          key={t.trackId}
          className="button button--small"
          href={audioUrl(capability, record.session.id, t.trackId, true)}
          download
        >
          Download {t.name}&apos;s audio
        </a>
      ))}
    </div>
  )
}
