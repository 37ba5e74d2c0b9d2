// The Web Speech API is not in TypeScript's DOM library (Chrome ships it prefixed), so the few
// members the room uses are described here.

export interface SpeechAlternativeLike {
  transcript: string
}

export interface SpeechResultLike {
  readonly isFinal: boolean
  readonly length: number
  readonly [index: number]: SpeechAlternativeLike | undefined
}

export interface SpeechResultEventLike {
  resultIndex: number
  results: { readonly length: number; readonly [index: number]: SpeechResultLike | undefined }
}

export interface SpeechRecognitionLike {
  continuous: boolean
  interimResults: boolean
  lang: string
  onresult: ((event: SpeechResultEventLike) => void) | null
  onerror: ((event: { error?: string }) => void) | null
  onend: (() => void) | null
  start: () => void
  stop: () => void
  abort: () => void
}

export type SpeechRecognitionConstructor = new () => SpeechRecognitionLike

/** The browser's speech recognition, or null where there is none (Firefox, most WebViews). */
export function speechRecognitionConstructor(): SpeechRecognitionConstructor | null {
  if (typeof window === 'undefined') return null
  const w = window as unknown as Record<string, SpeechRecognitionConstructor | undefined>
  return w.SpeechRecognition ?? w.webkitSpeechRecognition ?? null
}

/** Final text and interim text of one result event (results before resultIndex were seen). */
export function readResults(event: SpeechResultEventLike): { finals: string[]; interim: string } {
  const finals: string[] = []
  let interim = ''
  for (let i = event.resultIndex; i < event.results.length; i++) {
    const result = event.results[i]
    const text = result?.[0]?.transcript ?? ''
    if (result?.isFinal) {
      if (text.trim()) finals.push(text.trim())
    } else interim += text
  }
  return { finals, interim: interim.trim() }
}
