import { existsSync } from 'node:fs'
import type { LaunchOptions } from '@playwright/test'

// Debian's Chromium where there is one (this workplace cannot download Playwright's browser);
// otherwise Playwright's own. CHROMIUM_PATH overrides both.
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

/**
 * Chromium with a fake camera and microphone, allowed without asking: the microphone plays `wav`
 * when given, else Chromium's own beep (about once a second). `extraArgs` go after.
 */
export function fakeMediaLaunch(wav?: string, extraArgs: string[] = []): LaunchOptions {
  return {
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      ...extraArgs,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      ...(wav ? [`--use-file-for-fake-audio-capture=${wav}`] : []),
    ],
  }
}
