import type { CheckSpec } from '@mockroom/session-model'
import type { AnswerTemplate, QuestionType } from './types'

// How the answer was delivered matters for every type; these thresholds are coaching rules of
// thumb (a PM candidate drives the talk, ~110–170 words a minute is easy to follow), not scores.
const deliveryChecks: CheckSpec[] = [
  { kind: 'time-boxes', graceMs: 30_000 },
  { kind: 'talk-share', minShare: 0.55 },
  { kind: 'speaking-pace', min: 110, max: 170 },
  { kind: 'fillers', maxPerMinute: 4 },
  { kind: 'monologue', maxMs: 180_000 },
]

const clarifyCheck: CheckSpec = { kind: 'clarifying-questions', section: 'clarify', min: 3 }

export const templates: Readonly<Record<QuestionType, AnswerTemplate>> = {
  'product-improvement': {
    type: 'product-improvement',
    sections: [
      {
        key: 'clarify',
        title: 'Clarify',
        prompt:
          'Ask about the product, the goal behind the improvement and any constraints before you commit to a direction.',
        minutes: 4,
      },
      {
        key: 'segments',
        title: 'Segments',
        prompt: 'List the main user groups, then pick one to focus on and say why.',
        minutes: 5,
      },
      {
        key: 'pain-points',
        title: 'Pain points',
        prompt:
          'Walk through how the chosen segment uses the product today and name the problems that hurt most.',
        minutes: 6,
      },
      {
        key: 'solutions',
        title: 'Solutions',
        prompt: 'Propose a few distinct ideas that each tackle one of the pain points you named.',
        minutes: 8,
      },
      {
        key: 'prioritization',
        title: 'Prioritization',
        prompt:
          'Compare your ideas on impact, effort and risk, and choose the one you would build first.',
        minutes: 4,
      },
      {
        key: 'metrics',
        title: 'Metrics',
        prompt:
          'Say which metric would show the chosen solution works and what you would watch so it does no harm.',
        minutes: 5,
      },
    ],
    checks: [
      clarifyCheck,
      { kind: 'choice-with-reason', section: 'segments', noun: 'segment' },
      { kind: 'listed', section: 'pain-points', min: 2, noun: 'pain points' },
      {
        kind: 'options-compared',
        section: 'solutions',
        compareIn: ['solutions', 'prioritization'],
        min: 2,
        noun: 'solutions',
      },
      { kind: 'metric-defined', section: 'metrics' },
      { kind: 'guardrail', section: 'metrics', dedicated: false },
      ...deliveryChecks,
    ],
  },
  'product-design': {
    type: 'product-design',
    sections: [
      {
        key: 'clarify',
        title: 'Clarify',
        prompt: 'Pin down what is being designed, for what purpose and within which constraints.',
        minutes: 4,
      },
      {
        key: 'users',
        title: 'Users',
        prompt: 'Describe the possible users and pick the group you will design for.',
        minutes: 5,
      },
      {
        key: 'needs',
        title: 'Needs',
        prompt:
          'Spell out the jobs that group is trying to get done and where today’s options fall short.',
        minutes: 6,
      },
      {
        key: 'solutions',
        title: 'Solutions',
        prompt: 'Sketch a few concepts and describe the core flow of the most promising one.',
        minutes: 8,
      },
      {
        key: 'prioritize',
        title: 'Prioritize',
        prompt: 'Decide what goes into a first version and what waits, and justify the cut.',
        minutes: 5,
      },
      {
        key: 'metrics',
        title: 'Metrics',
        prompt:
          'Choose the measure that tells you the first version succeeded, plus one guardrail.',
        minutes: 4,
      },
    ],
    checks: [
      clarifyCheck,
      { kind: 'choice-with-reason', section: 'users', noun: 'user group' },
      { kind: 'listed', section: 'needs', min: 2, noun: 'needs' },
      {
        kind: 'options-compared',
        section: 'solutions',
        compareIn: ['solutions', 'prioritize'],
        min: 2,
        noun: 'concepts',
      },
      { kind: 'metric-defined', section: 'metrics' },
      { kind: 'guardrail', section: 'metrics', dedicated: false },
      ...deliveryChecks,
    ],
  },
  'success-metrics': {
    type: 'success-metrics',
    sections: [
      {
        key: 'clarify',
        title: 'Clarify',
        prompt: 'Confirm what the product does, who it serves and what stage it is in.',
        minutes: 4,
      },
      {
        key: 'goals',
        title: 'Goals',
        prompt: 'State what success means for users and for the business in plain words.',
        minutes: 5,
      },
      {
        key: 'north-star',
        title: 'North star',
        prompt: 'Pick the single metric that best captures value delivered and defend that choice.',
        minutes: 5,
      },
      {
        key: 'supporting-metrics',
        title: 'Supporting metrics',
        prompt:
          'Break the north star into the acquisition, engagement and retention measures that drive it.',
        minutes: 8,
      },
      {
        key: 'guardrails',
        title: 'Guardrails',
        prompt: 'Name the metrics that must not get worse while you push the north star up.',
        minutes: 5,
      },
      {
        key: 'summary',
        title: 'Summary',
        prompt: 'Recap your metric set and say how you would act if the numbers moved.',
        minutes: 3,
      },
    ],
    checks: [
      clarifyCheck,
      { kind: 'metric-defined', section: 'north-star' },
      { kind: 'listed', section: 'supporting-metrics', min: 3, noun: 'supporting metrics' },
      { kind: 'guardrail', section: 'guardrails', dedicated: true },
      ...deliveryChecks,
    ],
  },
  'root-cause': {
    type: 'root-cause',
    sections: [
      {
        key: 'clarify',
        title: 'Clarify',
        prompt: 'Establish exactly which metric changed, by how much and over what period.',
        minutes: 4,
      },
      {
        key: 'scope',
        title: 'Data check',
        prompt:
          'Rule out tracking bugs, seasonality and definition changes before chasing real causes.',
        minutes: 5,
      },
      {
        key: 'hypotheses',
        title: 'Hypotheses',
        prompt: 'List plausible internal and external causes, grouped so none are missed.',
        minutes: 6,
      },
      {
        key: 'investigation',
        title: 'Investigation',
        prompt:
          'Explain how you would slice the data to confirm or reject each hypothesis, starting with the likeliest.',
        minutes: 7,
      },
      {
        key: 'root-cause',
        title: 'Root cause',
        prompt: 'State the cause you believe the evidence points to and how confident you are.',
        minutes: 3,
      },
      {
        key: 'fix',
        title: 'Fix & prevention',
        prompt:
          'Propose the immediate fix and a change that stops the problem from happening again.',
        minutes: 3,
      },
    ],
    checks: [
      clarifyCheck,
      { kind: 'listed', section: 'hypotheses', min: 3, noun: 'hypotheses' },
      { kind: 'choice-with-reason', section: 'root-cause', noun: 'cause' },
      ...deliveryChecks,
    ],
  },
  'trade-off': {
    type: 'trade-off',
    sections: [
      {
        key: 'clarify',
        title: 'Clarify',
        prompt:
          'Make sure you understand the decision, who it affects and the company’s current priorities.',
        minutes: 4,
      },
      {
        key: 'options',
        title: 'Options',
        prompt: 'Lay out the realistic choices, including a middle path where one exists.',
        minutes: 5,
      },
      {
        key: 'criteria',
        title: 'Criteria',
        prompt: 'Agree on the yardsticks you will judge the options by and how much each matters.',
        minutes: 5,
      },
      {
        key: 'analysis',
        title: 'Analysis',
        prompt: 'Score each option against the criteria and call out the biggest uncertainties.',
        minutes: 8,
      },
      {
        key: 'recommendation',
        title: 'Recommendation',
        prompt: 'Commit to one option and explain why it wins on balance.',
        minutes: 5,
      },
      {
        key: 'risks',
        title: 'Risks & mitigations',
        prompt: 'Name what could go wrong with your choice and how you would detect and limit it.',
        minutes: 3,
      },
    ],
    checks: [
      clarifyCheck,
      {
        kind: 'options-compared',
        section: 'options',
        compareIn: ['options', 'analysis'],
        min: 2,
        noun: 'options',
      },
      { kind: 'listed', section: 'criteria', min: 2, noun: 'criteria' },
      { kind: 'choice-with-reason', section: 'recommendation', noun: 'option' },
      ...deliveryChecks,
    ],
  },
}
