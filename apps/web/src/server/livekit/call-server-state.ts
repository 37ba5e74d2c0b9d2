import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'

// `pnpm start` prepares a missing livekit-server in the background and writes how that goes to
// DATA_DIR/call-server.json (scripts/local-livekit.mjs); the call panel says "starting" meanwhile.
const stateFile = z.object({ state: z.enum(['preparing', 'ready', 'unavailable']) })

export type CallServerState = z.infer<typeof stateFile>['state']

/** The local call server's state, or null when nothing prepares one (LIVEKIT_URL, other starts). */
export async function callServerState(dataDir: string): Promise<CallServerState | null> {
  const text = await readFile(join(dataDir, 'call-server.json'), 'utf8').catch(() => null)
  if (text === null) return null
  try {
    const parsed = stateFile.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data.state : null
  } catch {
    return null
  }
}
