import { PostgresDialect } from 'kysely'
import pg from 'pg'

const INT8_OID = 20

// bigint columns hold millisecond times and update ids, all far below 2^53: read them as numbers.
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text') =>
    oid === INT8_OID
      ? (value: string) => Number(value)
      : (pg.types.getTypeParser(oid, format) as (
          value: string,
        ) => unknown)) as pg.CustomTypesConfig['getTypeParser'],
}

export function createPostgresDialect(connectionString: string): PostgresDialect {
  const pool = new pg.Pool({ connectionString, types, max: 10, connectionTimeoutMillis: 5_000 })
  // A connection that dies (database restarted or unreachable) emits 'error': without a listener
  // it would end the process. Idle ones reach the pool's listener; one that is checked out (Kysely
  // does not listen) reaches its own. Its query fails, and the pool drops it on release.
  pool.on('error', () => undefined)
  pool.on('connect', (client) => client.on('error', () => undefined))
  return new PostgresDialect({ pool })
}
