import { basename, dirname } from 'node:path'
import type { TranscribedSegment, Transcriber } from './transcriber'
import { decodeAudio, SAMPLE_RATE } from './decode-audio'
import { verifyModelFiles, type ModelFiles } from './model-files'
import { speechPieces, speechSpans, type SpeechSpan } from './speech-spans'

export interface WhisperOptions {
  model: ModelFiles
  /** onnxruntime's threads for one inference */
  threads: number
  ffmpeg?: string
}

interface AsrChunk {
  timestamp: [number, number | null]
  text: string
}
type Asr = (
  audio: Float32Array,
  options: Record<string, unknown>,
) => Promise<{ text: string; chunks?: AsrChunk[] }>

// Whisper's stock inventions on near-silence and on music; a piece that says only this is noise.
const INVENTED = /^(?:\W*(?:you|thank you\.?|thanks for watching!?|\.+|-+)\W*)$/i

const toFloat = (samples: Int16Array, span: SpeechSpan) => {
  const out = new Float32Array(span.end - span.start)
  for (let i = 0; i < out.length; i++) out[i] = samples[span.start + i]! / 32768
  return out
}

/**
 * Whisper run by @huggingface/transformers on onnxruntime-node, offline: the model's files are
 * checked against their pinned hashes before the first load, and nothing is fetched.
 */
export function whisperTranscriber(
  options: WhisperOptions,
): Transcriber & { close(): Promise<void> } {
  let loading: Promise<{ asr: Asr; dispose(): Promise<void> }> | null = null

  const load = () =>
    (loading ??= (async () => {
      await verifyModelFiles(options.model)
      const { pipeline, env } = await import('@huggingface/transformers')
      env.allowRemoteModels = false
      env.localModelPath = dirname(options.model.dir)
      const asr = await pipeline('automatic-speech-recognition', basename(options.model.dir), {
        dtype: 'q8',
        device: 'cpu',
        session_options: { intraOpNumThreads: options.threads, interOpNumThreads: 1 },
      })
      return { asr: asr as unknown as Asr, dispose: () => asr.dispose() }
    })())

  return {
    async transcribe({ audio, onProgress }): Promise<TranscribedSegment[]> {
      const samples = await decodeAudio(audio, options.ffmpeg)
      const pieces = speechPieces(speechSpans(samples))
      const total = pieces.reduce((n, p) => n + p.end - p.start, 0)
      onProgress?.(0)
      if (total === 0) return []
      const { asr } = await load()
      const found: TranscribedSegment[] = []
      let done = 0
      for (const piece of pieces) {
        const pieceMs = ((piece.end - piece.start) / SAMPLE_RATE) * 1000
        const startMs = (piece.start / SAMPLE_RATE) * 1000
        const out = await asr(toFloat(samples, piece), {
          language: 'english',
          task: 'transcribe',
          return_timestamps: true,
          chunk_length_s: 30,
        })
        const chunks = out.chunks?.length ? out.chunks : [{ timestamp: [0, null], text: out.text }]
        for (const c of chunks as AsrChunk[]) {
          const text = c.text.trim()
          if (text === '' || INVENTED.test(text)) continue
          const from = Math.min(c.timestamp[0] * 1000, pieceMs)
          const to = Math.min(c.timestamp[1] === null ? pieceMs : c.timestamp[1] * 1000, pieceMs)
          found.push({ offsetMs: startMs + from, durationMs: Math.max(0, to - from), text })
        }
        done += piece.end - piece.start
        onProgress?.(done / total)
      }
      return found
    },
    async close() {
      const loaded = await loading?.catch(() => null)
      loading = null
      await loaded?.dispose()
    },
  }
}
