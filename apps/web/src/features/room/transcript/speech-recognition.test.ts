import { describe, expect, it } from 'vitest'
import { readResults, type SpeechResultLike } from './speech-recognition'

const result = (transcript: string, isFinal: boolean): SpeechResultLike =>
  Object.assign([{ transcript }], { isFinal })

describe('readResults', () => {
  it('splits finals from interim text, from resultIndex on', () => {
    const results = [
      result('already sent', true),
      result(' we start', true),
      result(' with', false),
    ]
    expect(readResults({ resultIndex: 1, results })).toEqual({
      finals: ['we start'],
      interim: 'with',
    })
  })

  it('drops empty finals', () => {
    expect(readResults({ resultIndex: 0, results: [result('  ', true)] })).toEqual({
      finals: [],
      interim: '',
    })
  })
})
