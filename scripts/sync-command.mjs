// How `pnpm start` runs the sync server, shared with the load benchmarks so they measure the same.
import { join } from 'node:path'

/** node arguments (after `node`) and working directory of the sync process */
export function syncStartArgs(root) {
  return { cwd: join(root, 'apps/sync'), args: ['--import', 'tsx', 'src/main.ts'] }
}
