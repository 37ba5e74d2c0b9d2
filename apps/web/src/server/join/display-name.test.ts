import { describe, expect, it } from 'vitest'
import { cleanDisplayName } from './display-name'

describe('cleanDisplayName', () => {
  it('strips bidirectional overrides, isolates and invisible characters', () => {
    expect(cleanDisplayName('Eve\u202Enimda')).toBe('Evenimda')
    expect(cleanDisplayName('\u2066Bob\u2069\u200B\u00AD\uFEFF')).toBe('Bob')
    expect(cleanDisplayName('A\u0000\u0007\u009Fnn')).toBe('Ann')
    expect(cleanDisplayName('  Ann \t\n Lee  ')).toBe('Ann Lee')
    expect(cleanDisplayName('\u202E\u200B')).toBe('')
  })

  it('keeps emoji sequences and other scripts', () => {
    expect(cleanDisplayName('Zoë 👩‍💻 🇯🇵')).toBe('Zoë 👩‍💻 🇯🇵')
    expect(cleanDisplayName('李雷 محمد')).toBe('李雷 محمد')
  })
})
