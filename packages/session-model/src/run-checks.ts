import { answerCheck } from './answer-checks'
import type { CheckResult, CheckSpec } from './check-spec'
import { deliveryCheck } from './delivery-checks'
import type { SessionRecord } from './session-record'

/** The automated checks of one session, in the template's order (pure). */
export function runChecks(record: SessionRecord, specs: readonly CheckSpec[]): CheckResult[] {
  return specs.map((spec) => {
    switch (spec.kind) {
      case 'talk-share':
      case 'speaking-pace':
      case 'fillers':
      case 'monologue':
        return deliveryCheck(record, spec)
      default:
        return answerCheck(record, spec)
    }
  })
}
