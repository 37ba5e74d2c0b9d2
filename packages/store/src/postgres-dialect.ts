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
  return new PostgresDialect({ pool: new pg.Pool({ connectionString, types, max: 10 }) })
}
