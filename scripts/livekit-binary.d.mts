export const LIVEKIT_VERSION: string
export const projectRoot: string
export const localBinDir: string
export const localBinary: string
export const cachedBinary: string
export function onPath(name: string, pathVar?: string): string | null
export function findLivekitServer(): string | null
