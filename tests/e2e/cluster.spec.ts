import { expect, request } from '@playwright/test'
import { test } from './browsers-fixture'
import {
  connectAnswer,
  join,
  openRoom,
  typist,
  whenDoc,
  type Client,
  type Joined,
} from './cluster-clients'
import {
  addSyncInstance,
  missingService,
  serviceAddresses,
  pinSync,
  serverStates,
  serverStatus,
  startCluster,
  syncSessions,
  unpinSync,
  type Cluster,
} from './cluster-kit'
import { e2eWebPort } from './livekit-server-kit'
import { startTcpProxy, type TcpProxy } from '@mockroom/test-support/tcp-proxy'
import { createRoom, joinAs } from './room-kit'

// Several instances behind a real HAProxy (`pnpm start:cluster`): 2 web + 2 sync processes, the
// local PostgreSQL (a fresh database) and Redis. Clients reach everything through the balancer.

const port = Number(process.env.E2E_CLUSTER_PORT ?? e2eWebPort() + 60)
let cluster: Cluster
// every instance reaches PostgreSQL and Redis through these hops, so a test can cut them
let database: TcpProxy
let redis: TcpProxy

test.beforeAll(async () => {
  // a cold start builds the web app and bundles the sync server first
  test.setTimeout(300_000)
  // under CI=true a missing HAProxy, PostgreSQL or Redis fails the suite instead of skipping it
  const missing = await missingService()
  test.skip(missing !== null, `${missing}: cluster suite skipped`)
  const services = serviceAddresses()
  database = await startTcpProxy(() => [services.database])
  redis = await startTcpProxy(() => [services.redis])
  cluster = await startCluster(port, { databasePort: database.port, redisPort: redis.port })
})
test.afterAll(async () => {
  await cluster?.stop()
  await Promise.all([database?.close(), redis?.close()])
})

const text = (c: Client, name: string) => c.doc.getText(name).toJSON()

/** Connects `joined` while only `server` takes new connections. */
async function connectOn(server: string, joined: Joined): Promise<Client> {
  await pinSync(cluster, server)
  const client = await connectAnswer(joined)
  await unpinSync(cluster)
  return client
}

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

test('two clients on different sync instances see each other’s typing', async () => {
  const room = await openRoom(cluster.origin)
  const ivy = await join(cluster.origin, room.links.interviewer, 'Ivy')
  const cody = await join(cluster.origin, room.links.candidate, 'Cody')
  expect(ivy.syncUrl).toBe(`ws://localhost:${port}/sync`)
  const a = await connectOn('sync1', ivy)
  const b = await connectOn('sync2', cody)
  expect(await syncSessions(cluster)).toMatchObject({ sync1: 1, sync2: 1 })

  a.doc.getText('ivy').insert(0, 'typed on sync1')
  b.doc.getText('cody').insert(0, 'typed on sync2')
  await whenDoc(b.doc, () => text(b, 'ivy') === 'typed on sync1', 'sync2 client sees sync1 typing')
  await whenDoc(a.doc, () => text(a, 'cody') === 'typed on sync2', 'sync1 client sees sync2 typing')
  a.close()
  b.close()
})

test('two browsers on different sync instances see each other’s typing', async ({ browsers }) => {
  const room = await createRoomThroughBalancer()
  await pinSync(cluster, 'sync1')
  const ivy = await joinAs(browsers, room.links.interviewer, 'Ivy Interviewer')
  await pinSync(cluster, 'sync2')
  const cody = await joinAs(browsers, room.links.candidate, 'Cody Candidate')
  await unpinSync(cluster)
  const onSync = await syncSessions(cluster)
  // each browser holds its documents (answer, private, control) on its own instance
  expect(onSync.sync1).toBeGreaterThanOrEqual(1)
  expect(onSync.sync2).toBeGreaterThanOrEqual(1)

  await ivy.getByRole('button', { name: 'Reveal question' }).click()
  await ivy.getByRole('button', { name: 'Start interview' }).click()
  const clarify = { name: 'Clarify', exact: true }
  await cody.getByRole('textbox', clarify).click()
  await cody.keyboard.type('Who are the users?')
  await expect(ivy.getByRole('textbox', clarify)).toContainText('Who are the users?')
  await ivy.getByRole('textbox', clarify).press('End')
  await ivy.keyboard.type(' Commuters.')
  await expect(cody.getByRole('textbox', clarify)).toContainText('Who are the users? Commuters.')
})

async function createRoomThroughBalancer() {
  const api = await request.newContext({ baseURL: cluster.origin })
  const bank = (await (await api.get('/api/questions')).json()) as {
    questions: { id: string; type: string }[]
  }
  const question = bank.questions.find((q) => q.type === 'product-improvement')
  const room = await createRoom(api, question?.id ?? '')
  await api.dispose()
  return room
}

const everyInstance = [
  ['web', 'web1'],
  ['web', 'web2'],
  ['sync', 'sync1'],
  ['sync', 'sync2'],
] as const

/**
 * Cuts `hop` while a writer on sync1 and a reader on sync2 share a room: every instance must leave
 * the rotation (its /healthz turns 503) and the balancer answer 503; once the hop is back, all
 * return and what was typed during the outage reaches the reader and the store.
 */
async function outage(hop: TcpProxy) {
  const room = await openRoom(cluster.origin)
  const a = await connectOn('sync1', await join(cluster.origin, room.links.interviewer, 'Ivy'))
  const b = await connectOn('sync2', await join(cluster.origin, room.links.candidate, 'Cody'))
  a.doc.getText('ivy').insert(0, 'before.')
  await whenDoc(b.doc, () => text(b, 'ivy') === 'before.', 'typing before the outage')

  hop.cut()
  for (const [backend, server] of everyInstance)
    await expect
      .poll(() => serverStatus(cluster, backend, server), { timeout: 15_000 })
      .toMatch(/^DOWN/)
  expect((await fetch(`${cluster.origin}/`)).status).toBe(503)
  a.doc.getText('ivy').insert(7, ' during.')

  hop.restore()
  for (const [backend, server] of everyInstance)
    await expect.poll(() => serverStatus(cluster, backend, server), { timeout: 15_000 }).toBe('UP')
  expect((await fetch(`${cluster.origin}/`)).status).toBe(200)
  await whenDoc(
    b.doc,
    () => text(b, 'ivy') === 'before. during.',
    'typing during the outage',
    30_000,
  )
  const c = await connectAnswer(await join(cluster.origin, room.links.observer, 'Olga'))
  await whenDoc(c.doc, () => text(c, 'ivy') === 'before. during.', 'a newcomer reads it')
  for (const client of [a, b, c]) client.close()
}

test('PostgreSQL unreachable: instances leave the rotation, and come back with nothing lost', async () => {
  await outage(database)
})

test('Redis unreachable: instances leave the rotation, and come back with nothing lost', async () => {
  await outage(redis)
})

test.describe('faults', () => {
  test.describe.configure({ mode: 'serial' })
  let room: Awaited<ReturnType<typeof openRoom>>
  let ivy: Joined
  let cody: Joined
  let a: Client
  let b: Client

  test('kill -9 of a sync instance mid-typing: clients reconnect to a survivor, nothing lost', async () => {
    room = await openRoom(cluster.origin)
    ivy = await join(cluster.origin, room.links.interviewer, 'Ivy')
    cody = await join(cluster.origin, room.links.candidate, 'Cody')
    a = await connectOn('sync1', ivy)
    b = await connectOn('sync2', cody)
    const typingA = typist(a, 'ivy')
    const typingB = typist(b, 'cody')
    await whenDoc(b.doc, () => text(b, 'ivy').length >= 10, 'typing reaches the other instance')

    const back = new Promise<void>((resolve) =>
      a.provider.on('status', ({ status }: { status: string }) => {
        if (status === 'connected') resolve()
      }),
    )
    process.kill(cluster.instances.get('sync1')?.pid ?? 0, 'SIGKILL')
    await back
    // typing goes on through the survivor: the other side sees text typed after the reconnect
    const mark = text(a, 'ivy').length
    await whenDoc(b.doc, () => text(b, 'ivy').length >= mark + 10, 'typing after the reconnect')
    const typedA = typingA.stop()
    const typedB = typingB.stop()

    await whenDoc(b.doc, () => text(b, 'ivy') === typedA, 'all of A’s typing at B')
    await whenDoc(a.doc, () => text(a, 'cody') === typedB, 'all of B’s typing at A')
    expect(text(a, 'ivy')).toBe(typedA)
    expect(text(b, 'cody')).toBe(typedB)
    await expect.poll(() => serverStatus(cluster, 'sync', 'sync1')).toMatch(/^DOWN/)
    expect(await syncSessions(cluster)).toMatchObject({ sync1: 0, sync2: 2 })

    // and it is stored: a newcomer reads both texts whole
    const c = await connectAnswer(await join(cluster.origin, room.links.observer, 'Olga'))
    await whenDoc(
      c.doc,
      () => text(c, 'ivy') === typedA && text(c, 'cody') === typedB,
      'a newcomer reads everything typed',
    )
    c.close()
  })

  test('a sync instance added while rooms are live takes new connections', async () => {
    const added = await addSyncInstance(cluster, 'sync3', port + 13)
    try {
      await expect
        .poll(() => serverStatus(cluster, 'sync', 'sync3'), { timeout: 30_000 })
        .toBe('UP')
      // sync1 is down: new connections alternate between sync2 and the new sync3
      const newcomers = await Promise.all(
        ['Oda', 'Oli', 'Ola', 'Ove'].map(async (name) =>
          connectAnswer(await join(cluster.origin, room.links.observer, name)),
        ),
      )
      expect((await syncSessions(cluster)).sync3).toBeGreaterThanOrEqual(1)
      const writer = await connectOn('sync3', cody)
      writer.doc.getText('late').insert(0, 'from the new instance')
      await whenDoc(a.doc, () => text(a, 'late') === 'from the new instance', 'sync3 → sync2')
      a.doc.getText('early').insert(0, 'to the new instance')
      for (const n of newcomers) {
        await whenDoc(n.doc, () => text(n, 'early') === 'to the new instance', 'sync2 → newcomers')
        n.close()
      }
      writer.close()
    } finally {
      a.close()
      b.close()
      await added.stop()
    }
  })
})

test('kill -9 of a web instance under traffic: no request fails, the balancer routes around it', async () => {
  // three clients with kept-alive connections, reading pages and the API in a loop
  let killed = false
  const statuses: number[] = []
  const client = async () => {
    for (let i = 0; i < 15; i++) {
      for (const path of ['/', '/api/questions']) {
        statuses.push((await fetch(`${cluster.origin}${path}`)).status)
      }
      if (i === 3 && !killed) {
        killed = true
        process.kill(cluster.instances.get('web1')?.pid ?? 0, 'SIGKILL')
      }
    }
  }
  await Promise.all([client(), client(), client()])
  expect(statuses).toHaveLength(90)
  expect(statuses.filter((s) => s !== 200)).toEqual([])
  // and writes right after: a room and a join through the survivor
  const room = await openRoom(cluster.origin)
  expect((await join(cluster.origin, room.links.candidate, 'Cody')).token).toBeTruthy()
  await expect.poll(() => serverStatus(cluster, 'web', 'web1')).toMatch(/^DOWN/)
  expect((await fetch(`${cluster.origin}/healthz`)).status).toBe(200)
})
