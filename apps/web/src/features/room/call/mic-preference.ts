// The microphone chosen in the lobby or the call, so the next visit starts with it.
// Storage can throw (private mode, blocked cookies): then nothing is remembered.
const MIC_KEY = 'mockroom:mic'

export function loadMicPreference(): string | null {
  try {
    return window.localStorage.getItem(MIC_KEY)
  } catch {
    return null
  }
}

export function saveMicPreference(deviceId: string): void {
  try {
    if (deviceId) window.localStorage.setItem(MIC_KEY, deviceId)
  } catch {
    // the browser's default microphone is used next time
  }
}
