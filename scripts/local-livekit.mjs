// `pnpm start` brings its own call server: with LIVEKIT_URL unset and a `livekit-server` binary
// at hand, it runs `livekit-server --dev` (ws://localhost:7880, key devkey / secret secret — the web
// app's defaults) with its webhook pointed at the web app, and stops it with the app.
import { spawn } from 'node:child_process'
import { createWriteStream, mkdirSync } from 'node:fs'
import { connect } from 'node:net'
import { join } from 'node:path'
import { findLivekitServer } from './livekit-binary.mjs'

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

/** Starts a local LiveKit server when it makes sense; returns the child process or null. */
export async function startLocalLivekit({ env, webPort, log }) {
  if (env.LIVEKIT_URL) {
    log(`call server: ${env.LIVEKIT_URL} (LIVEKIT_URL)`)
    return null
  }
  const binary = findLivekitServer()
  if (!binary) {
    log('no livekit-server found: everything works except the audio call ("Audio offline").')
    log('  `pnpm livekit:install` gets one (or set LIVEKIT_URL to a LiveKit server you have).')
    return null
  }
  if (await listening(DEV_PORT)) {
    log(
      `call server: something already listens on ${DEV_PORT}; using it as ws://localhost:${DEV_PORT}`,
    )
    return null
  }
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
