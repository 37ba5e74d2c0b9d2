const INTERVAL_MS = 100
const FLOOR_DB = -60
const DECAY = 0.6

// RMS of one analyser frame as 0–100 on a -60…0 dBFS scale: speech lands mid-bar, silence at 0.
export function levelPercent(samples: Float32Array): number {
  let sum = 0
  for (const sample of samples) sum += sample * sample
  const rms = Math.sqrt(sum / Math.max(samples.length, 1))
  if (rms <= 0) return 0
  const db = 20 * Math.log10(rms)
  return Math.round(Math.min(Math.max((db - FLOOR_DB) / -FLOOR_DB, 0), 1) * 100)
}

/** Reports the input level of a stream ~10 times a second; returns a stop function. */
export function startLevelMeter(stream: MediaStream, onLevel: (percent: number) => void) {
  const context = new AudioContext()
  const source = context.createMediaStreamSource(stream)
  const analyser = context.createAnalyser()
  analyser.fftSize = 1024
  source.connect(analyser)
  const samples = new Float32Array(analyser.fftSize)

  // An AudioContext made before any click may start suspended (autoplay rules); the first
  // interaction wakes it.
  const resume = () => void context.resume().catch(() => {})
  if (context.state === 'suspended') resume()
  window.addEventListener('pointerdown', resume)
  window.addEventListener('keydown', resume)

  // rises at once, falls back gently: readable for eyes, still 0 in silence
  let shown = 0
  const timer = setInterval(() => {
    analyser.getFloatTimeDomainData(samples)
    const level = levelPercent(samples)
    shown = level >= shown ? level : Math.floor(shown * DECAY)
    onLevel(shown)
  }, INTERVAL_MS)

  return () => {
    clearInterval(timer)
    window.removeEventListener('pointerdown', resume)
    window.removeEventListener('keydown', resume)
    source.disconnect()
    void context.close().catch(() => {})
  }
}
