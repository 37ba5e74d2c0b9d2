import { isMap, LineCounter, parseDocument, stringify, type Document } from 'yaml'
import type { z } from 'zod'
import {
  INTERVIEWER_NOTES_HEADING,
  questionDraftSchema,
  type QuestionDraft,
} from './custom-question'

/** One problem in an imported file: where it is (1-based line, when known) and what to fix. */
export interface FileProblem {
  file: string
  line: number | null
  message: string
}

export type ParsedQuestion =
  { ok: true; draft: QuestionDraft } | { ok: false; problems: FileProblem[] }

// the fields that live in the front matter, in the order a file lists them
const FRONT_FIELDS = ['title', 'type', 'company', 'difficulty', 'tags', 'sections', 'followUps']

/**
 * One question as a Markdown file: YAML front matter for the fields, the candidate's prompt as the
 * body, and the hints as a list under "## Interviewer notes". parseQuestionMarkdown reads it back
 * to the same fields.
 */
export function questionToMarkdown(draft: QuestionDraft): string {
  const front = {
    title: draft.title,
    type: draft.type,
    company: draft.company,
    difficulty: draft.difficulty,
    tags: draft.tags,
    sections: draft.sections.map((s) => ({
      key: s.key,
      title: s.title,
      minutes: s.minutes,
      prompt: s.prompt,
      ...(s.rubric ? { rubric: s.rubric } : {}),
      ...(s.coverage.length ? { coverage: s.coverage } : {}),
    })),
    ...(draft.followUps.length ? { followUps: draft.followUps } : {}),
  }
  // lineWidth 0: no folding, so what a coach wrote stays on the lines they wrote it
  const yaml = stringify(front, { lineWidth: 0, minContentWidth: 0 })
  const notes = draft.hints.length
    ? `\n\n${INTERVIEWER_NOTES_HEADING}\n\n${draft.hints.map((h) => `- ${h}`).join('\n')}`
    : ''
  return `---\n${yaml}---\n\n${draft.prompt}${notes}\n`
}

const problem = (file: string, line: number | null, message: string): FileProblem => ({
  file,
  line,
  message,
})

/** Reads one question file; every problem comes with its line where the file has one. */
export function parseQuestionMarkdown(text: string, file: string): ParsedQuestion {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
  if (lines[0]?.trim() !== '---')
    return fail(problem(file, 1, 'a question file starts with a front matter line "---"'))
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---')
  if (close < 0)
    return fail(problem(file, 1, 'the front matter is not closed: add a line "---" after it'))
  const counter = new LineCounter()
  const doc = parseDocument(lines.slice(1, close).join('\n'), {
    lineCounter: counter,
    prettyErrors: false,
    uniqueKeys: true,
  })
  // front matter line n is file line n + 1 (the opening "---")
  const yamlLine = (offset: number) => counter.linePos(offset).line + 1
  // a warning (an unknown tag such as !!js/function) is refused too: a field is plain data
  const yamlProblems = [...doc.errors, ...doc.warnings]
  if (yamlProblems.length)
    return fail(
      ...yamlProblems.map((e) =>
        problem(file, yamlLine(e.pos[0]), `YAML: ${e.message.split('\n')[0] ?? 'invalid'}`),
      ),
    )
  if (!isMap(doc.contents))
    return fail(problem(file, 2, 'the front matter must be fields such as "title: …"'))
  const front = doc.toJS({ maxAliasCount: 10 }) as Record<string, unknown>
  const misplaced = ['prompt', 'hints'].filter((k) => k in front)
  if (misplaced.length)
    return fail(
      ...misplaced.map((k) =>
        problem(
          file,
          lineOf(doc, [k], yamlLine) ?? 2,
          k === 'prompt'
            ? 'the prompt is the file body after the front matter, not a field'
            : `hints are a list under "${INTERVIEWER_NOTES_HEADING}" in the body, not a field`,
        ),
      ),
    )
  const body = readBody(lines, close + 1, file)
  if (!body.ok) return body
  const parsed = questionDraftSchema.safeParse({ ...front, prompt: body.prompt, hints: body.hints })
  if (parsed.success) return { ok: true, draft: parsed.data }
  return fail(
    ...parsed.error.issues.map((issue) =>
      problem(file, issueLine(issue, doc, yamlLine, body, close), describe(issue)),
    ),
  )
}

interface Body {
  ok: true
  prompt: string
  hints: string[]
  promptLine: number
  hintLines: number[]
  notesLine: number | null
}

function readBody(
  lines: string[],
  start: number,
  file: string,
): Body | { ok: false; problems: FileProblem[] } {
  const heading = lines.findIndex((l, i) => i >= start && l.trim() === INTERVIEWER_NOTES_HEADING)
  const promptLines = lines.slice(start, heading < 0 ? lines.length : heading)
  const firstText = promptLines.findIndex((l) => l.trim() !== '')
  const hints: string[] = []
  const hintLines: number[] = []
  const problems: FileProblem[] = []
  if (heading >= 0) {
    for (let i = heading + 1; i < lines.length; i++) {
      const l = lines[i] ?? ''
      if (l.trim() === '') continue
      const item = /^\s*[-*]\s+(.*)$/.exec(l)
      if (item?.[1]) {
        hints.push(item[1].trim())
        hintLines.push(i + 1)
      } else
        problems.push(
          problem(
            file,
            i + 1,
            `under "${INTERVIEWER_NOTES_HEADING}" each hint is one list item starting with "- "`,
          ),
        )
    }
  }
  if (problems.length) return { ok: false, problems }
  return {
    ok: true,
    prompt: promptLines.join('\n').trim(),
    hints,
    promptLine: start + 1 + Math.max(firstText, 0),
    hintLines,
    notesLine: heading >= 0 ? heading + 1 : null,
  }
}

function lineOf(
  doc: Document,
  path: PropertyKey[],
  yamlLine: (offset: number) => number,
): number | null {
  // the deepest node of the path that exists: a missing field points at its parent
  for (let n = path.length; n > 0; n--) {
    const node = doc.getIn(path.slice(0, n) as (string | number)[], true) as
      { range?: [number, number, number] } | undefined
    if (node && typeof node === 'object' && node.range) return yamlLine(node.range[0])
  }
  return null
}

function issueLine(
  issue: z.core.$ZodIssue,
  doc: Document,
  yamlLine: (offset: number) => number,
  body: Body,
  close: number,
): number | null {
  const [head, index] = issue.path
  if (head === 'prompt') return body.promptLine
  if (head === 'hints')
    return typeof index === 'number' ? (body.hintLines[index] ?? body.notesLine) : body.notesLine
  if (
    typeof head === 'string' &&
    !FRONT_FIELDS.includes(head) &&
    issue.code !== 'unrecognized_keys'
  )
    return close + 1
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]
    return key ? (lineOf(doc, [...issue.path, key], yamlLine) ?? 2) : 2
  }
  return lineOf(doc, issue.path, yamlLine) ?? 2
}

function describe(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? `${issue.path.join('.')}: ` : ''
  if (issue.code === 'unrecognized_keys')
    return `${where}unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')} (fields: ${FRONT_FIELDS.join(', ')})`
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined'))
    return `${where}missing`
  return `${where}${issue.message}`
}

function fail(...problems: FileProblem[]): { ok: false; problems: FileProblem[] } {
  return { ok: false, problems }
}
