#!/usr/bin/env node
// The production web server of `pnpm start`: `next start`, except that X-Forwarded-For is the
// socket's address unless TRUST_PROXY=true (socket-address.mjs says why).
// Usage: node scripts/web-server.mjs [-p PORT] [-H HOST]
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { pinClientAddress, trustsProxy } from './socket-address.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const web = join(root, 'apps/web')
const { values } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
})
const port = Number(values.port ?? process.env.PORT ?? 3000)
const hostname = values.hostname
// as `next start` does: a production build runs with production React and Next
process.env.NODE_ENV = 'production'

// next resolves from the web app's own dependencies, as `next start` run there does
const next = createRequire(join(web, 'package.json'))('next')
const app = next({ dev: false, dir: web, hostname: hostname ?? 'localhost', port })
const handle = app.getRequestHandler()
await app.prepare()

const trustProxy = trustsProxy(process.env)
const server = createServer((req, res) => {
  pinClientAddress(req, trustProxy)
  handle(req, res).catch((err) => {
    console.error('[web] request failed', err)
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
    res.end('{"error":"internal error"}')
  })
})
server.listen(port, hostname, () => {
  const where = `${hostname ?? 'localhost'}:${port}`
  console.log(`[web] ready on http://${where}${trustProxy ? ' (trusting X-Forwarded-For)' : ''}`)
})
const stop = () => {
  server.close(() => process.exit(0))
  // idle keep-alive sockets would hold close() open
  server.closeIdleConnections()
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
