import { expect } from '@playwright/test'
import { test } from './browsers-fixture'
import { lobbyScripts } from './page-weight-kit'
import { bankQuestions, createRoom } from './room-kit'

// Issue 26 point 4: the lobby's JavaScript before the name field can be typed in, gzip bytes as
// a browser downloads them. A budget in bytes, not in time, so it may fail CI.
const LOBBY_JS_BUDGET = 150 * 1024

test('the lobby loads at most 150 KB of gzip JavaScript before the name field', async ({
  browsers,
  request,
}) => {
  const [question] = await bankQuestions(request)
  const room = await createRoom(request, question?.id ?? '')
  const page = await (await browsers.newContext()).newPage()
  const sizes = await lobbyScripts(page, room.links.candidate)
  const total = [...sizes.values()].reduce((a, b) => a + b, 0)
  const list = [...sizes].sort((a, b) => b[1] - a[1])
  console.log(
    `lobby JS before the name field: ${(total / 1024).toFixed(0)} KB gzip\n` +
      list.map(([url, n]) => `  ${(n / 1024).toFixed(1)} KB ${new URL(url).pathname}`).join('\n'),
  )
  expect(total, 'gzip bytes of JavaScript before the name field').toBeLessThanOrEqual(
    LOBBY_JS_BUDGET,
  )
})
