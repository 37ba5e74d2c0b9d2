import { z } from 'zod'
import type { TranscribedSegment, Transcriber } from './transcriber'

// The `verbose_json` answer of OpenAI-compatible /v1/audio/transcriptions servers (OpenAI,
// whisper.cpp's server, faster-whisper servers): segments with start/end in seconds.
const answer = z.object({
  segments: z.array(z.object({ start: z.number(), end: z.number(), text: z.string() })),
})

/** A Transcriber backed by an OpenAI-compatible transcription endpoint (TRANSCRIBER_URL). */
export function httpTranscriber(
  url: string,
  options: { apiKey?: string; model?: string } = {},
): Transcriber {
  return {
    async transcribe({ audio, mimeType }): Promise<TranscribedSegment[]> {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(audio)], { type: mimeType }), 'audio')
      form.append('model', options.model ?? 'whisper-1')
      form.append('response_format', 'verbose_json')
      const res = await fetch(url, {
        method: 'POST',
        body: form,
        headers: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {},
      })
      if (!res.ok) throw new Error(`transcriber answered ${res.status}`)
      const { segments } = answer.parse(await res.json())
      return segments
        .filter((s) => s.text.trim() !== '')
        .map((s) => ({
          offsetMs: s.start * 1000,
          durationMs: (s.end - s.start) * 1000,
          text: s.text.trim(),
        }))
    },
  }
}
