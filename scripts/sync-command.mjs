// How `pnpm start` runs the sync server, shared with the load benchmarks so they measure the same:
// the bundle that apps/sync/build.mjs writes (plain JavaScript, no TypeScript loader at run time).
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

/** Bundles apps/sync into apps/sync/dist (about a second); false when the build failed. */
export function buildSync(root) {
  const built = spawnSync(process.execPath, [join(root, 'apps/sync/build.mjs')], {
    stdio: 'inherit',
  })
  return built.status === 0
}

/** node arguments (after `node`) and working directory of the sync process */
export function syncStartArgs(root) {
  return { cwd: join(root, 'apps/sync'), args: ['dist/main.js'] }
}
