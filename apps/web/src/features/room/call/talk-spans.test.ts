import { describe, expect, it } from 'vitest'
import { TalkSpans, type Span } from './talk-spans'

function tracker() {
  const spans: Span[] = []
  return { spans, talk: new TalkSpans((s) => spans.push(s)) }
}

describe('TalkSpans', () => {
  it('emits one span per stretch of speaking', () => {
    const { spans, talk } = tracker()
    talk.speaking(true, 1000)
    talk.speaking(true, 1500) // repeated "speaking" changes nothing
    talk.speaking(false, 2200)
    talk.speaking(false, 2500)
    expect(spans).toEqual([{ startMs: 1000, endMs: 2200 }])
  })

  it('cuts long speech into chunks and closes the last one on stop', () => {
    const { spans, talk } = tracker()
    talk.speaking(true, 0)
    talk.tick(4000)
    talk.tick(5000)
    talk.tick(9000)
    talk.stop(9500)
    talk.stop(9900)
    expect(spans).toEqual([
      { startMs: 0, endMs: 5000 },
      { startMs: 5000, endMs: 9500 },
    ])
  })

  it('says nothing while silent', () => {
    const { spans, talk } = tracker()
    talk.tick(10_000)
    talk.stop(11_000)
    expect(spans).toEqual([])
  })
})
