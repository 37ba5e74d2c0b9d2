export function buildSync(root: string): boolean
export function syncStartArgs(root: string): { cwd: string; args: string[] }
