/**
 * Where someone speaks in a track: an energy gate over 30 ms frames. Whisper invents words on
 * silence ("you you you"), and a speaker's own track is mostly silence while the other talks.
 */
export interface SpeechSpan {
  /** sample offsets, end exclusive */
  start: number
  end: number
}

export interface SpanOptions {
  sampleRate: number
  /** a frame counts as speech this many dB above the track's noise floor… */
  aboveFloorDb: number
  /** …and never below this level (dBFS): digital silence has no floor to speak of */
  minLevelDb: number
  /** pauses shorter than this stay inside one span */
  bridgeMs: number
  /** spans shorter than this are clicks, not words */
  minSpeechMs: number
  /** kept on each side, so first and last syllables are whole */
  padMs: number
  /** spans are grouped into pieces of at most this length for the engine (Whisper's window) */
  maxPieceMs: number
}

export const defaultSpanOptions: SpanOptions = {
  sampleRate: 16_000,
  aboveFloorDb: 12,
  minLevelDb: -50,
  bridgeMs: 700,
  minSpeechMs: 250,
  padMs: 200,
  maxPieceMs: 28_000,
}

const FRAME_MS = 30

/** dBFS of each 30 ms frame of 16-bit samples */
export function frameLevels(samples: Int16Array, sampleRate: number): Float32Array {
  const frame = Math.round((sampleRate * FRAME_MS) / 1000)
  const levels = new Float32Array(Math.ceil(samples.length / frame))
  for (let f = 0; f < levels.length; f++) {
    const from = f * frame
    const to = Math.min(from + frame, samples.length)
    let sum = 0
    for (let i = from; i < to; i++) sum += samples[i]! * samples[i]!
    const rms = Math.sqrt(sum / Math.max(1, to - from)) / 32768
    levels[f] = rms > 0 ? 20 * Math.log10(rms) : -120
  }
  return levels
}

// the quietest tenth of the frames is the room's noise
function noiseFloor(levels: Float32Array): number {
  if (levels.length === 0) return -120
  const sorted = Float32Array.from(levels).sort()
  return sorted[Math.floor(sorted.length * 0.1)]!
}

/** the stretches of speech in a track, padded and bridged, in sample offsets */
export function speechSpans(samples: Int16Array, options: Partial<SpanOptions> = {}): SpeechSpan[] {
  const o = { ...defaultSpanOptions, ...options }
  const levels = frameLevels(samples, o.sampleRate)
  const threshold = Math.max(noiseFloor(levels) + o.aboveFloorDb, o.minLevelDb)
  const frame = Math.round((o.sampleRate * FRAME_MS) / 1000)
  const ms = (n: number) => Math.round((n * o.sampleRate) / 1000)

  const raw: SpeechSpan[] = []
  for (let f = 0; f < levels.length; f++) {
    if (levels[f]! < threshold) continue
    const start = f * frame
    const end = Math.min(start + frame, samples.length)
    const last = raw[raw.length - 1]
    if (last && start - last.end <= ms(o.bridgeMs)) last.end = end
    else raw.push({ start, end })
  }
  return raw
    .filter((s) => s.end - s.start >= ms(o.minSpeechMs))
    .map((s) => ({
      start: Math.max(0, s.start - ms(o.padMs)),
      end: Math.min(samples.length, s.end + ms(o.padMs)),
    }))
    .reduce<SpeechSpan[]>((merged, s) => {
      const last = merged[merged.length - 1]
      if (last && s.start <= last.end) last.end = Math.max(last.end, s.end)
      else merged.push({ ...s })
      return merged
    }, [])
}

/**
 * Spans grouped into pieces for the engine: neighbours join while the piece stays under the
 * window; a longer span is cut into window-sized pieces.
 */
export function speechPieces(
  spans: SpeechSpan[],
  options: Partial<SpanOptions> = {},
): SpeechSpan[] {
  const o = { ...defaultSpanOptions, ...options }
  const max = Math.round((o.maxPieceMs * o.sampleRate) / 1000)
  const gap = Math.round((o.bridgeMs * 2 * o.sampleRate) / 1000)
  const pieces: SpeechSpan[] = []
  for (const s of spans) {
    const last = pieces[pieces.length - 1]
    if (last && s.start - last.end <= gap && s.end - last.start <= max) {
      last.end = s.end
      continue
    }
    for (let start = s.start; start < s.end; start += max)
      pieces.push({ start, end: Math.min(s.end, start + max) })
  }
  return pieces
}
