import type BetterSqlite3 from 'better-sqlite3';
import type { Compilable, Kysely } from 'kysely';

interface Connection {
  sqlite: BetterSqlite3.Database;
  statements: Map<string, BetterSqlite3.Statement>;
}
const handles = new WeakMap<object, Connection>();

/** Lets rowsAsArrays reach the connection behind a Kysely instance opened by openDatabase. */
export function registerConnection<DB>(db: Kysely<DB>, sqlite: BetterSqlite3.Database): void {
  handles.set(db, { sqlite, statements: new Map() });
}

/**
 * The SQLite connection behind a Kysely instance opened by openDatabase, for the one write of thousands
 * of rows (an import file) where Kysely's own work per statement costs several times SQLite's. The
 * caller uses it inside the transaction it has open on that same connection.
 */
export function sqliteOf<DB>(db: Kysely<DB>): BetterSqlite3.Database {
  const handle = handles.get(db);
  if (!handle) throw new Error('sqliteOf: a connection not opened by openDatabase');
  return handle.sqlite;
}

/**
 * Runs a query built with Kysely and returns its rows as arrays, in the order of the select list.
 * For reads of thousands of rows (an account's busy month): building one object per row costs more
 * than SQLite's own work. Inside a transaction, or on a connection it does not know, it falls back to
 * Kysely's objects.
 */
export async function rowsAsArrays<DB>(db: Kysely<DB>, query: Compilable): Promise<unknown[][]> {
  const compiled = query.compile();
  const handle = handles.get(db);
  if (!handle) {
    const result = await db.executeQuery(compiled);
    return result.rows.map((row) => Object.values(row as Record<string, unknown>));
  }
  let statement = handle.statements.get(compiled.sql);
  if (!statement) {
    statement = handle.sqlite.prepare(compiled.sql).raw(true);
    handle.statements.set(compiled.sql, statement);
  }
  return statement.all(...compiled.parameters) as unknown[][];
}

/**
 * rowsAsArrays one row at a time, for reads too large to hold (a whole-ledger export). No other query
 * may run on the connection until the iteration ends.
 */
export function* iterateRows<DB>(db: Kysely<DB>, query: Compilable): Generator<unknown[]> {
  const compiled = query.compile();
  const handle = handles.get(db);
  if (!handle) throw new Error('iterateRows needs a connection opened by openDatabase');
  yield* handle.sqlite
    .prepare(compiled.sql)
    .raw(true)
    .iterate(...compiled.parameters) as Iterable<unknown[]>;
}
