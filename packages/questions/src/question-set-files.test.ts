import { describe, expect, it } from 'vitest'
import { draftFromQuestion } from './custom-question'
import { questions } from './questions'
import {
  BUNDLE_FORMAT,
  parseImportFiles,
  setToBundle,
  setToMarkdownFiles,
  slugify,
  uniqueSlug,
} from './question-set-files'

const set = questions.slice(0, 3).map((q) => ({ slug: q.id, draft: draftFromQuestion(q) }))

describe('question set files', () => {
  it('exports Markdown files that import back to the same fields and files', () => {
    const files = setToMarkdownFiles(set)
    const parsed = parseImportFiles(files)
    expect(parsed.problems).toEqual([])
    expect(parsed.questions).toEqual(set)
    expect(setToMarkdownFiles(parsed.questions)).toEqual(files)
  })

  it('exports a JSON bundle with its format and version that imports back', () => {
    const text = setToBundle('My set', set)
    expect(JSON.parse(text)).toMatchObject({ format: BUNDLE_FORMAT, version: 1, title: 'My set' })
    const parsed = parseImportFiles([{ name: 'set.json', text }])
    expect(parsed).toMatchObject({ title: 'My set', problems: [], questions: set })
    expect(setToBundle('My set', parsed.questions)).toBe(text)
  })

  it('refuses another format or version and reports bad JSON with its line', () => {
    const other = parseImportFiles([{ name: 'a.json', text: '{"format":"x","version":2}' }])
    expect(other.problems.map((p) => p.message).join(' ')).toMatch(/format must be/)
    const bundle = setToBundle('My set', set).replace(
      '"difficulty": "medium"',
      '"difficulty": "extreme"',
    )
    const wrong = parseImportFiles([{ name: 's.json', text: bundle }])
    expect(wrong.problems).toHaveLength(1)
    expect(wrong.problems[0]?.line).toBe(
      bundle.split('\n').findIndex((l) => l.includes('"extreme"')) + 1,
    )
    const bad = parseImportFiles([{ name: 'b.json', text: '{\n"a": 1,\n}' }])
    expect(bad.problems[0]).toMatchObject({ file: 'b.json', line: 3 })
  })

  it('skips other files and refuses bad or repeated file names', () => {
    const [one] = setToMarkdownFiles(set)
    const parsed = parseImportFiles([
      { name: 'folder/README.txt', text: 'hi' },
      { name: 'Bad Name.md', text: one?.text ?? '' },
      { name: 'a/x.md', text: one?.text ?? '' },
      { name: 'b/x.md', text: one?.text ?? '' },
    ])
    expect(parsed.skipped).toEqual(['folder/README.txt'])
    expect(parsed.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/kebab-case/),
      'two questions have this file name',
    ])
  })

  it('makes slugs from titles, unique within a set', () => {
    expect(slugify("Grow Slack's teams!")).toBe('grow-slack-s-teams')
    expect(slugify('¡¡')).toBe('question')
    expect(uniqueSlug('a', new Set(['a', 'a-2']))).toBe('a-3')
  })
})
