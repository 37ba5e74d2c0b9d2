// What to tell people when the browser will not hand us a microphone. Joining never depends on it.
export const MIC_BLOCKED =
  "Microphone blocked — allow it in the browser's site settings to talk; you can still join and write"
export const MIC_MISSING = 'No microphone found — connect one to talk; you can still join and write'
export const MIC_INSECURE =
  'This page cannot use a microphone (it needs https) — you can still join and write'

export function describeMicError(error: unknown): string {
  // DOMException from getUserMedia; LiveKit passes it through
  const name =
    typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : ''
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return MIC_BLOCKED
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return MIC_MISSING
    case 'NotReadableError':
    case 'AbortError':
      return 'The microphone is busy (another app may be using it) — you can still join and write'
    default:
      return 'The microphone could not be started — you can still join and write'
  }
}

/** getUserMedia exists only in secure contexts (https or localhost). */
export function canUseMicrophone(): boolean {
  return typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia
}
