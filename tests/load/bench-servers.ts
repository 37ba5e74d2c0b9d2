// The servers the single-instance benchmarks start, and their tokens: the in-memory reference
// (@y/websocket-server 0.1.1, no auth) and Mockroom's sync server as `pnpm start` runs it.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { signSessionToken } from '@mockroom/access/server'
import { syncStartArgs } from '../../scripts/sync-command.mjs'
import type { LaunchSpec } from './server-proc'

const root = join(import.meta.dirname, '../..')

/** The reference server; `nodeArgs` go before its script (e.g. --cpu-prof). */
export function referenceSpec(nodeArgs: string[] = []): LaunchSpec {
  return {
    label: 'reference',
    args: [...nodeArgs, 'reference-server.mjs'],
    cwd: import.meta.dirname,
    env: { PORT: '0' },
    ready: /listening (\d+)/,
  }
}

/** floor-server.mjs: a bare relay on Node and ws, the socket layer's share of any server's CPU. */
export function floorSpec(): LaunchSpec {
  return { ...referenceSpec(), label: 'floor', args: ['floor-server.mjs'] }
}

/** Mockroom's sync server on a fresh data dir; `args` default to the bundle `pnpm start` runs. */
export function mockroomSpec(
  secret: string,
  label = 'mockroom',
  args = syncStartArgs(root).args,
): LaunchSpec {
  return {
    label,
    args,
    cwd: syncStartArgs(root).cwd,
    env: {
      SYNC_PORT: '0',
      SYNC_HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'mockroom-bench-')),
      SESSION_SECRET: secret,
      LOG_LEVEL: 'info',
    },
    ready: /"port":(\d+)/,
  }
}

const roles = { w0: 'interviewer', w1: 'candidate', observer: 'observer' } as const

/** SteadyLoad's token function: none for the reference, a signed session token for Mockroom. */
export const loadTokens =
  (reference: boolean, secret: string) => (room: string, who: keyof typeof roles) =>
    reference
      ? Promise.resolve('')
      : signSessionToken(
          {
            roomId: room,
            sessionId: room,
            participantId: `${room}-${who}`,
            role: roles[who],
            name: who,
          },
          secret,
          3600,
        )
