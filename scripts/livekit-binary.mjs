// Where Mockroom finds `livekit-server`: shared by `pnpm livekit:install`, `pnpm start`, the
// real-call e2e suite and the call benchmark, so all four agree.
import { accessSync, constants } from 'node:fs'
import { homedir } from 'node:os'
import { delimiter, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

// Pinned: v1.13.5 is the newest tag whose go.mod has no `replace` directives. Later tags (and the
// main branch) carry `replace` lines, and `go install pkg@version` refuses modules that have them.
export const LIVEKIT_VERSION = '1.13.5'

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
/** project-local and git-ignored */
export const localBinDir = join(projectRoot, '.livekit/bin')
export const localBinary = join(localBinDir, 'livekit-server')
/** built binaries survive fresh clones on the same machine (CI) */
export const cachedBinary = join(
  process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'),
  'mockroom',
  `livekit-server-v${LIVEKIT_VERSION}`,
)

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

export function onPath(name, pathVar = process.env.PATH ?? '') {
  for (const dir of pathVar.split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name)
  }
  return null
}

/** A `livekit-server` on PATH wins, then the project-local one; null when there is none. */
export function findLivekitServer() {
  return onPath('livekit-server') ?? (isExecutable(localBinary) ? localBinary : null)
}
