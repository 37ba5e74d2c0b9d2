import { join } from 'node:path'
import { Kysely, sql, type Dialect as KyselyDialect } from 'kysely'
import { Migrator } from 'kysely/migration'
import { migrations, type Dialect } from './migrations'
import { eventsRepo } from './events-repo'
import { membersRepo } from './members-repo'
import { recordingsRepo } from './recordings-repo'
import { transcriptionRepo } from './transcription-repo'
import { questionSetsRepo } from './question-sets-repo'
import { roomsRepo } from './rooms-repo'
import { sessionsRepo } from './sessions-repo'
import type { Database } from './database-schema'
import { createSqliteDialect } from './sqlite-dialect'
import { startSqliteCheckpointer, type SqliteCheckpointer } from './sqlite-checkpointer'
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
  /** recording with consent: requests, receipts, tracks, chunks, repaired files */
  readonly recordings: ReturnType<typeof recordingsRepo>
  readonly transcription: ReturnType<typeof transcriptionRepo>
  readonly questionSets: ReturnType<typeof questionSetsRepo>
  /** one round trip to the database (readiness checks); rejects when it does not answer */
  ping(): Promise<void>
  close(): Promise<void>
}

interface Picked {
  name: Dialect
  dialect: KyselyDialect
  /** SQLite only: the update writer that bypasses the query builder */
  fastAppend?: SqliteUpdateWriter
  /** SQLite with the checkpoint thread: what a commit waits for first (the WAL's rewind) */
  beforeAppend?: () => Promise<void> | undefined
  stop?: () => Promise<void>
}

export interface StoreOptions {
  /**
   * SQLite: checkpoint the WAL on a thread of its own instead of in the connection that commits
   * (for the sync server, whose commits must not wait for a checkpoint's sync of the file).
   */
  backgroundCheckpoint?: boolean
}

// WAL frames between rewinds (256 MB of 4 KB pages). A rewind holds commits back while its FULL
// checkpoint syncs the WAL, so it should come seldom; a pause in the typing lets a PASSIVE round
// rewind it anyway (docs/performance.md has the measurements).
const WAL_FRAMES = 65536

function sqlite(file: string, options: StoreOptions): Picked {
  const { dialect, database } = createSqliteDialect(file)
  const append = sqliteUpdateWriter(database)
  // an in-memory database exists for its one connection only: nothing to checkpoint elsewhere
  if (!options.backgroundCheckpoint || file === ':memory:')
    return { name: 'sqlite', dialect, fastAppend: append }
  // started with the first stored update: a server that stores nothing has no thread
  let checkpointer: SqliteCheckpointer | null = null
  return {
    name: 'sqlite',
    dialect,
    fastAppend: (rows) => {
      if (!checkpointer) {
        database.pragma('wal_autocheckpoint = 0')
        // a rewound WAL is cut back to this size (the thread keeps it about this long)
        database.pragma(`journal_size_limit = ${WAL_FRAMES * 4096}`)
        checkpointer = startSqliteCheckpointer(file, 1000, WAL_FRAMES)
      }
      return append(rows)
    },
    beforeAppend: () => checkpointer?.beforeCommit(),
    stop: () => checkpointer?.stop() ?? Promise.resolve(),
  }
}

// PostgreSQL's driver is loaded only when a database URL asks for it (less memory at start)
async function pickDialect(config: StoreConfig, options: StoreOptions): Promise<Picked> {
  if ('sqliteFile' in config) return sqlite(config.sqliteFile, options)
  if (config.databaseUrl?.startsWith('postgres')) {
    const { createPostgresDialect } = await import('./postgres-dialect')
    return { name: 'postgres', dialect: createPostgresDialect(config.databaseUrl) }
  }
  return sqlite(join(config.dataDir, 'mockroom.sqlite'), options)
}

// Opens the store and applies pending migrations (both processes may do this at once).
export async function openStore(config: StoreConfig, options: StoreOptions = {}): Promise<Store> {
  const { name, dialect, fastAppend, beforeAppend, stop } = await pickDialect(config, options)
  const db = new Kysely<Database>({ dialect })
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations(name)) },
    // features land their tables in parallel: a database that has a later one still takes an earlier
    allowUnorderedMigrations: true,
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
    await stop?.()
    await db.destroy()
    throw error instanceof Error ? error : new Error('migration failed', { cause: error })
  }
  return {
    dialect: name,
    rooms: roomsRepo(db),
    updates: updatesRepo(db, name, fastAppend, beforeAppend),
    events: eventsRepo(db),
    sessions: sessionsRepo(db),
    members: membersRepo(db),
    recordings: recordingsRepo(db),
    transcription: transcriptionRepo(db, name),
    questionSets: questionSetsRepo(db),
    ping: async () => {
      await sql`select 1`.execute(db)
    },
    close: async () => {
      await stop?.()
      await db.destroy()
    },
  }
}
