import { admissionResponseSchema, type AdmissionStatus } from '../../contract/room'
import { apiErrorFrom, readBody } from '../../lib/api-error'

// The waiting room from the newcomer's side: once the interview runs, a new person waits until
// the interviewer lets them in, and asks here whether that happened (room/waiting-room-api.ts is
// the interviewer's side).

export type { AdmissionStatus }

export async function fetchAdmission(
  participantId: string,
  participantKey: string,
  signal?: AbortSignal,
): Promise<AdmissionStatus> {
  const res = await fetch('/api/admission', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ participantId, participantKey }),
    cache: 'no-store',
    signal,
  })
  if (!res.ok) throw await apiErrorFrom(res, 'Could not ask whether you may come in.')
  return (await readBody(res, admissionResponseSchema)).status
}
