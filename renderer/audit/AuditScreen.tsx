import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditLogPage,
  type AuditLogRow,
  type AuditQuery,
  type AuditReport,
  auditFindingText,
  auditTableWord,
} from '../../shared/audit';
import { call } from '../api';
import { type Column, VirtualTable } from '../components/VirtualTable';
import { type I18n, useI18n } from '../i18n';
import { refusalText } from '../ledger/statements/refusal';
import { auditEn, auditKm } from './words';

const ROW_HEIGHT = 40;
const PAGE = 1000;

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** A column in the screens' own words where they have it: the member form's, the profile's, or the log's. */
function fieldWord(i18n: I18n, table: string, column: string): string {
  const forms: Record<string, Record<string, unknown>> = {
    members: i18n.t.members,
    cooperative: i18n.t.cooperative,
  };
  const word = forms[table]?.[camel(column)];
  if (typeof word === 'string') return word;
  return (i18n.language === 'km' ? auditKm : auditEn).fields[column] ?? column;
}

const shown = (value: unknown) => (value === null || value === undefined ? '—' : String(value));

/** The fields a change touched (every field for an addition, a deletion or a starting point). */
function changed(row: AuditLogRow): string[] {
  const before = row.before ?? {};
  const after = row.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  if (row.action !== 'update') return keys;
  return keys.filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]) && !k.endsWith('_changed'),
  );
}

/** The audit log: who changed what and when, filterable, with the check of the chain above it. */
export function AuditScreen() {
  const i18n = useI18n();
  const w = i18n.language === 'km' ? auditKm : auditEn;
  const [filters, setFilters] = useState<AuditQuery>({});
  const [page, setPage] = useState<AuditLogPage | null>(null);
  const [report, setReport] = useState<AuditReport | null>(null);
  const [selected, setSelected] = useState<AuditLogRow | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  const verify = useCallback(async () => {
    const result = await call('audit.verify', {});
    if (result.ok) setReport(result.value);
    else setError(refusalText(i18n, result.error));
  }, [i18n]);

  const load = useCallback(
    async (query: AuditQuery, older?: AuditLogPage) => {
      const request = ++latest.current;
      const last = older?.rows.at(-1);
      const result = await call('audit.list', {
        ...query,
        limit: PAGE,
        ...(last ? { beforeId: last.id } : {}),
      });
      if (request !== latest.current) return;
      if (!result.ok) {
        setError(refusalText(i18n, result.error));
        return;
      }
      setError(null);
      setPage(older ? { ...result.value, rows: [...older.rows, ...result.value.rows] } : result.value);
    },
    [i18n],
  );

  useEffect(() => {
    void verify();
  }, [verify]);
  useEffect(() => {
    void load(filters);
  }, [load, filters]);

  const set = (change: Partial<AuditQuery>) => {
    setSelected(null);
    setFilters((f) => {
      const next: Record<string, unknown> = { ...f, ...change };
      for (const key of Object.keys(next)) if (next[key] === '' || next[key] === undefined) delete next[key];
      return next as AuditQuery;
    });
  };

  const columns = useMemo<Column<AuditLogRow>[]>(
    () => [
      { key: 'id', header: w.id, width: '4.5rem', cell: (r) => i18n.num(r.id) },
      {
        key: 'at',
        header: w.at,
        width: '9.5rem',
        cell: (r) => (r.at ? `${i18n.date(r.at.slice(0, 10))} ${i18n.num(r.at.slice(11, 16))}` : w.outside),
      },
      { key: 'user', header: w.user, width: 'minmax(5rem, 1fr)', cell: (r) => r.user ?? w.unsealed },
      { key: 'action', header: w.action, width: '5.5rem', cell: (r) => w.actions[r.action] },
      {
        key: 'table',
        header: w.table,
        width: 'minmax(6rem, 1fr)',
        cell: (r) => auditTableWord(r.tableName, i18n.language),
      },
      { key: 'row', header: w.row, width: '3.5rem', cell: (r) => i18n.num(r.rowId ?? r.rowKey ?? '') },
      {
        key: 'change',
        header: w.change,
        width: 'minmax(7rem, 1.5fr)',
        cell: (r) =>
          r.action === 'update'
            ? changed(r)
                .map((c) => fieldWord(i18n, r.tableName, c))
                .join(', ')
            : i18n.format(w.changedFields, { count: changed(r).length }),
      },
    ],
    [i18n, w],
  );

  return (
    <section className="screen audit-screen">
      <header className="screen-header">
        <h1>{w.title}</h1>
        <button
          type="button"
          onClick={() => {
            void verify();
            void load(filters);
          }}
        >
          {w.verify}
        </button>
      </header>
      {report?.intact ? (
        <div className="banner ok" role="status">
          {i18n.format(w.intact, { rows: report.rows })}
        </div>
      ) : null}
      {report && !report.intact ? (
        <div className="banner error" role="alert">
          <strong>
            {i18n.format(w.broken, { count: Object.values(report.counts).reduce((a, b) => a + (b ?? 0), 0) })}
          </strong>
          <ul>
            {report.findings.map((f) => (
              <li key={JSON.stringify(f)}>{i18n.num(auditFindingText(f, i18n.language))}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {error ? (
        <div className="banner error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="toolbar">
        <label>
          <span>{w.user}</span>
          <select value={filters.user ?? ''} onChange={(e) => set({ user: e.target.value })}>
            <option value="">{w.all}</option>
            {page?.users.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{w.from}</span>
          <input type="date" value={filters.from ?? ''} onChange={(e) => set({ from: e.target.value })} />
        </label>
        <label>
          <span>{w.to}</span>
          <input type="date" value={filters.to ?? ''} onChange={(e) => set({ to: e.target.value })} />
        </label>
        <label>
          <span>{w.table}</span>
          <select value={filters.tableName ?? ''} onChange={(e) => set({ tableName: e.target.value })}>
            <option value="">{w.all}</option>
            {page?.tables.map((t) => (
              <option key={t} value={t}>
                {auditTableWord(t, i18n.language)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{w.action}</span>
          <select
            value={filters.action ?? ''}
            onChange={(e) => set({ action: (e.target.value || undefined) as AuditAction | undefined })}
          >
            <option value="">{w.all}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {w.actions[a]}
              </option>
            ))}
          </select>
        </label>
        <span className="count" role="status">
          {i18n.format(w.shown, { count: page?.rows.length ?? 0 })}
        </span>
        {page?.more ? (
          <button type="button" onClick={() => void load(filters, page)}>
            {w.more}
          </button>
        ) : null}
      </div>
      <div className="split">
        <VirtualTable
          rows={page?.rows ?? []}
          columns={columns}
          rowHeight={ROW_HEIGHT}
          label={w.title}
          selectedId={selected?.id ?? null}
          onOpen={setSelected}
          empty={w.empty}
        />
        <aside className="side-panel">
          {selected ? <AuditDetail row={selected} /> : <p className="muted">{w.selectHint}</p>}
        </aside>
      </div>
    </section>
  );
}

function AuditDetail({ row }: { row: AuditLogRow }) {
  const i18n = useI18n();
  const w = i18n.language === 'km' ? auditKm : auditEn;
  const fields = changed(row);
  const secret = Object.entries(row.after ?? {}).some(([k, v]) => k.endsWith('_changed') && v === 1);
  return (
    <div className="audit-detail">
      <h2>
        {w.actions[row.action]} · {auditTableWord(row.tableName, i18n.language)} · {w.row}{' '}
        {i18n.num(row.rowId ?? row.rowKey ?? '')}
      </h2>
      <p className="muted">
        {row.at ? `${i18n.date(row.at.slice(0, 10))} ${i18n.num(row.at.slice(11, 19))}` : w.outside} ·{' '}
        {row.user ?? w.unsealed}
      </p>
      {secret ? <p>{w.secretChanged}</p> : null}
      <table className="audit-changes" aria-label={w.change}>
        <thead>
          <tr>
            <th scope="col">{w.field}</th>
            <th scope="col">{w.before}</th>
            <th scope="col">{w.after}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field}>
              <th scope="row">{fieldWord(i18n, row.tableName, field)}</th>
              <td>{row.before ? shown(row.before[field]) : ''}</td>
              <td>{row.after ? shown(row.after[field]) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
