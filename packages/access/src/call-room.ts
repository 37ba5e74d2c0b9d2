// One LiveKit room per Mockroom room (rounds share the call); the web app mints tokens for it and
// the sync server removes people from it, so both name it the same way.

export function livekitRoomName(roomId: string): string {
  return `mockroom-${roomId}`
}

export function roomIdFromLivekitName(name: string): string | null {
  return name.startsWith('mockroom-') ? name.slice('mockroom-'.length) : null
}

/** RoomServiceClient speaks HTTP(S) to the same host the browsers reach over WebSocket. */
export function livekitHttpUrl(url: string): string {
  return url.replace(/^ws/, 'http')
}
