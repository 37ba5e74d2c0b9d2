import { describe, expect, it } from 'vitest'
import { getQuestion } from './get-question'
import { questions } from './questions'

describe('getQuestion', () => {
  it('returns the question with the given id', () => {
    for (const q of questions) {
      expect(getQuestion(q.id)).toBe(q)
    }
  })

  it('returns undefined for an unknown id', () => {
    expect(getQuestion('nope')).toBeUndefined()
  })

  it('matches ids exactly, not by prefix or case', () => {
    expect(getQuestion('wechat')).toBeUndefined()
    expect(getQuestion('WECHAT-PAY-OFFLINE-STORES')).toBeUndefined()
  })
})
