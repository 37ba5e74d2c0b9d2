import { fork, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore, type Store } from '@mockroom/store'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readEnv } from '../src/env'
import { bundledModel } from '../src/transcription/model-files'
import { runNextJob } from '../src/transcription/transcription-jobs'
import { startTranscriptionSupervisor } from '../src/transcription/transcription-supervisor'
import { whisperTranscriber } from '../src/transcription/whisper-engine'
import { spokenTrack, storedTrack } from './transcription-kit'

const SENTENCE = 'We should measure weekly active users and the time to first order.'
const words = (text: string): string[] => text.toLowerCase().match(/[a-z]+/g) ?? []

let dir: string
let store: Store
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mockroom-transcription-'))
  store = await openStore({ dataDir: dir })
})
afterEach(async () => {
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})

const track = {
  trackId: 'track-1',
  sessionId: 'session-1',
  participantId: 'candidate-1',
  name: 'Ada',
  startedAt: 1_700_000_000_000,
}

describe('offline transcription of a recorded track', () => {
  it('hears the sentence with the default model, on the session clock, skipping the silence', async () => {
    await storedTrack(store, track, spokenTrack(SENTENCE))
    const engine = whisperTranscriber({
      model: bundledModel(readEnv({}).WHISPER_MODEL),
      threads: 2,
    })
    try {
      expect(
        await runNextJob({ store, transcriber: engine, leaseMs: 60_000, maxAttempts: 3 }),
      ).toBe(true)
    } finally {
      await engine.close()
    }
    const lines = await store.transcription.linesFor('session-1')
    const heard = words(lines.map((l) => l.text).join(' '))
    const said = words(SENTENCE)
    const missed = said.filter((w) => !heard.includes(w))
    expect(missed.length, `heard "${heard.join(' ')}"`).toBeLessThanOrEqual(1)
    expect(lines[0]).toMatchObject({ participantId: 'candidate-1', name: 'Ada', role: 'candidate' })
    // the two seconds of silence before the voice are not transcribed as words
    expect(lines[0]!.startMs - track.startedAt).toBeGreaterThanOrEqual(1500)
    expect((await store.transcription.jobsFor('session-1'))[0]).toMatchObject({ status: 'done' })
  })

  it('loses no job when the worker is killed mid-job: the next worker the supervisor starts finishes it', async () => {
    await storedTrack(store, track, spokenTrack(SENTENCE))
    const env = {
      ...process.env,
      DATA_DIR: dir,
      LOG_LEVEL: 'silent',
      TRANSCRIPTION_LEASE_SECONDS: '2',
    }
    const worker = join(import.meta.dirname, '../src/transcription/transcription-worker.ts')
    const start = () => fork(worker, [], { env, execArgv: ['--import', 'tsx'], stdio: 'ignore' })
    const exited = (child: ChildProcess) =>
      new Promise<void>((resolve) => child.once('exit', () => resolve()))
    const until = async (status: string) => {
      for (;;) {
        const [job] = await store.transcription.jobsFor('session-1')
        if (job?.status === status) return job
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    }

    const first = start()
    await until('running')
    first.kill('SIGKILL')
    await exited(first)
    expect((await store.transcription.jobsFor('session-1'))[0]?.status).toBe('running')

    // the supervisor sees the job pending and starts the next worker, which takes it again
    const supervisor = startTranscriptionSupervisor({
      pending: () => store.transcription.pendingCount(),
      logger: { info() {}, warn() {}, error() {} } as never,
      pollMs: 100,
      env,
    })
    try {
      const done = await until('done')
      expect(done.attempts).toBe(2)
    } finally {
      await supervisor.stop()
    }
    const heard = words(
      (await store.transcription.linesFor('session-1')).map((l) => l.text).join(' '),
    )
    expect(heard).toEqual(expect.arrayContaining(['weekly', 'active', 'users']))
  }, 60_000)
})
