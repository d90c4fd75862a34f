import type BetterSqlite3 from 'better-sqlite3';

/**
 * Tables the audit log does not follow, each for a reason: the log and its seals; SQLite's own; `sequences`,
 * counters whose every use shows in the numbered row it handed out; `account_month_totals`, kept by
 * triggers from the lines and checked against them by the health check; `journal_lines`, immutable and
 * tied to the chain by their entry's lines_digest (one log row per entry instead of one per line).
 */
export const AUDIT_EXEMPT: ReadonlySet<string> = new Set([
  'audit_log',
  'audit_seal',
  'sequences',
  'account_month_totals',
  'journal_lines',
]);

// A password's hash is no one's business to read back from the log: the image says only whether it is
// set, and an update's after-image whether it changed.
const SECRET = /password|passphrase|secret/i;

export interface AuditedTable {
  name: string;
  columns: string[];
  secret: string[];
  /** The rowid alias (INTEGER PRIMARY KEY) that row_id holds, or null when row_key names the row. */
  idColumn: string | null;
  /** Columns of the primary key (or none: the rowid) that row_key holds as a JSON array. */
  keyColumns: string[];
}

export const quoteName = (name: string) => `"${name.replaceAll('"', '""')}"`;
const text = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** Every table the audit log follows, as the schema stands. */
export function auditedTables(sqlite: BetterSqlite3.Database): AuditedTable[] {
  const tables = sqlite
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all() as { name: string; sql: string }[];
  return tables
    .filter((t) => !AUDIT_EXEMPT.has(t.name))
    .map((t) => {
      const info = sqlite.pragma(`table_info(${quoteName(t.name)})`) as {
        name: string;
        type: string;
        pk: number;
      }[];
      const pk = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
      const withoutRowid = /\)\s*(STRICT\s*,\s*)?WITHOUT\s+ROWID/i.test(t.sql);
      const alias =
        pk.length === 1 && pk[0]?.type.toUpperCase() === 'INTEGER' && !withoutRowid ? pk[0].name : null;
      return {
        name: t.name,
        columns: info.filter((c) => !SECRET.test(c.name)).map((c) => c.name),
        secret: info.filter((c) => SECRET.test(c.name)).map((c) => c.name),
        idColumn: alias,
        keyColumns: alias ? [] : pk.map((c) => c.name),
      };
    });
}

/** A row's image as the log keeps it: every column but the secret ones, as a JSON object. */
export const imageSql = (table: AuditedTable, row: string): string =>
  `json_object(${table.columns.map((c) => `${text(c)}, ${row}.${quoteName(c)}`).join(', ')})`;

/** What names a row in the log: [row_id, row_key] as SQL over `row` (NEW, OLD or a table alias). */
export function keySql(table: AuditedTable, row: string): [string, string] {
  if (table.idColumn) return [`${row}.${quoteName(table.idColumn)}`, 'NULL'];
  const columns =
    table.keyColumns.length > 0 ? table.keyColumns.map((c) => `${row}.${quoteName(c)}`) : [`${row}.rowid`];
  return ['NULL', `json_array(${columns.join(', ')})`];
}

function tableTriggers(table: AuditedTable): Map<string, string> {
  const triggers = new Map<string, string>();
  const on = quoteName(table.name);
  const changedSecret = table.secret.map(
    (c) => `, ${text(`$.${c}_changed`)}, NEW.${quoteName(c)} IS NOT OLD.${quoteName(c)}`,
  );
  const afterUpdate = table.secret.length
    ? `json_set(${imageSql(table, 'NEW')}${changedSecret.join('')})`
    : imageSql(table, 'NEW');
  const images: Record<string, [string, string, string]> = {
    insert: ['NEW', 'NULL', imageSql(table, 'NEW')],
    update: ['NEW', imageSql(table, 'OLD'), afterUpdate],
    delete: ['OLD', imageSql(table, 'OLD'), 'NULL'],
  };
  for (const [action, [row, before, after]] of Object.entries(images)) {
    const [rowId, rowKey] = keySql(table, row);
    const name = `audit_${table.name}_${action}`;
    triggers.set(
      name,
      `CREATE TRIGGER ${quoteName(name)} AFTER ${action.toUpperCase()} ON ${on} BEGIN
  INSERT INTO audit_log (action, table_name, row_id, row_key, before, after)
  VALUES (${text(action)}, ${text(table.name)}, ${rowId}, ${rowKey}, ${before}, ${after});
END`,
    );
  }
  return triggers;
}

/** The log's own guard: its rows and their seals are only ever added, never changed or deleted. */
const LOG_TRIGGERS = new Map(
  ['audit_log', 'audit_seal'].flatMap((table) =>
    ['update', 'delete'].map((action): [string, string] => [
      `${table}_no_${action}`,
      `CREATE TRIGGER "${table}_no_${action}" BEFORE ${action.toUpperCase()} ON ${table}
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
    ]),
  ),
);

/** Every audit trigger the schema should have, by name, with its exact SQL. */
export function expectedAuditTriggers(sqlite: BetterSqlite3.Database): Map<string, string> {
  const all = new Map(LOG_TRIGGERS);
  for (const table of auditedTables(sqlite))
    for (const [name, sql] of tableTriggers(table)) all.set(name, sql);
  return all;
}

export const isAuditTrigger = (name: string) => name.startsWith('audit_');

/**
 * Rows whose current image is not their latest after-image in the log (changed outside it, or never
 * logged), as SQL over one table: [row_id, row_key, current image, latest log id or null].
 */
export function unloggedRowsSql(table: AuditedTable): string {
  const [rowId, rowKey] = keySql(table, 't');
  const column = table.idColumn ? 'row_id' : 'row_key';
  const own = table.idColumn ? rowId : rowKey;
  const after = table.secret.reduce(
    (json, c) => `json_remove(${json}, ${text(`$.${c}_changed`)})`,
    'l.after',
  );
  return `SELECT ${rowId} AS row_id, ${rowKey} AS row_key, ${imageSql(table, 't')} AS image,
      (SELECT max(id) FROM audit_log WHERE table_name = ${text(table.name)} AND ${column} = ${own}) AS log_id
    FROM ${quoteName(table.name)} t
    WHERE NOT EXISTS (
      SELECT 1 FROM audit_log l WHERE l.id = (SELECT max(id) FROM audit_log
                                              WHERE table_name = ${text(table.name)} AND ${column} = ${own})
        AND l.action <> 'delete' AND ${after} = ${imageSql(table, 't')})`;
}

/**
 * (Re)creates the audit triggers for the schema as it stands, records the migrations' other triggers
 * as they are now (so that the check can tell one dropped or changed later), and logs as a baseline
 * every row the log does not yet describe (rows written before the log existed, or by a migration
 * before its table had triggers). Run by the migration runner after it has applied migrations, inside
 * a transaction: run on every open, it would hide a trigger dropped from outside.
 */
export function refreshAuditTriggers(sqlite: BetterSqlite3.Database): void {
  const existing = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    .pluck()
    .all() as string[];
  for (const name of existing.filter(isAuditTrigger)) sqlite.exec(`DROP TRIGGER ${quoteName(name)}`);
  for (const sql of expectedAuditTriggers(sqlite).values()) sqlite.exec(sql);

  // Only what differs is written, so that the log shows which triggers a migration added or changed.
  const others = `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name NOT LIKE 'audit\\_%' ESCAPE '\\'`;
  sqlite.exec(`DELETE FROM audit_schema WHERE (name, sql) NOT IN (${others})`);
  sqlite.exec(`INSERT INTO audit_schema (name, sql) SELECT name, sql FROM (${others})
    WHERE name NOT IN (SELECT name FROM audit_schema)`);

  for (const table of auditedTables(sqlite)) {
    sqlite.exec(`INSERT INTO audit_log (action, table_name, row_id, row_key, before, after)
      SELECT 'baseline', ${text(table.name)}, row_id, row_key, NULL, image FROM (${unloggedRowsSql(table)})`);
  }
}
