import { describe, expect, it } from 'vitest'
import { isMalformedPath } from './malformed-path'

describe('a malformed request path', () => {
  it('is one whose percent-encoding does not decode', () => {
    for (const bad of [
      '/join/%E0%A4%A',
      '/api/join/%E0%A4%A',
      '/review/%ZZ',
      '/questions/%',
      '/a/%C0%80',
    ])
      expect(isMalformedPath(bad), bad).toBe(true)
    for (const good of [
      '/join/abc',
      '/review/a%20b/x',
      '/questions/%E0%A4%A4',
      '/api/rooms/x/links',
    ])
      expect(isMalformedPath(good), good).toBe(false)
  })
})
