import type BetterSqlite3 from 'better-sqlite3';
import type { z } from 'zod';
import type { AuditAction, AuditLogPage, AuditLogRow, auditQuerySchema } from '../../shared/audit';

type Query = z.output<typeof auditQuerySchema>;

const nextDay = (iso: string) => {
  const day = new Date(`${iso}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
};

/** The audit log newest first, filtered by user, date range (of the seal's time), table and action. */
export function listAudit(sqlite: BetterSqlite3.Database, query: Query): AuditLogPage {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const add = (clause: string, value: string | number | undefined) => {
    if (value === undefined) return;
    where.push(clause);
    params.push(value);
  };
  add('s.user = ?', query.user);
  add('s.at >= ?', query.from);
  add('s.at < ?', query.to === undefined ? undefined : nextDay(query.to));
  add('l.table_name = ?', query.tableName);
  add('l.action = ?', query.action);
  add('l.id < ?', query.beforeId);
  const found = sqlite
    .prepare(
      `SELECT l.id, s.at, s.user, l.action, l.table_name, l.row_id, l.row_key, l.before, l.after, s.hash
       FROM audit_log l LEFT JOIN audit_seal s ON s.id = l.id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY l.id DESC LIMIT ?`,
    )
    .all(...params, query.limit + 1) as {
    id: number;
    at: string | null;
    user: string | null;
    action: AuditAction;
    table_name: string;
    row_id: number | null;
    row_key: string | null;
    before: string | null;
    after: string | null;
    hash: string | null;
  }[];
  const rows: AuditLogRow[] = found.slice(0, query.limit).map((r) => ({
    id: r.id,
    at: r.at,
    user: r.user,
    action: r.action,
    tableName: r.table_name,
    rowId: r.row_id,
    rowKey: r.row_key,
    before: r.before === null ? null : (JSON.parse(r.before) as Record<string, unknown>),
    after: r.after === null ? null : (JSON.parse(r.after) as Record<string, unknown>),
    sealed: r.hash !== null,
  }));
  const distinct = (query: string) => sqlite.prepare(query).pluck().all() as string[];
  return {
    rows,
    users: distinct('SELECT DISTINCT user FROM audit_seal ORDER BY 1'),
    // Along the (table_name, row_id, id) index: one step per table, not one per row.
    tables: distinct('SELECT DISTINCT table_name FROM audit_log ORDER BY 1'),
    more: found.length > query.limit,
  };
}
