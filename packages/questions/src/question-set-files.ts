import { LineCounter, parseDocument } from 'yaml'
import { z } from 'zod'
import { questionDraftSchema, type QuestionDraft } from './custom-question'
import { parseQuestionMarkdown, questionToMarkdown, type FileProblem } from './question-markdown'

/** The JSON bundle's format name and version: a reader refuses any other. */
export const BUNDLE_FORMAT = 'mockroom-question-set'
export const BUNDLE_VERSION = 1

/** One question of a set with its file name's slug (`<slug>.md`), unique within the set. */
export interface SlugQuestion {
  slug: string
  draft: QuestionDraft
}

export interface ImportFile {
  name: string
  text: string
}

export interface ParsedImport {
  title: string | null
  questions: SlugQuestion[]
  problems: FileProblem[]
  /** files neither Markdown nor JSON (a zip's README.txt, images): left out, named here */
  skipped: string[]
}

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export const slugSchema = z
  .string()
  .max(80, 'a file name has at most 80 characters')
  .regex(kebabCase, 'a file name is lowercase kebab-case, e.g. grow-weekly-teams.md')

/** A kebab-case slug from a title or file name ("Grow Slack's teams!" → "grow-slack-s-teams"). */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return slug || 'question'
}

/** `slug` or, when taken, `slug-2`, `slug-3`… */
export function uniqueSlug(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted)) return wanted
  for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`
}

const bundleSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT, `format must be "${BUNDLE_FORMAT}"`),
    version: z.literal(BUNDLE_VERSION, `only version ${BUNDLE_VERSION} is read`),
    title: z.string().trim().min(1).max(200),
    questions: z.array(questionDraftSchema.extend({ slug: slugSchema })),
  })
  .strict()

export type QuestionSetBundle = z.input<typeof bundleSchema>

/** A set as one JSON bundle (pretty-printed, a newline at the end). */
export function setToBundle(title: string, questions: readonly SlugQuestion[]): string {
  const bundle: QuestionSetBundle = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    title,
    questions: questions.map((q) => ({ slug: q.slug, ...q.draft })),
  }
  return `${JSON.stringify(bundle, null, 2)}\n`
}

/** A set as Markdown files, one per question, named `<slug>.md`. */
export function setToMarkdownFiles(questions: readonly SlugQuestion[]): ImportFile[] {
  return questions.map((q) => ({ name: `${q.slug}.md`, text: questionToMarkdown(q.draft) }))
}

const baseName = (name: string) => name.split(/[\\/]/).pop() ?? name

/**
 * Reads what a coach imports: `.md` files (one question each, the slug from the file name) and
 * `.json` bundles. Pure; the caller unpacks a zip first. Problems name file and line.
 */
export function parseImportFiles(files: readonly ImportFile[]): ParsedImport {
  const out: ParsedImport = { title: null, questions: [], problems: [], skipped: [] }
  for (const file of files) {
    const name = baseName(file.name)
    if (/\.(md|markdown)$/i.test(name)) {
      const slug = slugSchema.safeParse(name.replace(/\.(md|markdown)$/i, ''))
      if (!slug.success) {
        out.problems.push({
          file: file.name,
          line: null,
          message: slug.error.issues[0]?.message ?? 'bad file name',
        })
        continue
      }
      const parsed = parseQuestionMarkdown(file.text, file.name)
      if (parsed.ok) out.questions.push({ slug: slug.data, draft: parsed.draft })
      else out.problems.push(...parsed.problems)
    } else if (/\.json$/i.test(name)) {
      readBundle(file, out)
    } else out.skipped.push(file.name)
  }
  const seen = new Set<string>()
  for (const q of out.questions) {
    if (seen.has(q.slug))
      out.problems.push({
        file: `${q.slug}.md`,
        line: null,
        message: 'two questions have this file name',
      })
    seen.add(q.slug)
  }
  return out
}

function readBundle(file: ImportFile, out: ParsedImport): void {
  let json: unknown
  try {
    json = JSON.parse(file.text)
  } catch (err) {
    out.problems.push({
      file: file.name,
      line: jsonErrorLine(file.text, err),
      message: 'not valid JSON',
    })
    return
  }
  const parsed = bundleSchema.safeParse(json)
  if (!parsed.success) {
    const lineOf = jsonLineFinder(file.text)
    out.problems.push(
      ...parsed.error.issues.slice(0, 20).map((issue) => ({
        file: file.name,
        line: lineOf(issue.path),
        message: `${issue.path.join('.') || 'bundle'}: ${issue.message}`,
      })),
    )
    return
  }
  out.title ??= parsed.data.title
  for (const { slug, ...draft } of parsed.data.questions) out.questions.push({ slug, draft })
}

// JSON is YAML too: the YAML parser's line counter finds the line of a path in a bundle
function jsonLineFinder(text: string): (path: PropertyKey[]) => number | null {
  const counter = new LineCounter()
  const doc = parseDocument(text, { lineCounter: counter })
  return (path) => {
    // the deepest node of the path that exists: a missing field points at its object
    for (let n = path.length; n >= 0; n--) {
      const node: unknown =
        n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as (string | number)[], true)
      const range = (node as { range?: [number, number, number] } | null)?.range
      if (range) return counter.linePos(range[0]).line
    }
    return null
  }
}

// V8 says "… at position 123" (or "line 4 column 2"): a line number is friendlier
function jsonErrorLine(text: string, err: unknown): number | null {
  const message = err instanceof Error ? err.message : ''
  const line = /line (\d+)/.exec(message)
  if (line?.[1]) return Number(line[1])
  const at = /position (\d+)/.exec(message)
  if (!at?.[1]) return null
  return text.slice(0, Number(at[1])).split('\n').length
}
