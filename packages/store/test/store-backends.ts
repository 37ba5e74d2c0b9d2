import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freshDatabase } from '@mockroom/test-support/services'
import { afterEach, beforeEach } from 'vitest'
import { openStore, type Store, type StoreConfig } from '../src/open-store'

// SQLite always; PostgreSQL too when TEST_DATABASE_URL points at a server, and always under CI=true
// (.ci/run starts one), so a CI machine without it fails. Each test gets a fresh file or database.
export interface Backend {
  name: string
  create(): Promise<{ config: StoreConfig; drop(): Promise<void> }>
}

const sqlite: Backend = {
  name: 'sqlite',
  create: () => {
    const dir = mkdtempSync(join(tmpdir(), 'mockroom-store-'))
    return Promise.resolve({
      config: { dataDir: dir },
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    })
  },
}

function postgres(adminUrl: string): Backend {
  return {
    name: 'postgres',
    async create() {
      const db = await freshDatabase(adminUrl)
      return { config: { dataDir: tmpdir(), databaseUrl: db.url }, drop: () => db.drop() }
    },
  }
}

const postgresUrl =
  process.env.TEST_DATABASE_URL ??
  (process.env.CI ? 'postgres://postgres@127.0.0.1:5432/postgres' : undefined)
export const backends = [sqlite, ...(postgresUrl ? [postgres(postgresUrl)] : [])]

/** A fresh store of `backend` for each test of the calling describe: opened before, dropped after. */
export function storePerTest(backend: Backend): {
  readonly store: Store
  readonly config: StoreConfig
} {
  let store: Store | null = null
  let config: StoreConfig | null = null
  let drop = () => Promise.resolve()
  beforeEach(async () => {
    const made = await backend.create()
    config = made.config
    drop = () => made.drop()
    store = await openStore(made.config)
  })
  afterEach(async () => {
    await store?.close()
    await drop()
  })
  return {
    get store() {
      if (!store) throw new Error('the store opens in beforeEach')
      return store
    },
    get config() {
      if (!config) throw new Error('the store opens in beforeEach')
      return config
    },
  }
}
