import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

// Web and sync open the same fresh SQLite file at the same moment on `pnpm start`. Real processes
// here: in one process better-sqlite3 runs each migration to the end before the other starts.
const openOnce = (dataDir: string) =>
  new Promise<{ code: number | null; stderr: string }>((done) => {
    const script = `import { openStore } from ${JSON.stringify(resolve(import.meta.dirname, 'open-store.ts'))}
const store = await openStore({ dataDir: ${JSON.stringify(dataDir)} })
await store.close()`
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script])
    let stderr = ''
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('exit', (code) => done({ code, stderr }))
  })

describe('migrations from two processes at once', () => {
  it('both open a fresh file, five times over', { timeout: 60_000 }, async () => {
    for (let round = 0; round < 5; round++) {
      const dataDir = mkdtempSync(join(tmpdir(), 'mockroom-migrate-race-'))
      const results = await Promise.all([openOnce(dataDir), openOnce(dataDir)])
      rmSync(dataDir, { recursive: true, force: true })
      for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0 })
    }
  })
})
