import { gzipSync } from 'node:zlib'
import type { Page } from '@playwright/test'

/**
 * gzip sizes of the scripts the page asked for before its load event (the name field works then),
 * from the page's own resource timing: what the lobby fetches once idle after load is not counted.
 * Shared by page-weight.spec.ts (the CI budget) and `pnpm bench:call`.
 */
export async function lobbyScripts(page: Page, link: string): Promise<Map<string, number>> {
  await page.goto(link, { waitUntil: 'load' })
  const name = page.getByLabel('Your name')
  await name.waitFor()
  if (!(await name.isEditable())) throw new Error('the name field is not editable after load')
  const urls = await page.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]
    const loadAt = nav?.loadEventStart ?? Infinity
    return performance
      .getEntriesByType('resource')
      .filter((e) => e.startTime <= loadAt && new URL(e.name).pathname.endsWith('.js'))
      .map((e) => e.name)
  })
  const sizes = new Map<string, number>()
  for (const url of urls) {
    const body = await (await page.request.get(url)).body()
    sizes.set(url, gzipSync(body, { level: 9 }).length)
  }
  return sizes
}
