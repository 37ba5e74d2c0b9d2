// pnpm bench:open — how fast a link becomes a synced, editable room, measured inside the page
// (a MutationObserver stamps when "Synced" shows and when the Clarify editor exists).
// Needs a running app: `pnpm start` (or BASE_URL=http://host:port).
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

const base = process.env.BASE_URL ?? 'http://localhost:3000'
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)
const RUNS = 5

declare global {
  interface Window {
    __marks: { synced?: number; editor?: number }
  }
}

const browser = await chromium.launch({
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
  ],
})
const questions = (await (await fetch(`${base}/api/questions`)).json()) as {
  questions: Array<{ id: string }>
}
const created = await fetch(`${base}/api/rooms`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ questionId: questions.questions[0]?.id }),
})
const room = (await created.json()) as { links: Record<string, string> }

const results: Record<string, number[]> = {
  'join → synced': [],
  'join → editor': [],
  'reopen link → synced': [],
}
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.addInitScript(() => {
    window.__marks = {}
    new MutationObserver(() => {
      const status = document.querySelector('[aria-labelledby="connection-label"]')
      if (status?.textContent === 'Synced') window.__marks.synced ??= performance.now()
      if (document.querySelector('[aria-label="Clarify"][contenteditable="true"]'))
        window.__marks.editor ??= performance.now()
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true })
  })
  const synced = page.getByRole('status', { name: 'Connection' }).filter({ hasText: 'Synced' })
  await page.goto(room.links.candidate ?? '')
  await page.getByLabel('Your name').fill(`Bench ${i}`)
  await page.waitForTimeout(1000) // a person reads the lobby; the room's code prefetches meanwhile
  const t0 = await page.evaluate(() => performance.now())
  await page.getByRole('button', { name: 'Join' }).click()
  await synced.waitFor()
  await page.locator('[aria-label="Clarify"][contenteditable="true"]').waitFor()
  const joined = await page.evaluate(() => window.__marks)
  results['join → synced']?.push((joined.synced ?? NaN) - t0)
  results['join → editor']?.push((joined.editor ?? NaN) - t0)
  await page.reload() // this tab joined before: the link opens straight into the room
  await synced.waitFor()
  results['reopen link → synced']?.push((await page.evaluate(() => window.__marks.synced)) ?? NaN)
  await context.close()
}
await browser.close()
for (const [label, xs] of Object.entries(results)) {
  const s = [...xs].sort((a, b) => a - b)
  console.log(
    `${label}: median ${s[Math.floor(s.length / 2)]?.toFixed(0)} ms, max ${s.at(-1)?.toFixed(0)} ms (${RUNS} runs)`,
  )
}
