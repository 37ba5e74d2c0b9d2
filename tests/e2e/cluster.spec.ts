import { expect, test } from '@playwright/test'
import { join, openRoom } from './cluster-clients'
import {
  missingService,
  serverStates,
  serverStatus,
  startCluster,
  type Cluster,
} from './cluster-kit'
import { e2eWebPort } from './livekit-server-kit'

// Several instances behind a real HAProxy (`pnpm start:cluster`): 2 web + 2 sync processes, the
// local PostgreSQL (a fresh database) and Redis. Clients reach everything through the balancer.

const port = Number(process.env.E2E_CLUSTER_PORT ?? e2eWebPort() + 60)
let cluster: Cluster

test.beforeAll(async () => {
  // a cold start builds the web app and bundles the sync server first
  test.setTimeout(300_000)
  const missing = await missingService()
  test.skip(missing !== null, `${missing}: cluster suite skipped`)
  cluster = await startCluster(port)
})
test.afterAll(async () => cluster?.stop())

test('pages, API, health and metrics through one origin, round robin over the web instances', async () => {
  const before = await serverStates(cluster.admin)
  const page = await fetch(`${cluster.origin}/`)
  expect(page.status).toBe(200)
  expect(await page.text()).toContain('<html')
  for (let i = 0; i < 6; i++) expect((await fetch(`${cluster.origin}/api/questions`)).ok).toBe(true)
  const after = await serverStates(cluster.admin)
  for (const name of ['web1', 'web2']) {
    const total = (list: typeof after) => list.find((s) => s.server === name)?.total ?? 0
    expect(total(after) - total(before), name).toBeGreaterThanOrEqual(3)
  }

  const health = await fetch(`${cluster.origin}/healthz`)
  expect(health.status).toBe(200)
  expect(await health.json()).toEqual({ ok: true, store: 'ok', redis: 'ok' })
  // metrics are per instance: the balancer refuses them, each instance serves its own
  expect((await fetch(`${cluster.origin}/metrics`)).status).toBe(404)
  const room = await openRoom(cluster.origin)
  await join(cluster.origin, room.links.candidate, 'Cody')
  const counted = await Promise.all(
    ['web1', 'web2'].map(async (name) => {
      const res = await fetch(`http://127.0.0.1:${cluster.instances.get(name)?.port}/metrics`)
      expect(res.headers.get('content-type')).toContain('text/plain')
      return res.text()
    }),
  )
  expect(counted.join('\n')).toMatch(/mockroom_web_session_tokens_issued_total\{[^}]*kind="join"/)
  expect(counted.join('\n')).toMatch(/mockroom_web_api_requests_total\{[^}]*status="201"/)
})

test('kill -9 of a web instance: pages and API keep answering through the balancer', async () => {
  process.kill(cluster.instances.get('web1')?.pid ?? 0, 'SIGKILL')
  // at once, before any health check noticed: refused connections are retried on web2
  for (let i = 0; i < 4; i++) {
    expect((await fetch(`${cluster.origin}/`)).status).toBe(200)
    const room = await openRoom(cluster.origin)
    expect((await join(cluster.origin, room.links.candidate, 'Cody')).token).toBeTruthy()
  }
  await expect.poll(() => serverStatus(cluster, 'web', 'web1')).toMatch(/^DOWN/)
  expect((await fetch(`${cluster.origin}/healthz`)).status).toBe(200)
})
