import type { UpdateRow } from '@mockroom/store'
import { describe, expect, it, vi } from 'vitest'
import { CommitWindow, type CommitTarget } from './commit-window'
import { gate } from '../../test/fake-socket'
import { logger } from '../../test/test-kit'

class Target implements CommitTarget<string> {
  hasFailed = false
  seen: Array<{ entries: string[]; lastId: number }> = []
  failures = 0
  constructor(readonly name: string) {}
  committed(entries: string[], lastId: number) {
    this.seen.push({ entries, lastId })
  }
  storageFailed() {
    this.hasFailed = true
    this.failures++
  }
}

const row = (doc: string): UpdateRow => ({
  doc,
  data: new Uint8Array([1]),
  author: 'a',
  createdAt: 0,
})

function store(opts: { wait?: Promise<void>; fail?: () => boolean } = {}) {
  const calls: UpdateRow[][] = []
  let id = 0
  return {
    calls,
    updates: {
      async appendUpdates(rows: ReadonlyArray<UpdateRow>) {
        calls.push([...rows])
        await opts.wait
        if (opts.fail?.()) throw new Error('disk full')
        return rows.map(() => ++id)
      },
    },
  }
}

describe('commit window', () => {
  it('writes the updates of every document queued in one turn in one transaction', async () => {
    const s = store()
    const window = new CommitWindow<string>(s, logger)
    const [a, b] = [new Target('a'), new Target('b')]
    const done = [
      window.add(a, row('a'), 'a1'),
      window.add(b, row('b'), 'b1'),
      window.add(a, row('a'), 'a2'),
    ]
    await Promise.all(done)
    expect(s.calls).toHaveLength(1)
    expect(s.calls[0]?.map((r) => r.doc)).toEqual(['a', 'b', 'a'])
    expect(a.seen).toEqual([{ entries: ['a1', 'a2'], lastId: 3 }])
    expect(b.seen).toEqual([{ entries: ['b1'], lastId: 2 }])
  })

  it('hands nothing back before the commit, and batches stay in order', async () => {
    const slow = gate()
    const s = store({ wait: slow.wait })
    const window = new CommitWindow<string>(s, logger)
    const a = new Target('a')
    const first = window.add(a, row('a'), 'a1')
    // the first window closes and its write starts (and hangs on the gate)
    await vi.waitFor(() => expect(s.calls).toHaveLength(1), { interval: 1 })
    const second = window.add(a, row('a'), 'a2')
    await new Promise((r) => setTimeout(r, 10))
    // the first write is still open: nothing may be broadcast, the second batch waits its turn
    expect(a.seen).toEqual([])
    expect(s.calls).toHaveLength(1)
    slow.open()
    await Promise.all([first, second])
    expect(a.seen.map((x) => x.entries)).toEqual([['a1'], ['a2']])
  })

  it('a failed commit fails every document in it and hands back none of its updates', async () => {
    let fail = true
    const s = store({ fail: () => fail })
    const window = new CommitWindow<string>(s, logger)
    const [a, b] = [new Target('a'), new Target('b')]
    await Promise.all([window.add(a, row('a'), 'a1'), window.add(b, row('b'), 'b1')])
    expect([a.failures, b.failures]).toEqual([1, 1])
    expect([a.seen, b.seen]).toEqual([[], []])
    // a failed document writes nothing more; others carry on
    fail = false
    const c = new Target('c')
    await Promise.all([window.add(a, row('a'), 'a2'), window.add(c, row('c'), 'c1')])
    expect(s.calls.at(-1)?.map((r) => r.doc)).toEqual(['c'])
    expect(c.seen).toEqual([{ entries: ['c1'], lastId: 1 }])
  })
})
