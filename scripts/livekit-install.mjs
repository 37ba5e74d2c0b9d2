#!/usr/bin/env node
// `pnpm livekit:install`: makes `livekit-server` available to `pnpm start` and the tests, trying in
// order: one on PATH or in .livekit/bin (nothing to do) → this machine's cache (~/.cache/mockroom)
// → `go install` of the pinned tag → LiveKit's release archive, checked against its checksums.
// Idempotent; exits 1 with a clear message when none of these is possible.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { existsSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import {
  cachedBinary,
  findLivekitServer,
  LIVEKIT_VERSION,
  localBinary,
  localBinDir,
  onPath,
} from './livekit-binary.mjs'

const say = (line) => console.log(`[livekit] ${line}`)

function versionOf(binary) {
  const out = spawnSync(binary, ['--version'], { encoding: 'utf8' })
  return out.status === 0 ? out.stdout.trim() : null
}

function installLocal(from) {
  mkdirSync(localBinDir, { recursive: true })
  const tmp = `${localBinary}.tmp`
  copyFileSync(from, tmp)
  chmodSync(tmp, 0o755)
  renameSync(tmp, localBinary)
}

function remember(binary) {
  try {
    mkdirSync(dirname(cachedBinary), { recursive: true })
    copyFileSync(binary, `${cachedBinary}.tmp`)
    renameSync(`${cachedBinary}.tmp`, cachedBinary)
  } catch (err) {
    say(`could not cache the binary (${err.message}); continuing`)
  }
}

function goInstall() {
  const go = onPath('go')
  if (!go) return false
  const gobin = mkdtempSync(join(tmpdir(), 'mockroom-livekit-'))
  say(`building livekit-server v${LIVEKIT_VERSION} with ${go} (a few minutes on 2 cores)…`)
  const module = `github.com/livekit/livekit-server/cmd/server@v${LIVEKIT_VERSION}`
  const built = spawnSync(go, ['install', module], {
    stdio: 'inherit',
    env: { ...process.env, CGO_ENABLED: '0', GOBIN: gobin },
  })
  if (built.status !== 0) {
    say(`go install ${module} failed (exit ${built.status}); see its output above`)
    return false
  }
  installLocal(join(gobin, 'server')) // the main package is ./cmd/server
  rmSync(gobin, { recursive: true, force: true })
  return true
}

const ARCH = { x64: 'amd64', arm64: 'arm64', arm: 'armv7' }

async function download(url) {
  const res = await fetch(url, { redirect: 'follow' })
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`)
  return Buffer.from(await res.arrayBuffer())
}

// LiveKit publishes Linux (and Windows) archives; macOS users take `brew install livekit`.
async function releaseArchive() {
  const arch = ARCH[process.arch]
  if (process.platform !== 'linux' || !arch) return false
  const base = `https://github.com/livekit/livekit/releases/download/v${LIVEKIT_VERSION}`
  const name = `livekit_${LIVEKIT_VERSION}_linux_${arch}.tar.gz`
  say(`downloading ${base}/${name}…`)
  try {
    const sums = (await download(`${base}/livekit_${LIVEKIT_VERSION}_checksums.txt`)).toString()
    const expected = sums
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .find(([, file]) => file === name)?.[0]
    if (!expected) throw new Error(`${name} is not listed in the release's checksums`)
    const archive = await download(`${base}/${name}`)
    const actual = createHash('sha256').update(archive).digest('hex')
    if (actual !== expected) throw new Error(`checksum mismatch: ${actual} ≠ ${expected}`)
    const dir = mkdtempSync(join(tmpdir(), 'mockroom-livekit-'))
    writeFileSync(join(dir, name), archive)
    const tar = spawnSync('tar', ['xzf', name, 'livekit-server'], { cwd: dir, stdio: 'inherit' })
    if (tar.status !== 0) throw new Error('could not unpack the archive')
    installLocal(join(dir, 'livekit-server'))
    rmSync(dir, { recursive: true, force: true })
    return true
  } catch (err) {
    say(`release archive failed: ${err.message}`)
    return false
  }
}

async function main() {
  const found = findLivekitServer()
  if (found) {
    say(`using ${found} (${versionOf(found) ?? 'version unknown'}); nothing to do`)
    return
  }
  if (existsSync(cachedBinary) && versionOf(cachedBinary)) {
    installLocal(cachedBinary)
    say(`copied the cached build ${cachedBinary} to ${localBinary}`)
    return
  }
  if (goInstall() || (await releaseArchive())) {
    remember(localBinary)
    say(`installed ${localBinary} (${versionOf(localBinary)})`)
    return
  }
  console.error(
    [
      '[livekit] could not get livekit-server. Any one of these works:',
      '  - install Go ≥ 1.26 and run `pnpm livekit:install` again (builds the pinned version);',
      '  - `brew install livekit` (macOS) or `curl -sSL https://get.livekit.io | bash` (Linux),',
      '    then make sure `livekit-server` is on PATH;',
      '  - use LiveKit Cloud or another server: set LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET.',
      'Mockroom runs without it; only the audio call is offline.',
    ].join('\n'),
  )
  process.exitCode = 1
}

await main()
