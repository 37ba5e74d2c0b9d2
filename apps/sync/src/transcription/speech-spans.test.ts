import { describe, expect, it } from 'vitest'
import { speechPieces, speechSpans } from './speech-spans'

const RATE = 16_000

/** a track of [ms, amplitude] stretches: a tone stands in for a voice, 0 is silence */
function track(parts: [number, number][], noise = 0): Int16Array {
  const total = parts.reduce((n, [ms]) => n + (ms * RATE) / 1000, 0)
  const out = new Int16Array(total)
  let i = 0
  let seed = 1
  for (const [ms, amp] of parts) {
    for (let k = 0; k < (ms * RATE) / 1000; k++, i++) {
      seed = (seed * 16807) % 2147483647
      const hiss = noise * ((seed / 2147483647) * 2 - 1)
      out[i] = Math.round(amp * Math.sin((2 * Math.PI * 220 * k) / RATE) + hiss)
    }
  }
  return out
}

const seconds = (spans: { start: number; end: number }[]) =>
  spans.map((s) => [+(s.start / RATE).toFixed(2), +(s.end / RATE).toFixed(2)])

describe('speechSpans', () => {
  it('finds the speech between silences, padded, in a quiet track', () => {
    const spans = speechSpans(
      track([
        [2000, 0],
        [1500, 8000],
        [3000, 0],
        [1000, 8000],
        [2000, 0],
      ]),
    )
    // frames are 30 ms: a span starts on the frame the voice begins in
    expect(seconds(spans)).toEqual([
      [1.78, 3.71],
      [6.28, 7.7],
    ])
  })

  it('finds nothing in silence or in steady room noise', () => {
    expect(speechSpans(track([[5000, 0]]))).toEqual([])
    expect(speechSpans(track([[5000, 0]], 300))).toEqual([])
  })

  it('hears speech over a noise floor and bridges short pauses', () => {
    const spans = speechSpans(
      track(
        [
          [1000, 0],
          [800, 6000],
          [400, 0],
          [800, 6000],
          [2000, 0],
        ],
        200,
      ),
    )
    expect(spans).toHaveLength(1)
    expect(seconds(spans)[0]![0]).toBeCloseTo(0.8, 1)
    expect(seconds(spans)[0]![1]).toBeCloseTo(3.2, 1)
  })

  it('ignores clicks shorter than a syllable', () => {
    expect(
      speechSpans(
        track([
          [1000, 0],
          [60, 20000],
          [1000, 0],
        ]),
      ),
    ).toEqual([])
  })
})

describe('speechPieces', () => {
  it('joins near spans up to the window and cuts a long one into windows', () => {
    const s = (a: number, b: number) => ({ start: a * RATE, end: b * RATE })
    expect(seconds(speechPieces([s(0, 2), s(2.5, 4), s(10, 12)]))).toEqual([
      [0, 4],
      [10, 12],
    ])
    expect(seconds(speechPieces([s(0, 70)]))).toEqual([
      [0, 28],
      [28, 56],
      [56, 70],
    ])
  })
})
