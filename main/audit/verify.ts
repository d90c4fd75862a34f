import type BetterSqlite3 from 'better-sqlite3';
import type { AuditFinding, AuditFindingKind, AuditReport } from '../../shared/audit';
import {
  type AuditedTable,
  auditedTables,
  expectedAuditTriggers,
  keySql,
  quoteName,
  unloggedRowsSql,
} from '../db/audit-triggers';
import { LINES_TEXT_SQL, sha256 } from './digest';
import { AUDIT_LOG_COLUMNS, type AuditRowValues, rowHash } from './seal';

/** Collects findings: every one counted, the first of each kind (and table) kept, in the order found. */
class Findings {
  readonly list: AuditFinding[] = [];
  readonly counts: Partial<Record<AuditFindingKind, number>> = {};
  readonly #seen = new Set<string>();

  add(finding: AuditFinding, scope = ''): void {
    this.counts[finding.kind] = (this.counts[finding.kind] ?? 0) + 1;
    const key = `${finding.kind}:${scope}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.list.push(finding);
  }
}

/**
 * Checks the audit trail against itself and the books: the chain row to row (a log row edited, removed
 * or inserted), rows no app transaction sealed, the triggers (dropped, changed or added), every table
 * row against its latest image in the log, and every entry's lines against their digest. Reads only,
 * so a review copy's read-only connection runs it.
 */
export function verifyAudit(sqlite: BetterSqlite3.Database): AuditReport {
  const findings = new Findings();
  const hasLog = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_seal'")
    .get();
  if (!hasLog) {
    findings.add({ kind: 'log_missing' });
    return { intact: false, rows: 0, findings: findings.list, counts: findings.counts };
  }
  // One read transaction, so that the chain and the books are seen as of the same moment.
  const check = sqlite.transaction(() => {
    const rows = checkChain(sqlite, findings);
    checkTriggers(sqlite, findings);
    for (const table of auditedTables(sqlite)) checkTable(sqlite, table, findings);
    checkLines(sqlite, findings);
    return rows;
  });
  const rows = check.deferred();
  return { intact: findings.list.length === 0, rows, findings: findings.list, counts: findings.counts };
}

function checkChain(sqlite: BetterSqlite3.Database, findings: Findings): number {
  let previousId = 0;
  let previousHash: string | null = null;
  let count = 0;
  const all = sqlite
    .prepare(
      `SELECT ${AUDIT_LOG_COLUMNS.split(', ')
        .map((c) => `l.${c}`)
        .join(', ')}, s.at, s.user, s.prev_hash, s.hash
       FROM audit_log l LEFT JOIN audit_seal s ON s.id = l.id ORDER BY l.id`,
    )
    .raw(true);
  for (const row of all.iterate() as Iterable<[...AuditRowValues, string | null]>) {
    count += 1;
    const [id, , tableName, rowId, rowKey] = row;
    const hash = row[10];
    if (id !== previousId + 1)
      findings.add({ kind: 'rows_removed', logId: id, afterId: previousId }, 'chain');
    if (hash === null) {
      findings.add({ kind: 'unsealed', logId: id, tableName, rowId, rowKey });
    } else if (rowHash(row.slice(0, 10) as AuditRowValues) !== hash) {
      findings.add({ kind: 'row_edited', logId: id }, 'chain');
    } else if (row[9] !== previousHash) {
      findings.add({ kind: 'chain_broken', logId: id, afterId: previousId }, 'chain');
    }
    previousId = id;
    if (hash !== null) previousHash = hash;
  }
  // A seal whose log row is gone: the row was removed (the last ones leave no gap to find).
  const orphan = sqlite
    .prepare(
      'SELECT s.id FROM audit_seal s WHERE NOT EXISTS (SELECT 1 FROM audit_log l WHERE l.id = s.id) ORDER BY s.id',
    )
    .pluck()
    .get() as number | undefined;
  if (orphan !== undefined) {
    findings.add({ kind: 'rows_removed', logId: orphan, afterId: Math.min(previousId, orphan - 1) }, 'chain');
  }
  return count;
}

function checkTriggers(sqlite: BetterSqlite3.Database, findings: Findings): void {
  const actual = new Map(
    (
      sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as {
        name: string;
        sql: string;
      }[]
    ).map((t) => [t.name, t.sql]),
  );
  const expected = expectedAuditTriggers(sqlite);
  const recorded = sqlite.prepare('SELECT name, sql FROM audit_schema ORDER BY name').all() as {
    name: string;
    sql: string;
  }[];
  for (const { name, sql } of recorded) expected.set(name, sql);
  for (const [name, sql] of expected) {
    const found = actual.get(name);
    if (found === undefined) findings.add({ kind: 'trigger_missing', name }, name);
    else if (found !== sql) findings.add({ kind: 'trigger_changed', name }, name);
  }
  for (const name of actual.keys()) {
    if (!expected.has(name)) findings.add({ kind: 'trigger_added', name }, name);
  }
}

function checkTable(sqlite: BetterSqlite3.Database, table: AuditedTable, findings: Findings): void {
  const ref = { tableName: table.name };
  const mismatched = sqlite.prepare(`${unloggedRowsSql(table)} ORDER BY 1, 2`).all() as {
    row_id: number | null;
    row_key: string | null;
    log_id: number | null;
  }[];
  for (const row of mismatched) {
    const at = { ...ref, rowId: row.row_id, rowKey: row.row_key };
    if (row.log_id === null) findings.add({ kind: 'book_row_unlogged', ...at }, table.name);
    else findings.add({ kind: 'book_row_changed', logId: row.log_id, ...at }, table.name);
  }
  const column = table.idColumn ? 'row_id' : 'row_key';
  const [rowId, rowKey] = keySql(table, 't');
  const gone = sqlite
    .prepare(
      `SELECT l.id, l.row_id, l.row_key FROM (
         SELECT max(id) AS id FROM audit_log WHERE table_name = ? GROUP BY ${column}) latest
       JOIN audit_log l ON l.id = latest.id
       WHERE l.action <> 'delete'
         AND NOT EXISTS (SELECT 1 FROM ${quoteName(table.name)} t WHERE ${table.idColumn ? rowId : rowKey} = l.${column})
       ORDER BY l.id`,
    )
    .all(table.name) as { id: number; row_id: number | null; row_key: string | null }[];
  for (const row of gone) {
    findings.add(
      { kind: 'book_row_missing', logId: row.id, ...ref, rowId: row.row_id, rowKey: row.row_key },
      table.name,
    );
  }
}

function checkLines(sqlite: BetterSqlite3.Database, findings: Findings): void {
  const entries = sqlite
    .prepare(
      `SELECT e.id, e.number, e.lines_digest, t.text FROM journal_entries e
       LEFT JOIN (SELECT entry_id, ${LINES_TEXT_SQL} AS text FROM journal_lines GROUP BY entry_id) t
         ON t.entry_id = e.id
       ORDER BY e.id`,
    )
    .raw(true);
  for (const [id, number, digest, text] of entries.iterate() as Iterable<
    [number, string | null, string | null, string | null]
  >) {
    const expected = text === null ? null : sha256(text);
    if (expected !== digest) findings.add({ kind: 'lines_changed', entryId: id, number });
  }
}
