import type BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SqliteDialect,
  SqliteDriver,
} from 'kysely';
import { DomainError } from '../../shared/errors';
import { auditMark, sealAudit } from '../audit/seal';

const BUSY = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_RECOVERY', 'SQLITE_LOCKED']);

/**
 * What SQLite's own failures mean to the person at the laptop: another program holding the books past
 * the busy timeout (the CLI beside the app, a second window on a network share), a file whose pages
 * are not what SQLite wrote, or a disk with no room left (SQLite has rolled the transaction back).
 * Anything else is passed on as it came, for the log.
 */
export function storageRefusal(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  if (BUSY.has(code)) return new DomainError('database_busy');
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'))
    return new DomainError('database_damaged');
  if (code === 'SQLITE_FULL') return new DomainError('disk_full');
  return error;
}

/** Runs SQLite work, turning its busy, damaged and disk-full failures into refusals. */
export function guarded<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw storageRefusal(error);
  }
}

const WRITES = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode']);
const isWrite = (query: CompiledQuery) =>
  WRITES.has(query.query.kind) || /^\s*(insert|update|delete|replace)\b/i.test(query.sql);

class GuardedConnection implements DatabaseConnection {
  constructor(
    private readonly inner: DatabaseConnection,
    private readonly sqlite: BetterSqlite3.Database | null,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      // A write outside any transaction still gets its audit rows sealed with it: it is made one.
      if (this.sqlite && !this.sqlite.inTransaction && isWrite(query)) return this.#alone<R>(query);
      // The SQLite connection throws synchronously from prepare(): awaited here so that both reach catch.
      return await this.inner.executeQuery<R>(query);
    } catch (error) {
      throw storageRefusal(error);
    }
  }

  async #alone<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const sqlite = this.sqlite as BetterSqlite3.Database;
    sqlite.exec('begin immediate');
    try {
      const mark = auditMark(sqlite);
      const result = await this.inner.executeQuery<R>(query);
      sealAudit(sqlite, mark);
      sqlite.exec('commit');
      return result;
    } finally {
      if (sqlite.inTransaction) sqlite.exec('rollback');
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class SahakumDriver extends SqliteDriver {
  readonly #connections = new WeakMap<DatabaseConnection, GuardedConnection>();
  // Where the open transaction's audit rows begin (seal.ts auditMark).
  #auditMark: number | null = null;

  constructor(
    private readonly database: BetterSqlite3.Database,
    private readonly writes: boolean,
  ) {
    super({ database });
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await super.acquireConnection();
    let connection = this.#connections.get(inner);
    if (!connection) {
      connection = new GuardedConnection(inner, this.writes ? this.database : null);
      this.#connections.set(inner, connection);
    }
    return connection;
  }

  // A deferred transaction that reads and then writes cannot wait for a busy lock: SQLite refuses it at
  // once, whatever the busy timeout. Taking the write lock at BEGIN lets the timeout do its work. The
  // report worker's read-only connection never writes, and a read-only file cannot take the lock.
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(this.writes ? 'begin immediate' : 'begin'));
    if (this.writes) this.#auditMark = guarded(() => auditMark(this.database));
  }

  // The audit rows this transaction's triggers wrote are sealed in it, so they commit with the change.
  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.writes) guarded(() => sealAudit(this.database, this.#auditMark));
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }
}

/**
 * The one place a transaction on the books begins: every `db.transaction()` of a connection opened by
 * openDatabase goes through this dialect.
 */
export class SahakumDialect extends SqliteDialect {
  constructor(
    private readonly database: BetterSqlite3.Database,
    private readonly writes: boolean,
  ) {
    super({ database });
  }

  override createDriver(): Driver {
    return new SahakumDriver(this.database, this.writes);
  }
}
