import { join } from 'node:path'
import { Kysely, sql, type Dialect as KyselyDialect } from 'kysely'
import { Migrator } from 'kysely/migration'
import { migrations, type Dialect } from './migrations'
import { eventsRepo } from './events-repo'
import { membersRepo } from './members-repo'
import { roomsRepo } from './rooms-repo'
import { sessionsRepo } from './sessions-repo'
import type { Database } from './schema'
import { createSqliteDialect } from './sqlite-dialect'
import { sqliteUpdateWriter, type SqliteUpdateWriter } from './sqlite-update-writer'
import { updatesRepo } from './updates-repo'

export type StoreConfig = { dataDir: string; databaseUrl?: string } | { sqliteFile: string }

export interface Store {
  readonly dialect: Dialect
  readonly rooms: ReturnType<typeof roomsRepo>
  readonly updates: ReturnType<typeof updatesRepo>
  readonly events: ReturnType<typeof eventsRepo>
  readonly sessions: ReturnType<typeof sessionsRepo>
  readonly members: ReturnType<typeof membersRepo>
  /** one round trip to the database (readiness checks); rejects when it does not answer */
  ping(): Promise<void>
  close(): Promise<void>
}

interface Picked {
  name: Dialect
  dialect: KyselyDialect
  /** SQLite only: the update writer that bypasses the query builder */
  fastAppend?: SqliteUpdateWriter
}

function sqlite(file: string): Picked {
  const { dialect, database } = createSqliteDialect(file)
  return { name: 'sqlite', dialect, fastAppend: sqliteUpdateWriter(database) }
}

// PostgreSQL's driver is loaded only when a database URL asks for it (less memory at start)
async function pickDialect(config: StoreConfig): Promise<Picked> {
  if ('sqliteFile' in config) return sqlite(config.sqliteFile)
  if (config.databaseUrl?.startsWith('postgres')) {
    const { createPostgresDialect } = await import('./postgres-dialect')
    return { name: 'postgres', dialect: createPostgresDialect(config.databaseUrl) }
  }
  return sqlite(join(config.dataDir, 'mockroom.sqlite'))
}

// Opens the store and applies pending migrations (both processes may do this at once).
export async function openStore(config: StoreConfig): Promise<Store> {
  const { name, dialect, fastAppend } = await pickDialect(config)
  const db = new Kysely<Database>({ dialect })
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations(name)) },
  })
  let { error } = await migrator.migrateToLatest()
  // Kysely takes no migration lock on SQLite (SqliteAdapter.acquireMigrationLock is a no-op), so
  // when web and sync start together one of them can run a migration the other just applied
  // ("duplicate column name"). Its second look sees the other's result and finds nothing to do.
  for (let attempt = 0; error && name === 'sqlite' && attempt < 3; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100 * (attempt + 1)))
    ;({ error } = await migrator.migrateToLatest())
  }
  if (error) {
    await db.destroy()
    throw error instanceof Error ? error : new Error('migration failed', { cause: error })
  }
  return {
    dialect: name,
    rooms: roomsRepo(db),
    updates: updatesRepo(db, fastAppend),
    events: eventsRepo(db),
    sessions: sessionsRepo(db),
    members: membersRepo(db),
    ping: async () => {
      await sql`select 1`.execute(db)
    },
    close: () => db.destroy(),
  }
}
