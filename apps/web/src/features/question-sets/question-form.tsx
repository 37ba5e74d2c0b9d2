'use client'

import {
  blankDraft,
  draftMinutes,
  questionDraftSchema,
  questionTypes,
  type Difficulty,
  type QuestionDraft,
  type QuestionType,
} from '@mockroom/questions'
import { useId, useMemo, useState } from 'react'
import { describeFailure } from '../../lib/api-error'
import { CandidatePreview, InterviewerPreview } from './question-preview'

interface FormSection {
  key: string
  title: string
  minutes: string
  prompt: string
  rubric: string
  coverage: string
}

interface FormState {
  title: string
  type: QuestionType
  company: string
  difficulty: Difficulty
  tags: string
  prompt: string
  hints: string
  sections: FormSection[]
  followUps: string
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)

function toForm(d: QuestionDraft): FormState {
  return {
    title: d.title,
    type: d.type,
    company: d.company,
    difficulty: d.difficulty,
    tags: d.tags.join(', '),
    prompt: d.prompt,
    hints: d.hints.join('\n'),
    sections: d.sections.map((s) => ({
      ...s,
      minutes: String(s.minutes),
      coverage: s.coverage.join('\n'),
    })),
    followUps: d.followUps.join('\n'),
  }
}

function toDraft(f: FormState): QuestionDraft {
  return {
    title: f.title.trim(),
    type: f.type,
    company: f.company.trim(),
    difficulty: f.difficulty,
    tags: f.tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    prompt: f.prompt.trim(),
    hints: lines(f.hints),
    sections: f.sections.map((s) => ({
      key: s.key.trim(),
      title: s.title.trim(),
      minutes: Number(s.minutes),
      prompt: s.prompt.trim(),
      rubric: s.rubric.trim(),
      coverage: lines(s.coverage),
    })),
    followUps: lines(f.followUps),
  }
}

interface Props {
  initial: QuestionDraft
  /** "Save question" for a new one, "Save as a new version" for an edit */
  saveLabel: string
  onSave: (draft: QuestionDraft) => Promise<void>
  onCancel: () => void
}

/** Every field of a question, with what the candidate and the interviewer will see beside it. */
export function QuestionForm({ initial, saveLabel, onSave, onCancel }: Props) {
  const id = useId()
  const [form, setForm] = useState<FormState>(() => toForm(initial))
  const [problems, setProblems] = useState<string[]>([])
  const [saving, setSaving] = useState(false)
  const draft = useMemo(() => toDraft(form), [form])
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((f) => ({ ...f, [key]: value }))
  const setSection = (i: number, patch: Partial<FormSection>) =>
    setForm((f) => ({
      ...f,
      sections: f.sections.map((s, j) => (j === i ? { ...s, ...patch } : s)),
    }))

  const save = async () => {
    const parsed = questionDraftSchema.safeParse(draft)
    if (!parsed.success) {
      setProblems(
        parsed.error.issues.map(
          (i) => `${i.path.length ? `${i.path.join(' › ')}: ` : ''}${i.message}`,
        ),
      )
      return
    }
    setProblems([])
    setSaving(true)
    try {
      await onSave(parsed.data)
    } catch (error) {
      setProblems([describeFailure(error, 'The question could not be saved. Please try again.')])
    } finally {
      setSaving(false)
    }
  }

  const field = (name: string) => `${id}-${name}`
  return (
    <div className="question-editor">
      <form
        className="card question-form"
        aria-label="Question"
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <div className="field">
          <label htmlFor={field('title')}>Title</label>
          <input
            id={field('title')}
            value={form.title}
            onChange={(e) => set('title', e.target.value)}
          />
        </div>
        <div className="question-form__row">
          <div className="field">
            <label htmlFor={field('type')}>Type</label>
            <select
              id={field('type')}
              value={form.type}
              onChange={(e) => set('type', e.target.value as QuestionType)}
            >
              {questionTypes.map((t) => (
                <option key={t.type} value={t.type}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={field('company')}>Company</label>
            <input
              id={field('company')}
              value={form.company}
              onChange={(e) => set('company', e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={field('difficulty')}>Difficulty</label>
            <select
              id={field('difficulty')}
              value={form.difficulty}
              onChange={(e) => set('difficulty', e.target.value as Difficulty)}
            >
              <option value="easy">Easy</option>
              <option value="medium">Medium</option>
              <option value="hard">Hard</option>
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor={field('tags')}>Tags (comma-separated, lowercase-kebab)</label>
          <input
            id={field('tags')}
            value={form.tags}
            onChange={(e) => set('tags', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={field('prompt')}>Prompt for the candidate (Markdown)</label>
          <textarea
            id={field('prompt')}
            rows={6}
            value={form.prompt}
            onChange={(e) => set('prompt', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={field('hints')}>Interviewer hints (one per line)</label>
          <textarea
            id={field('hints')}
            rows={4}
            value={form.hints}
            onChange={(e) => set('hints', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={field('follow-ups')}>Follow-up questions (one per line)</label>
          <textarea
            id={field('follow-ups')}
            rows={3}
            value={form.followUps}
            onChange={(e) => set('followUps', e.target.value)}
          />
        </div>
        <fieldset className="question-form__sections">
          <legend>Answer sections and time boxes ({draftMinutes(draft) || 0} min in all)</legend>
          <p className="hint">
            The automated checks come from the type&apos;s template and apply to the sections whose
            keys they read (e.g. clarify, metrics).{' '}
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => set('sections', toForm(blankDraft(form.type)).sections)}
            >
              Use the sections of this type
            </button>
          </p>
          {form.sections.map((s, i) => (
            <SectionFields
              key={i}
              n={i + 1}
              id={`${id}-s${i}`}
              section={s}
              onChange={(patch) => setSection(i, patch)}
              onRemove={
                form.sections.length > 1
                  ? () =>
                      set(
                        'sections',
                        form.sections.filter((_, j) => j !== i),
                      )
                  : undefined
              }
            />
          ))}
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              set('sections', [
                ...form.sections,
                { key: '', title: '', minutes: '5', prompt: '', rubric: '', coverage: '' },
              ])
            }
          >
            Add a section
          </button>
        </fieldset>
        {problems.length > 0 && (
          <div role="alert" className="alert">
            <p>The question was not saved:</p>
            <ul>
              {problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={saving}
            aria-busy={saving}
          >
            {saveLabel}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
      <div className="question-editor__preview" aria-label="Live preview" role="region">
        <CandidatePreview draft={draft} />
        <InterviewerPreview draft={draft} />
      </div>
    </div>
  )
}

function SectionFields({
  n,
  id,
  section,
  onChange,
  onRemove,
}: {
  n: number
  id: string
  section: FormSection
  onChange: (patch: Partial<FormSection>) => void
  onRemove: (() => void) | undefined
}) {
  const label = `Section ${n}`
  return (
    <div className="question-form__section" role="group" aria-label={label}>
      <div className="question-form__row">
        <div className="field">
          <label htmlFor={`${id}-title`}>{label} title</label>
          <input
            id={`${id}-title`}
            value={section.title}
            onChange={(e) => onChange({ title: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-key`}>{label} key</label>
          <input
            id={`${id}-key`}
            value={section.key}
            onChange={(e) => onChange({ key: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-minutes`}>{label} minutes</label>
          <input
            id={`${id}-minutes`}
            type="number"
            min={1}
            max={60}
            value={section.minutes}
            onChange={(e) => onChange({ minutes: e.target.value })}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-prompt`}>{label} prompt</label>
        <input
          id={`${id}-prompt`}
          value={section.prompt}
          onChange={(e) => onChange({ prompt: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-rubric`}>{label} rubric</label>
        <textarea
          id={`${id}-rubric`}
          rows={2}
          value={section.rubric}
          onChange={(e) => onChange({ rubric: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-coverage`}>{label} coverage checklist (one per line)</label>
        <textarea
          id={`${id}-coverage`}
          rows={2}
          value={section.coverage}
          onChange={(e) => onChange({ coverage: e.target.value })}
        />
      </div>
      {onRemove && (
        <button type="button" className="button button--quiet button--small" onClick={onRemove}>
          Remove section {n}
        </button>
      )}
    </div>
  )
}
