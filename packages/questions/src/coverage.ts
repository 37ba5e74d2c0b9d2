import type { QuestionType } from './types'

// What a strong answer covers, section by section, after the frameworks the templates follow.
// Short enough to tick while listening; the interviewer's aid, never shown to the candidate
// before feedback is shared.
const checklists: Readonly<Record<QuestionType, Readonly<Record<string, readonly string[]>>>> = {
  'product-improvement': {
    clarify: ['Goal of the improvement', 'Constraints or scope', 'Assumptions stated'],
    segments: ['Two or more segments', 'One chosen, with a reason'],
    'pain-points': ['Current journey walked through', 'Pains ranked by severity'],
    solutions: ['Three or more distinct ideas', 'Each tied to a named pain'],
    prioritization: ['Named criteria (impact, effort, risk)', 'One idea chosen first'],
    metrics: ['A north star', 'Supporting metrics', 'At least one guardrail'],
  },
  'product-design': {
    clarify: ['Goal and platform', 'Constraints or scope', 'Assumptions stated'],
    users: ['Two or more user groups', 'One chosen, with a reason'],
    needs: ['Needs from the chosen users', 'Needs ranked'],
    solutions: ['Three or more distinct ideas', 'Each meets a named need'],
    prioritize: ['Named criteria', 'A first version scoped'],
    metrics: ['A north star', 'Supporting metrics', 'At least one guardrail'],
  },
  'success-metrics': {
    clarify: ['What the product does', 'Who it serves', 'Assumptions stated'],
    goals: ['Business goal', 'User value'],
    'north-star': ['One north star', 'Why it reflects value'],
    'supporting-metrics': ['Funnel or input metrics', 'How each moves the north star'],
    guardrails: ['At least one guardrail', 'What would trigger action'],
    summary: ['Metrics tied back to goals', 'Trade-offs named'],
  },
  'root-cause': {
    clarify: ['Metric defined exactly', 'Size and timing of the change'],
    scope: ['Internal vs external factors', 'Segments or platforms split'],
    hypotheses: ['Three or more hypotheses', 'Ranked by likelihood'],
    investigation: ['Data to check for each', 'Order of checks'],
    'root-cause': ['A most likely cause', 'Evidence that supports it'],
    fix: ['A fix or mitigation', 'How to confirm it worked'],
  },
  'trade-off': {
    clarify: ['Decision and its goal', 'Constraints stated'],
    options: ['Two or more options', 'Including doing nothing'],
    criteria: ['Named criteria', 'Criteria weighted'],
    analysis: ['Each option against each criterion', 'Second-order effects'],
    recommendation: ['One clear choice', 'Why it wins'],
    risks: ['Main risks named', 'Mitigation or signal to revisit'],
  },
}

/** The checklist of one template section ([] for an unknown type or section). */
export function coverageChecklist(type: string, sectionKey: string): readonly string[] {
  return (checklists as Partial<typeof checklists>)[type as QuestionType]?.[sectionKey] ?? []
}
