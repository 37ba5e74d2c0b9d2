export function syncStartArgs(root: string): { cwd: string; args: string[] }
