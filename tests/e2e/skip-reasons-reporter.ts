import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter'

// The list reporter shows a skipped test without its reason; print the reason on one line.
export default class SkipReasonsReporter implements Reporter {
  onTestEnd(test: TestCase, result: TestResult) {
    if (result.status !== 'skipped') return
    const reason = test.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given'
    console.log(`skipped: ${test.titlePath().filter(Boolean).join(' › ')} — ${reason}`)
  }
}
