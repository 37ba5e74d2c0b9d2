// A Hocuspocus instance for bench:cluster-steady, the anchor of the comparison: @hocuspocus/server
// with @hocuspocus/extension-redis (instances share documents through Redis) and
// @hocuspocus/extension-database storing the whole document state in PostgreSQL — debounced (2 s,
// at most 10 s), as Hocuspocus stores, where Mockroom stores every update before broadcasting it.
// Tokens are our session tokens, verified like Mockroom verifies them. Env: PORT, DATABASE_URL,
// REDIS_URL, SESSION_SECRET. Prints `listening <port>`.
import { Database } from '@hocuspocus/extension-database'
import { Redis } from '@hocuspocus/extension-redis'
import { Server } from '@hocuspocus/server'
import { verifySessionToken } from '@mockroom/access/server'
import pg from 'pg'

// With a document open on both instances, extension-redis lets one of them store it and the other
// logs "[onStoreDocument] Another instance is already storing this document" each time: expected.
const logError = console.error.bind(console)
console.error = (...args: unknown[]) => {
  const message = args[1]
  if (typeof message === 'string' && message.startsWith('Another instance is already storing'))
    return
  logError(...args)
}

const secret = process.env.SESSION_SECRET ?? ''
const redis = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379')
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 })

const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: '127.0.0.1',
  quiet: true,
  async onAuthenticate({ token, documentName }) {
    const claims = await verifySessionToken(token, secret)
    if (claims.sessionId !== documentName) throw new Error('token is for another room')
  },
  extensions: [
    new Redis({ host: redis.hostname, port: Number(redis.port || 6379) }),
    new Database({
      fetch: async ({ documentName }) => {
        const res = await pool.query<{ data: Buffer }>(
          'select data from hocuspocus_documents where name = $1',
          [documentName],
        )
        return res.rows[0]?.data ?? null
      },
      store: async ({ documentName, state }) => {
        await pool.query(
          `insert into hocuspocus_documents (name, data) values ($1, $2)
           on conflict (name) do update set data = excluded.data`,
          [documentName, state],
        )
      },
    }),
  ],
})
await server.listen()
console.log(`listening ${server.address.port}`)
