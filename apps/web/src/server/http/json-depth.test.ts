import { describe, expect, it } from 'vitest'
import { jsonTooDeep } from './json-depth'

describe('jsonTooDeep', () => {
  it('counts arrays and objects, not brackets inside strings', () => {
    expect(jsonTooDeep('{"a":[1,{"b":[]}]}', 4)).toBe(false)
    expect(jsonTooDeep('{"a":[1,{"b":[]}]}', 3)).toBe(true)
    expect(jsonTooDeep('{"a":"[[[[[[[[[[\\"[[[["}', 1)).toBe(false)
    expect(jsonTooDeep('[]', 0)).toBe(true)
  })

  it('stops early on a deep body', () => {
    expect(jsonTooDeep('['.repeat(1_000_000), 16)).toBe(true)
  })
})
