// pnpm bench:transcribe — offline transcription of a two-speaker mock interview (MINUTES, 45 by
// default) on this machine: each speaker's track as the browser records it (Opus in WebM, silent
// while the other talks), spoken by espeak-ng from a labelled script, transcribed by the worker's
// engine in a process of its own for each model (MODELS=tiny,base). Prints per model: time as a
// fraction of the audio's length (real-time factor), the process's peak memory, and words wrong
// per 100 against the script. THREADS (2) is the engine's onnxruntime threads.
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'

const MINUTES = Number(process.env.MINUTES ?? 45)
const MODELS = (process.env.MODELS ?? 'tiny,base').split(',')
const THREADS = process.env.THREADS ?? '2'
const RATE = 16_000
const dir = mkdtempSync(join(tmpdir(), 'mockroom-bench-asr-'))

// A product-sense mock, written for this benchmark: no digits (read aloud, they are words that
// Whisper writes as numerals) and no names Whisper could spell two ways.
const SCRIPT = {
  interviewer: [
    'Imagine you lead the product for a grocery delivery app in a large city.',
    'Orders from families dropped over the last quarter. How would you approach this?',
    'Who do you think the most important users are here?',
    'That sounds reasonable. What would you measure first?',
    'How would you decide between those two ideas?',
    'What could go wrong if you launched this next month?',
    'Let us move on to the solutions. Take a minute to think.',
    'How would you know that the change worked?',
    'Is there a guardrail you would watch while you test it?',
    'Thank you, that was a clear answer. We have time for one more question.',
  ],
  candidate: [
    'Before I start, I would like to clarify the goal we are working toward.',
    'Are we trying to win back families who left, or to grow orders from families who stayed?',
    'I would split the users into busy parents, shoppers on a budget, and older customers.',
    'Busy parents order the most every week, so I would focus on them first.',
    'Their biggest pain is that the delivery window is often too late in the evening.',
    'The second pain is that fresh food sometimes arrives damaged or missing.',
    'One idea is to let parents book a delivery slot a full week ahead.',
    'Another idea is a quality promise with an instant refund in the app.',
    'I would compare the ideas on the impact for parents and the cost for our drivers.',
    'The slot booking is cheaper to build and it fixes the pain parents mention most.',
    'My main metric would be the share of families who order again within a month.',
    'As a guardrail, I would watch the time drivers spend on each delivery.',
    'I would run the test in one neighbourhood first and compare it with a similar one.',
    'If the repeat rate goes up without slowing the drivers, we roll it out everywhere.',
  ],
}

function speak(text: string, voice: string, index: number): Int16Array {
  const wav = join(dir, `${voice}-${index}.raw`)
  const out = join(dir, `${voice}-${index}.wav`)
  execFileSync('espeak-ng', ['-v', voice, '-s', '140', '-w', out, text])
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-i',
    out,
    '-ac',
    '1',
    '-ar',
    String(RATE),
    '-f',
    's16le',
    wav,
  ])
  const buf = execFileSync('cat', [wav], { maxBuffer: 1 << 26 })
  return new Int16Array(buf.buffer, buf.byteOffset, buf.byteLength >> 1)
}

// the two tracks, turn by turn: one speaks while the other's track is silence
function session() {
  const voices = { interviewer: 'en-us', candidate: 'en-us' }
  const spoken = {
    interviewer: SCRIPT.interviewer.map((t, i) => speak(t, voices.interviewer, i)),
    candidate: SCRIPT.candidate.map((t, i) => speak(t, voices.candidate, i)),
  }
  const pieces = { interviewer: [] as Int16Array[], candidate: [] as Int16Array[] }
  const said = { interviewer: [] as string[], candidate: [] as string[] }
  const pause = (s: number) => new Int16Array(Math.round(s * RATE))
  let total = 0
  let turn = 0
  while (total < MINUTES * 60 * RATE) {
    const who = turn % 2 === 0 ? 'interviewer' : 'candidate'
    const other = who === 'interviewer' ? 'candidate' : 'interviewer'
    // the interviewer asks one thing; the candidate answers with three to five sentences
    const count = who === 'interviewer' ? 1 : 3 + (turn % 3)
    for (let k = 0; k < count; k++) {
      const i = (turn * 7 + k * 3) % SCRIPT[who].length
      const voice = spoken[who][i]!
      const gap = pause(0.6 + ((turn + k) % 4) * 0.3)
      pieces[who].push(voice, gap)
      pieces[other].push(pause(voice.length / RATE), gap)
      said[who].push(SCRIPT[who][i]!)
      total += voice.length + gap.length
    }
    turn++
  }
  const tracks = (['interviewer', 'candidate'] as const).map((who) => {
    const pcm = Buffer.concat(
      pieces[who].map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength)),
    )
    const raw = join(dir, `${who}.raw`)
    const webm = join(dir, `${who}.webm`)
    writeFileSync(raw, pcm)
    execFileSync(
      'ffmpeg',
      ['-v', 'error', '-y', '-f', 's16le', '-ar', String(RATE), '-ac', '1', '-i', raw].concat([
        '-ar',
        '48000',
        '-c:a',
        'libopus',
        '-b:a',
        '32k',
        webm,
      ]),
    )
    return { who, webm, seconds: pcm.length / 2 / RATE, script: said[who].join(' ') }
  })
  return tracks
}

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z' ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean)

/** word-level edit distance (substitutions, insertions, deletions) per 100 words of the script */
function wordsWrongPer100(script: string, heard: string): number {
  const ref = words(script)
  const hyp = words(heard)
  let prev = Array.from({ length: hyp.length + 1 }, (_, j) => j)
  for (let i = 1; i <= ref.length; i++) {
    const row = [i]
    for (let j = 1; j <= hyp.length; j++)
      row[j] = Math.min(
        prev[j]! + 1,
        row[j - 1]! + 1,
        prev[j - 1]! + (ref[i - 1] === hyp[j - 1] ? 0 : 1),
      )
    prev = row
  }
  return (prev[hyp.length]! / ref.length) * 100
}

interface Heard {
  ms: number
  text: string
  peakKiB: number
}

function run(model: string, webm: string): Promise<Heard> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'npx',
      ['tsx', join(import.meta.dirname, 'transcribe-child.ts'), model, webm, THREADS],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    let out = ''
    child.stdout.on('data', (b: Buffer) => (out += b.toString()))
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as Heard)
        : reject(new Error(`exit ${code}`)),
    )
  })
}

const load = () => loadavg()[0]!.toFixed(2)
console.log(`load average ${load()} at the start; generating ${MINUTES} minutes of two speakers…`)
const tracks = session()
const audio = tracks.reduce((n, t) => n + t.seconds, 0)
console.log(
  `tracks: ${tracks.map((t) => `${t.who} ${(t.seconds / 60).toFixed(1)} min`).join(', ')}`,
)
console.log(
  '| model | audio (both tracks) | transcription time | real-time factor | peak memory | words wrong per 100 | load |',
)
console.log('|---|---|---|---|---|---|---|')
for (const model of MODELS) {
  let ms = 0
  let peak = 0
  let wrong = 0
  let scriptWords = 0
  for (const t of tracks) {
    const r = await run(model, t.webm)
    if (process.env.SHOW) console.log(`${t.who} said: ${t.script}\n${model} heard: ${r.text}`)
    ms += r.ms
    peak = Math.max(peak, r.peakKiB)
    const n = words(t.script).length
    wrong += (wordsWrongPer100(t.script, r.text) * n) / 100
    scriptWords += n
  }
  console.log(
    `| whisper-${model} | ${(audio / 60).toFixed(1)} min | ${(ms / 1000).toFixed(0)} s | ${(ms / 1000 / audio).toFixed(3)} | ${(peak / 1024).toFixed(0)} MB | ${((wrong / scriptWords) * 100).toFixed(1)} | ${load()} |`,
  )
}
if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true })
else console.log(`tracks kept in ${dir}`)
