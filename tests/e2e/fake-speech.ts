import { existsSync, writeFileSync } from 'node:fs'

// Chromium's default fake microphone plays a short beep now and then: audible, but too sparse for
// LiveKit's active-speaker detection (level above threshold in 40% of each 500 ms window). This
// writes a voice-like signal instead (a wandering pitch with harmonics, syllable-rate loudness),
// which Chromium loops as the fake microphone (`--use-file-for-fake-audio-capture`).
export function writeFakeSpeech(path: string): string {
  if (existsSync(path)) return path
  const rate = 48_000
  const seconds = 6
  const samples = rate * seconds
  const data = Buffer.alloc(44 + samples * 2)
  data.write('RIFF', 0)
  data.writeUInt32LE(36 + samples * 2, 4)
  data.write('WAVEfmt ', 8)
  data.writeUInt32LE(16, 16) // fmt chunk size
  data.writeUInt16LE(1, 20) // PCM
  data.writeUInt16LE(1, 22) // mono
  data.writeUInt32LE(rate, 24)
  data.writeUInt32LE(rate * 2, 28)
  data.writeUInt16LE(2, 32)
  data.writeUInt16LE(16, 34)
  data.write('data', 36)
  data.writeUInt32LE(samples * 2, 40)
  let phase = 0
  for (let i = 0; i < samples; i++) {
    const t = i / rate
    const pitch = 150 + 40 * Math.sin(2 * Math.PI * 0.7 * t)
    phase += (2 * Math.PI * pitch) / rate
    const voice = Math.sin(phase) + 0.5 * Math.sin(2 * phase) + 0.3 * Math.sin(3 * phase)
    const syllables = 0.55 + 0.45 * Math.abs(Math.sin(2 * Math.PI * 2.5 * t))
    data.writeInt16LE(Math.round(voice * syllables * 0.4 * 32_767), 44 + i * 2)
  }
  writeFileSync(path, data)
  return path
}
