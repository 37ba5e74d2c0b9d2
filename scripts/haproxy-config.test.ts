import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { clusterPorts, haproxyConfig } from './haproxy-config.mjs'

const root = resolve(import.meta.dirname, '..')
const haproxy = ['/usr/sbin/haproxy', '/usr/local/sbin/haproxy'].find((p) => existsSync(p))

describe('the HAProxy configuration', () => {
  it('shipped in deploy/ is what `pnpm start:cluster` runs with the default ports', () => {
    const shipped = readFileSync(join(root, 'deploy/haproxy.cfg'), 'utf8')
    expect(shipped).toBe(haproxyConfig(clusterPorts(3000)))
    expect(shipped).toMatch(/server web2 127\.0\.0\.1:3002 check/)
    expect(shipped).toMatch(/server sync2 127\.0\.0\.1:3012 check/)
  })

  it.skipIf(!haproxy)('is valid for HAProxy itself (haproxy -c)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mockroom-haproxy-')), 'haproxy.cfg')
    writeFileSync(file, haproxyConfig({ ...clusterPorts(3300), statsSocket: `${file}.sock` }))
    expect(execFileSync(haproxy as string, ['-c', '-f', file], { encoding: 'utf8' })).toMatch(
      /valid/,
    )
  })
})
