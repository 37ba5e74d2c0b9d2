// One engine run in a process of its own (as the worker runs it), so its peak memory is its own:
// `tsx transcribe-child.ts <tiny|base> <track.webm> <threads>` prints one JSON line.
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { bundledModel, whisperTranscriber, type BundledModel } from '@mockroom/sync'

const [model, file, threads] = process.argv.slice(2) as [BundledModel, string, string]
const engine = whisperTranscriber({ model: bundledModel(model), threads: Number(threads) })
const t0 = performance.now()
const segments = await engine.transcribe({
  audio: readFileSync(file),
  mimeType: 'audio/webm',
  sessionId: 'bench',
  speaker: { participantId: 'p', name: 'bench', role: 'candidate' },
})
const ms = performance.now() - t0
await engine.close()
// maxRSS is the process's peak resident memory, in KiB
console.log(
  JSON.stringify({
    ms,
    text: segments.map((s) => s.text).join(' '),
    peakKiB: process.resourceUsage().maxRSS,
  }),
)
