'use client'

import { questionTypes, type Difficulty, type QuestionType } from '@mockroom/questions'
import { useCallback, useId, useRef, type Dispatch, type SetStateAction } from 'react'
import { useTypedBeforeHydration } from '../../lib/use-typed-before-hydration'
import { difficultyLabels } from './type-label'

export interface FilterValues {
  query: string
  type: QuestionType | ''
  company: string
  difficulty: Difficulty | ''
}

export const emptyFilter: FilterValues = { query: '', type: '', company: '', difficulty: '' }

const difficulties: Difficulty[] = ['easy', 'medium', 'hard']

interface Props {
  value: FilterValues
  /** a state setter, so a pre-hydration query can be merged without a stale `value` */
  onChange: Dispatch<SetStateAction<FilterValues>>
  companies: ReadonlyArray<string>
}

export function QuestionFilters({ value, onChange, companies }: Props) {
  const id = useId()
  const queryRef = useRef<HTMLInputElement>(null)
  const adoptQuery = useCallback(
    (query: string) => onChange((current) => ({ ...current, query })),
    [onChange],
  )
  useTypedBeforeHydration(queryRef, adoptQuery)
  const set = (patch: Partial<FilterValues>) => onChange({ ...value, ...patch })
  const active =
    value.query !== '' || value.type !== '' || value.company !== '' || value.difficulty !== ''

  return (
    <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
      <div className="field filters__search">
        <label htmlFor={`${id}-query`}>Search questions</label>
        <input
          ref={queryRef}
          id={`${id}-query`}
          type="text"
          inputMode="search"
          enterKeyHint="search"
          value={value.query}
          placeholder="e.g. metrics, Spotify, onboarding"
          onChange={(event) => set({ query: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-type`}>Type</label>
        <select
          id={`${id}-type`}
          value={value.type}
          onChange={(event) => set({ type: event.target.value as FilterValues['type'] })}
        >
          <option value="">All types</option>
          {questionTypes.map((info) => (
            <option key={info.type} value={info.type}>
              {info.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-company`}>Company</label>
        <select
          id={`${id}-company`}
          value={value.company}
          onChange={(event) => set({ company: event.target.value })}
        >
          <option value="">All companies</option>
          {companies.map((company) => (
            <option key={company} value={company}>
              {company}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-difficulty`}>Difficulty</label>
        <select
          id={`${id}-difficulty`}
          value={value.difficulty}
          onChange={(event) =>
            set({ difficulty: event.target.value as FilterValues['difficulty'] })
          }
        >
          <option value="">Any difficulty</option>
          {difficulties.map((level) => (
            <option key={level} value={level}>
              {difficultyLabels[level]}
            </option>
          ))}
        </select>
      </div>
      {active && (
        <button
          type="button"
          className="button button--quiet"
          onClick={() => onChange(emptyFilter)}
        >
          Clear filters
        </button>
      )}
    </form>
  )
}
