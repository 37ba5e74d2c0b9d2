import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { findLivekitServer } from '../../scripts/livekit-binary.mjs'

// A LiveKit server the real-call suite owns (so it can restart it mid-call). The web app under test
// is pointed at its URL by playwright.config.ts; nothing listens there outside livekit-real.spec.ts,
// so the other specs see "audio offline".

export const LIVEKIT_KEY = 'devkey'
export const LIVEKIT_SECRET = 'secret'

/** HTTP/WebSocket port; RTC over TCP and UDP take the next two ports. */
export function e2eWebPort(): number {
  return Number(process.env.E2E_WEB_PORT ?? 3100)
}

export function e2eLivekitPort(): number {
  return Number(process.env.E2E_LIVEKIT_PORT ?? e2eWebPort() + 4700)
}

export function e2eLivekitUrl(): string {
  return `ws://127.0.0.1:${e2eLivekitPort()}`
}

function configBody(port: number, webhookUrl: string): string {
  return [
    `port: ${port}`,
    'bind_addresses: ["127.0.0.1"]',
    'rtc:',
    `  tcp_port: ${port + 1}`,
    `  udp_port: ${port + 2}`,
    '  use_external_ip: false',
    'keys:',
    `  ${LIVEKIT_KEY}: ${LIVEKIT_SECRET}`,
    'webhook:',
    `  api_key: ${LIVEKIT_KEY}`,
    '  urls:',
    `    - ${webhookUrl}`,
    'logging:',
    '  level: info',
  ].join('\n')
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`timed out waiting for ${what}`)
}

export class OwnedLivekitServer {
  private child: ChildProcess | null = null
  readonly url: string

  constructor(
    private readonly binary: string,
    private readonly webhookUrl: string,
    private readonly logPath: string,
    readonly port: number,
  ) {
    this.url = `ws://127.0.0.1:${port}`
  }

  /** null when no binary is at hand (`pnpm livekit:install` provides one) */
  static create(
    webhookUrl: string,
    logPath: string,
    port = e2eLivekitPort(),
  ): OwnedLivekitServer | null {
    const binary = findLivekitServer()
    return binary ? new OwnedLivekitServer(binary, webhookUrl, logPath, port) : null
  }

  /** the running server's process id (for CPU and memory readings) */
  get pid(): number | undefined {
    return this.child?.pid
  }

  private answers = async (): Promise<boolean> => {
    try {
      return (await fetch(`http://127.0.0.1:${this.port}/`)).ok
    } catch {
      return false
    }
  }

  async start(): Promise<void> {
    if (await this.answers()) throw new Error(`port ${this.port} is taken: another LiveKit server?`)
    const log = createWriteStream(this.logPath, { flags: 'a' })
    const child = spawn(this.binary, ['--config-body', configBody(this.port, this.webhookUrl)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout?.pipe(log)
    child.stderr?.pipe(log)
    this.child = child
    await waitUntil(this.answers, 20_000, `livekit-server on ${this.port} (log ${this.logPath})`)
  }

  async stop(): Promise<void> {
    const child = this.child
    if (!child || child.exitCode !== null) return
    this.child = null
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    await exited
    clearTimeout(timer)
    await waitUntil(async () => !(await this.answers()), 5_000, 'the port to be free')
  }

  /** Kills the server hard, as a crash would (a graceful stop waits for rooms to drain). */
  async kill(): Promise<void> {
    const child = this.child
    if (!child || child.exitCode !== null) return
    this.child = null
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGKILL')
    await exited
  }
}
