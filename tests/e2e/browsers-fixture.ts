import {
  test as base,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
} from '@playwright/test'

/** Opens browser contexts (one per person) that the fixture closes after the test. */
export type Browsers = Pick<Browser, 'newContext'>

/**
 * `test` with a `browsers` fixture that owns every browser context a test opens: they close after
 * the test whether it passed or failed, so a failing test never leaks browsers into the next one.
 */
export const test = base.extend<{ browsers: Browsers }>({
  browsers: async ({ browser }, provide) => {
    const opened: BrowserContext[] = []
    await provide({
      newContext: async (options?: BrowserContextOptions) => {
        const context = await browser.newContext(options)
        opened.push(context)
        return context
      },
    })
    // a test may already have closed some (a person leaving): closing twice is harmless
    await Promise.all(opened.map((context) => context.close().catch(() => undefined)))
  },
})
