import { spawn } from 'node:child_process'

export const SAMPLE_RATE = 16_000

/**
 * Any container the browsers record (WebM/Opus, MP4/AAC) as 16 kHz mono 16-bit samples, through
 * Debian's ffmpeg: half the memory of float samples for a 45-minute track.
 */
export function decodeAudio(audio: Uint8Array, ffmpeg = 'ffmpeg'): Promise<Int16Array> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      ffmpeg,
      ['-v', 'error', '-nostdin', '-i', 'pipe:0', '-ac', '1', '-ar', String(SAMPLE_RATE)].concat([
        '-f',
        's16le',
        'pipe:1',
      ]),
      { stdio: ['pipe', 'pipe', 'pipe'] },
    )
    const out: Buffer[] = []
    let errors = ''
    child.stdout.on('data', (b: Buffer) => out.push(b))
    child.stderr.on('data', (b: Buffer) => (errors = (errors + b.toString()).slice(-2000)))
    child.on('error', (err) => reject(new Error(`ffmpeg could not start: ${err.message}`)))
    // ffmpeg may stop reading early on a broken file: its exit code tells, not the pipe
    child.stdin.on('error', () => {})
    child.on('close', (code) => {
      if (code !== 0)
        return reject(new Error(`ffmpeg could not decode the track: ${errors.trim()}`))
      const all = Buffer.concat(out)
      const samples = new Int16Array(all.length >> 1)
      Buffer.from(samples.buffer).set(all.subarray(0, samples.length * 2))
      resolve(samples)
    })
    child.stdin.end(audio)
  })
}
