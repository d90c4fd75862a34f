import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { DomainError } from '../../shared/errors';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';
import { registerConnection } from './rows';
import type { Database } from './schema';

export interface OpenedDatabase {
  readonly file: string;
  readonly db: Kysely<Database>;
  readonly sqlite: BetterSqlite3.Database;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for the running runtime (the Electron shell in development). */
  nativeBinding?: string;
  /** Migrate only this far (migration tests); defaults to the latest version. */
  targetVersion?: number;
  /**
   * A second connection that only reads (the report worker): the file must exist at the latest schema
   * version, nothing is migrated and every write is refused by SQLite itself.
   */
  readOnly?: boolean;
}

export function schemaVersion(sqlite: BetterSqlite3.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

/**
 * Opens (creating if needed) the cooperative's database file and brings its schema up to date.
 * A file written by a newer Sahakum is refused before anything in it is touched.
 */
export async function openDatabase(file: string, options: OpenOptions = {}): Promise<OpenedDatabase> {
  const sqlite = new BetterSqlite3(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.readOnly ? { readonly: true, fileMustExist: true } : {}),
  });
  const found = schemaVersion(sqlite);
  if (found > LATEST_SCHEMA_VERSION) {
    sqlite.close();
    throw new DomainError('database_too_new', undefined, { found, supported: LATEST_SCHEMA_VERSION });
  }
  if (options.readOnly) {
    if (found < LATEST_SCHEMA_VERSION) {
      sqlite.close();
      throw new Error(`A read-only connection needs schema version ${LATEST_SCHEMA_VERSION}, found ${found}`);
    }
    sqlite.pragma('query_only = ON');
    sqlite.pragma('busy_timeout = 5000');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    registerConnection(db, sqlite);
    return { file, db, sqlite, close: closer(db, sqlite) };
  }
  // A bookkeeper's laptop loses power: WAL with FULL sync loses at most the transaction in flight.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');

  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  registerConnection(db, sqlite);
  try {
    await migrate(db, found, options.targetVersion ?? LATEST_SCHEMA_VERSION);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { file, db, sqlite, close: closer(db, sqlite) };
}

// Kysely only closes a connection it has used; a file opened and closed untouched must close too.
const closer = (db: Kysely<Database>, sqlite: BetterSqlite3.Database) => async () => {
  await db.destroy();
  if (sqlite.open) sqlite.close();
};

async function migrate(db: Kysely<Database>, from: number, to: number): Promise<void> {
  for (const migration of migrations) {
    if (migration.version <= from || migration.version > to) continue;
    // Each migration and its version stamp commit together or not at all.
    await db.transaction().execute(async (trx) => {
      await migration.up(trx as unknown as Kysely<unknown>);
      await sql.raw(`PRAGMA user_version = ${migration.version}`).execute(trx);
    });
  }
}
