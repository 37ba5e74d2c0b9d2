import { readSectionText, sectionFragment } from '@mockroom/session-model'
import type { Store } from '@mockroom/store'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { freshDatabase, privateRedis, servicesMissing } from '@mockroom/test-support/services'
import { startTcpProxy } from '@mockroom/test-support/tcp-proxy'
import { seedRoom } from './control-kit'
import { exited, spawnSyncChild, type SyncChild } from './sync-child-kit'
import { provider, tempDataDir, token, until } from './test-kit'

// skipped with the reason in its title when a service is missing; under CI=true that fails
const unavailable = await servicesMissing('the sync cluster crash suite', [
  { kind: 'postgres' },
  { kind: 'redis-server' },
])
type Instance = SyncChild

const spawnInstance = (databaseUrl: string, redisUrl: string): Promise<Instance> =>
  spawnSyncChild({
    DATA_DIR: tempDataDir(),
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    LOG_LEVEL: 'silent',
  })

// One character per keystroke into the section's first paragraph, as an editor does.
function typeInto(doc: Y.Doc, section: string, ch: string) {
  const fragment = sectionFragment(doc, section)
  if (fragment.length === 0) {
    const p = new Y.XmlElement('paragraph')
    p.insert(0, [new Y.XmlText('')])
    fragment.insert(0, [p])
  }
  const text = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText
  text.insert(text.length, ch)
}

let db: Awaited<ReturnType<typeof freshDatabase>>
let redis: Awaited<ReturnType<typeof privateRedis>>
let store: Store
let instances: Instance[] = []
const cleanups: Array<() => void | Promise<void>> = []

describe.skipIf(unavailable !== null)(
  `a sync instance killed mid-typing${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    beforeEach(async () => {
      db = await freshDatabase()
      redis = await privateRedis()
      store = await seedRoom(
        { dataDir: tempDataDir(), databaseUrl: db.url },
        'alipay-international-customers',
      )
      instances = await Promise.all([
        spawnInstance(db.url, redis.url),
        spawnInstance(db.url, redis.url),
      ])
    })
    afterEach(async () => {
      for (const c of cleanups.splice(0).reverse()) await c()
      for (const i of instances) i.proc.kill('SIGKILL')
      await Promise.all(instances.map((i) => exited(i.proc)))
      await store.close()
      await redis.stop()
      await db.drop()
    })

    it('loses no character: clients reconnect through the balancer to the survivor', async () => {
      // round robin over the live instances, as the balancer does (no stickiness)
      const balancer = await startTcpProxy(() => instances.filter((i) => i.alive))
      cleanups.push(() => balancer.close())
      const x = await provider(balancer.port, 'ses1/answer', await token('interviewer'))
      const y = await provider(balancer.port, 'ses1/answer', await token('candidate'))
      cleanups.push(x.close, y.close)
      // one client on each instance, the interviewer on the one that dies
      for (const inst of instances) {
        const res = await fetch(`http://127.0.0.1:${inst.port}/healthz`)
        expect(((await res.json()) as { connections: number }).connections).toBe(1)
      }

      const xText = 'the interviewer keeps typing while an instance dies'
      const yText = 'and so does the candidate on the other one'
      const [victim] = instances
      if (!victim) throw new Error('no instance')
      let i = 0
      await new Promise<void>((resolve) => {
        const keystroke = setInterval(() => {
          if (i < xText.length) typeInto(x.doc, 'segments', xText[i] as string)
          if (i < yText.length) typeInto(y.doc, 'metrics', yText[i] as string)
          i++
          if (i === 20) victim.proc.kill('SIGKILL') // mid-word, with updates in flight
          if (i >= Math.max(xText.length, yText.length)) {
            clearInterval(keystroke)
            resolve()
          }
        }, 5)
      })
      await exited(victim.proc)

      // both clients end up on the survivor and see each other's every character
      await until(() => readSectionText(y.doc, 'segments') === xText, y.doc)
      await until(() => readSectionText(x.doc, 'metrics') === yText, x.doc)
      // and PostgreSQL holds all of it
      const { updates } = await store.updates.loadDoc('ses1/answer')
      const stored = new Y.Doc()
      for (const u of updates) Y.applyUpdate(stored, u)
      expect(readSectionText(stored, 'segments')).toBe(xText)
      expect(readSectionText(stored, 'metrics')).toBe(yText)
    }, 30_000)
  },
)
