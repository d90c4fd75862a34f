import type BetterSqlite3 from 'better-sqlite3';
import { auditUser } from './context';
import { sha256 } from './digest';

/** One audit row as the chain hashes it: the log row, then its seal's time, user and previous hash. */
export type AuditRowValues = [
  id: number,
  action: string,
  tableName: string,
  rowId: number | null,
  rowKey: string | null,
  before: string | null,
  after: string | null,
  at: string,
  user: string,
  prevHash: string | null,
];

export const AUDIT_LOG_COLUMNS = 'id, action, table_name, row_id, row_key, before, after';
type LogValues = [number, string, string, number | null, string | null, string | null, string | null];

/** A seal's hash covers the previous seal's hash (in prev_hash) and every column of its log row. */
export const rowHash = (values: AuditRowValues): string => sha256(JSON.stringify(values));

interface Statements {
  mark: BetterSqlite3.Statement;
  unsealed: BetterSqlite3.Statement;
  previous: BetterSqlite3.Statement;
  seal: BetterSqlite3.Statement;
}
const prepared = new WeakMap<BetterSqlite3.Database, Statements>();

function statements(sqlite: BetterSqlite3.Database): Statements | null {
  let found = prepared.get(sqlite);
  if (found === undefined) {
    const exists = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_seal'");
    if (!exists.get()) return null;
    found = {
      mark: sqlite.prepare('SELECT ifnull(max(id), 0) FROM audit_log').pluck(),
      unsealed: sqlite
        .prepare(`SELECT ${AUDIT_LOG_COLUMNS} FROM audit_log WHERE id > ? ORDER BY id`)
        .raw(true),
      previous: sqlite.prepare('SELECT hash FROM audit_seal ORDER BY id DESC LIMIT 1').pluck(),
      seal: sqlite.prepare('INSERT INTO audit_seal (id, at, user, prev_hash, hash) VALUES (?, ?, ?, ?, ?)'),
    };
    prepared.set(sqlite, found);
  }
  return found;
}

/**
 * Where this transaction's audit rows will start, read just after BEGIN: log rows above it are the
 * transaction's own. Rows below it with no seal were written by something else (a program editing the
 * file) and must stay unsealed for the check to find. Null while the file has no audit log yet.
 */
export function auditMark(sqlite: BetterSqlite3.Database): number | null {
  const s = statements(sqlite);
  return s ? (s.mark.get() as number) : null;
}

/**
 * Seals the log rows the triggers wrote in this transaction, just before COMMIT: each gets who and
 * when, the previous seal's hash and its own. The one seal of every writer: the Kysely driver calls
 * it at commit, and so must any write that opens a transaction some other way.
 */
export function sealAudit(sqlite: BetterSqlite3.Database, mark: number | null): void {
  // A migration in this transaction may just have made the log: everything in it is then its own.
  if (mark === null) prepared.delete(sqlite);
  const s = statements(sqlite);
  if (!s) return;
  const rows = s.unsealed.all(mark ?? 0) as LogValues[];
  if (rows.length === 0) return;
  const at = new Date().toISOString();
  const user = auditUser();
  let prev = (s.previous.get() as string | undefined) ?? null;
  for (const row of rows) {
    const hash = rowHash([...row, at, user, prev]);
    s.seal.run(row[0], at, user, prev, hash);
    prev = hash;
  }
}
