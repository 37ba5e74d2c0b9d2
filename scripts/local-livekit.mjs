// `pnpm start` brings its own call server: with LIVEKIT_URL unset and a `livekit-server` binary
// at hand, it runs `livekit-server --dev` (ws://localhost:7880, key devkey / secret secret — the web
// app's defaults) with its webhook pointed at the web app, and stops it with the app. Without a
// binary it prepares one in the background (`pnpm livekit:install`) while the app already runs, and
// tells the web app how that goes through a status file the call panel reads
// (DATA_DIR/call-server.json: preparing, ready or unavailable); LIVEKIT_AUTO_INSTALL=false turns
// that off.
import { spawn } from 'node:child_process'
import { createWriteStream, mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { join } from 'node:path'
import { stopProcess } from './cluster-process.mjs'
import { findLivekitServer, projectRoot } from './livekit-binary.mjs'

const DEV_PORT = 7880

function listening(port) {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    socket.once('connect', () => resolve(socket.end() && true))
    socket.once('error', () => resolve(false))
  })
}

/** The webhook part of LiveKit's config; the API key must be one of the server's keys. */
export function webhookConfig(apiKey, webPort) {
  return `webhook:\n  api_key: ${apiKey}\n  urls:\n    - http://localhost:${webPort}/api/livekit/webhook\n`
}

/** Writes the call server's state for the web app (atomically: it may read at any moment). */
export function writeCallServerState(dataDir, state) {
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, 'call-server.json')
  writeFileSync(`${file}.tmp`, JSON.stringify({ ...state, at: Date.now() }))
  renameSync(`${file}.tmp`, file)
}

function runLivekitServer({ binary, env, webPort, log }) {
  mkdirSync(env.DATA_DIR, { recursive: true })
  const logFile = join(env.DATA_DIR, 'livekit-server.log')
  const out = createWriteStream(logFile, { flags: 'a' })
  const child = spawn(binary, ['--dev', '--config-body', webhookConfig('devkey', webPort)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout.pipe(out)
  child.stderr.pipe(out)
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM')
      log(`livekit-server exited (${code ?? signal}); see ${logFile}`)
  })
  log(`call server: livekit-server --dev on ws://localhost:${DEV_PORT} (log: ${logFile})`)
  return child
}

/** Runs `pnpm livekit:install` in the background, its lines prefixed; resolves to its success. */
function prepareInBackground({ env, log }) {
  const started = Date.now()
  const child = spawn(process.execPath, [join(projectRoot, 'scripts/livekit-install.mjs')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const relay = (chunk) => {
    for (const line of String(chunk).split('\n')) if (line.trim()) log(`  ${line.trim()}`)
  }
  child.stdout.on('data', relay)
  child.stderr.on('data', relay)
  // a Go build prints little for minutes: say it is still going
  const ticker = setInterval(() => {
    const minutes = Math.round((Date.now() - started) / 60_000)
    log(`call server: still preparing (${minutes} min); the app works meanwhile`)
  }, 60_000)
  ticker.unref()
  return {
    child,
    done: new Promise((resolve) =>
      child.on('exit', (code) => {
        clearInterval(ticker)
        resolve(code === 0)
      }),
    ),
  }
}

/**
 * Starts a local LiveKit server when it makes sense. Returns a handle whose `stop()` ends the
 * server or a preparation still running; `null` when a server is elsewhere (LIVEKIT_URL, port).
 * `autoInstall: false` skips the background preparation (the cluster runs keep their start fast).
 */
export async function startLocalLivekit({ env, webPort, log, autoInstall = true }) {
  if (env.LIVEKIT_URL) {
    log(`call server: ${env.LIVEKIT_URL} (LIVEKIT_URL)`)
    return null
  }
  if (await listening(DEV_PORT)) {
    log(
      `call server: something already listens on ${DEV_PORT}; using it as ws://localhost:${DEV_PORT}`,
    )
    writeCallServerState(env.DATA_DIR, { state: 'ready' })
    return null
  }
  const binary = findLivekitServer()
  if (binary) {
    writeCallServerState(env.DATA_DIR, { state: 'ready' })
    const child = runLivekitServer({ binary, env, webPort, log })
    return { stop: () => stopProcess(child) }
  }
  if (!autoInstall || env.LIVEKIT_AUTO_INSTALL === 'false') {
    log('no livekit-server found: everything works except the audio call ("Audio offline").')
    log('  `pnpm livekit:install` gets one (or set LIVEKIT_URL to a LiveKit server you have).')
    writeCallServerState(env.DATA_DIR, { state: 'unavailable' })
    return null
  }
  log(
    'no livekit-server found: preparing one in the background (LIVEKIT_AUTO_INSTALL=false skips this)',
  )
  writeCallServerState(env.DATA_DIR, { state: 'preparing' })
  const preparing = prepareInBackground({ env, log })
  let server = null
  let stopped = false
  void preparing.done.then(async (ok) => {
    const built = ok && findLivekitServer()
    if (stopped) return
    if (!built) {
      log('call server: could not prepare livekit-server (see above); the call stays offline')
      writeCallServerState(env.DATA_DIR, { state: 'unavailable' })
      return
    }
    server = runLivekitServer({ binary: built, env, webPort, log })
    // "ready" once it answers, so the call panel's next try joins rather than fails
    for (let i = 0; i < 100 && server.exitCode === null; i++) {
      if (await listening(DEV_PORT)) break
      await new Promise((r) => setTimeout(r, 200))
    }
    writeCallServerState(env.DATA_DIR, {
      state: server.exitCode === null ? 'ready' : 'unavailable',
    })
  })
  return {
    async stop() {
      stopped = true
      await Promise.all([stopProcess(preparing.child), server && stopProcess(server)])
    },
  }
}
