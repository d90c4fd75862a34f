import BetterSqlite3 from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { DomainError } from '../../shared/errors';
import { refreshAuditTriggers } from './audit-triggers';
import { guarded, SahakumDialect } from './dialect';
import { checkDatabaseFile } from './identity';
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
  /**
   * The file must already be a cooperative's database: a missing or empty file is refused instead of
   * becoming a new one. Only creating the cooperative (init, the first-run wizard) and the demo may
   * leave this off.
   */
  mustExist?: boolean;
}

export function schemaVersion(sqlite: BetterSqlite3.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

/**
 * Opens the cooperative's database file (creating it unless `mustExist`) and brings its schema up to
 * date. A file that is not a Sahakum database, is damaged, or was written by a newer Sahakum is refused
 * before anything in it is touched.
 */
export async function openDatabase(file: string, options: OpenOptions = {}): Promise<OpenedDatabase> {
  const mustExist = options.mustExist === true || options.readOnly === true;
  checkDatabaseFile(file, mustExist);
  const sqlite = new BetterSqlite3(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.readOnly ? { readonly: true, fileMustExist: true } : {}),
  });
  let found: number;
  try {
    found = guarded(() => identify(sqlite, mustExist));
  } catch (error) {
    sqlite.close();
    throw error;
  }
  if (options.readOnly) {
    if (found < LATEST_SCHEMA_VERSION) {
      sqlite.close();
      throw new Error(`A read-only connection needs schema version ${LATEST_SCHEMA_VERSION}, found ${found}`);
    }
    sqlite.pragma('query_only = ON');
    sqlite.pragma('busy_timeout = 5000');
    const db = new Kysely<Database>({ dialect: new SahakumDialect(sqlite, false) });
    registerConnection(db, sqlite);
    return { file, db, sqlite, close: closer(db, sqlite) };
  }
  try {
    guarded(() => {
      // Set first, so that changing the journal mode waits for a busy file rather than failing at once.
      sqlite.pragma('busy_timeout = 5000');
      // A bookkeeper's laptop loses power: WAL with FULL sync loses at most the transaction in flight.
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = FULL');
      sqlite.pragma('foreign_keys = ON');
    });
  } catch (error) {
    sqlite.close();
    throw error;
  }

  const db = new Kysely<Database>({ dialect: new SahakumDialect(sqlite, true) });
  registerConnection(db, sqlite);
  try {
    await migrate(db, sqlite, found, options.targetVersion ?? LATEST_SCHEMA_VERSION);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { file, db, sqlite, close: closer(db, sqlite) };
}

/**
 * The schema version of a file that is a Sahakum database (or, when it may be created, an empty one),
 * read without writing a byte: a file of someone else's tables, or of none where one is required, is
 * refused as not the cooperative's books.
 */
function identify(sqlite: BetterSqlite3.Database, mustExist: boolean): number {
  const found = schemaVersion(sqlite);
  // Before the tables: a newer Sahakum may have reshaped them, and saying so tells what to do.
  if (found > LATEST_SCHEMA_VERSION) {
    throw new DomainError('database_too_new', undefined, { found, supported: LATEST_SCHEMA_VERSION });
  }
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  const empty = found === 0 && tables.length === 0;
  if (empty ? mustExist : found === 0 || !tables.includes(MARKER_TABLE)) {
    throw new DomainError('not_sahakum_database', 'file');
  }
  return found;
}

// Made by the first migration, so present in every Sahakum database of any version.
const MARKER_TABLE = 'cooperative';

// Kysely only closes a connection it has used; a file opened and closed untouched must close too.
const closer = (db: Kysely<Database>, sqlite: BetterSqlite3.Database) => async () => {
  await db.destroy();
  if (sqlite.open) sqlite.close();
};

async function migrate(
  db: Kysely<Database>,
  sqlite: BetterSqlite3.Database,
  from: number,
  to: number,
): Promise<void> {
  let applied = false;
  for (const migration of migrations) {
    if (migration.version <= from || migration.version > to) continue;
    // Each migration and its version stamp commit together or not at all.
    await db.transaction().execute(async (trx) => {
      await migration.up(trx as unknown as Kysely<unknown>);
      await sql.raw(`PRAGMA user_version = ${migration.version}`).execute(trx);
    });
    applied = true;
  }
  // Only after migrations: tables they added get their audit triggers. On a plain open the triggers are
  // left as found, so that one dropped from outside stays for the audit check to find.
  if (applied && hasAuditLog(sqlite)) {
    await db.transaction().execute(async () => refreshAuditTriggers(sqlite));
  }
}

const hasAuditLog = (sqlite: BetterSqlite3.Database) =>
  sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get() !==
  undefined;
