// Remembers who this browser is per link, so a reload rejoins as the same person.
// Storage can throw (private mode, disabled cookies): every access degrades to "nothing saved".

const NAME_KEY = 'mockroom:name'
const participantKey = (capability: string) => `mockroom:participant:${capability}`
const keyKey = (capability: string) => `mockroom:participant-key:${capability}`
const joinedKey = (capability: string) => `mockroom:joined:${capability}`

function read(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key)
  } catch {
    return null
  }
}

function write(storage: () => Storage, key: string, value: string | null): void {
  try {
    if (value === null) storage().removeItem(key)
    else storage().setItem(key, value)
  } catch {
    // nothing to do: the person just types their name again next time
  }
}

const local = () => window.localStorage
const session = () => window.sessionStorage

export const identityStorage = {
  loadName: (): string => read(local, NAME_KEY) ?? '',
  saveName: (name: string) => write(local, NAME_KEY, name),
  loadParticipantId: (capability: string): string | undefined =>
    read(local, participantKey(capability)) ?? undefined,
  saveParticipantId: (capability: string, id: string) =>
    write(local, participantKey(capability), id),
  /** the secret that proves the participant id: without it the id is a new person's */
  loadParticipantKey: (capability: string): string | undefined =>
    read(local, keyKey(capability)) ?? undefined,
  saveParticipantKey: (capability: string, key: string) => write(local, keyKey(capability), key),
  /** what review requests send, so a round's private part reaches only its interviewer */
  proofHeaders: (capability: string): Record<string, string> => {
    const id = read(local, participantKey(capability))
    const key = read(local, keyKey(capability))
    return id && key ? { 'x-participant-id': id, 'x-participant-key': key } : {}
  },
  // sessionStorage: a reload of this tab skips the lobby, a new tab asks again
  wasJoined: (capability: string): boolean => read(session, joinedKey(capability)) !== null,
  setJoined: (capability: string, joined: boolean) =>
    write(session, joinedKey(capability), joined ? '1' : null),
}
