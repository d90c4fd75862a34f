import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Member, MemberQuery, MemberRow } from '../../shared/schemas';
import { call } from '../api';
import { type Column, VirtualTable } from '../components/VirtualTable';
import { memberNumber, useI18n } from '../i18n';
import { ForRole } from '../users/roles';
import { ExitForm } from './ExitForm';
import { MemberDetail } from './MemberDetail';
import { emptyMember, MemberForm } from './MemberForm';

type Panel =
  | { kind: 'none' }
  | { kind: 'new' }
  | { kind: 'view'; member: Member }
  | { kind: 'edit'; member: Member }
  | { kind: 'exit'; member: Member; status: 'left' | 'deceased' };

const ROW_HEIGHT = 44;

export function MembersScreen({
  today,
  onChanged,
  onStatement,
}: {
  today: string;
  onChanged: () => void;
  onStatement: (memberId: number) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [query, setQuery] = useState<MemberQuery>({ text: '', status: 'all', sex: 'all', sort: 'number' });
  const [rows, setRows] = useState<MemberRow[]>([]);
  const [total, setTotal] = useState(0);
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const [notice, setNotice] = useState('');
  const [failed, setFailed] = useState(false);
  const latest = useRef(0);

  // Search as you type: only the answer to the newest query is shown.
  const load = useCallback(async (q: MemberQuery) => {
    const request = ++latest.current;
    const result = await call('members.list', q);
    if (request !== latest.current) return;
    setFailed(!result.ok);
    if (result.ok) setRows(result.value);
  }, []);

  const loadTotal = useCallback(async () => {
    const status = await call('app.status', {});
    if (status.ok) setTotal(status.value.memberCount);
  }, []);

  useEffect(() => {
    void load(query);
  }, [load, query]);
  useEffect(() => {
    void loadTotal();
  }, [loadTotal]);

  const open = async (id: number) => {
    const result = await call('members.get', { id });
    if (result.ok) setPanel({ kind: 'view', member: result.value });
  };

  const saved = (member: Member, message: string) => {
    setPanel({ kind: 'view', member });
    setNotice(i18n.format(message, { number: memberNumber(member.number) }));
    void load(query);
    void loadTotal();
    onChanged();
  };

  const columns = useMemo<Column<MemberRow>[]>(
    () => [
      {
        key: 'number',
        header: t.members.number,
        width: '5.5rem',
        cell: (r) => i18n.num(memberNumber(r.number)),
      },
      {
        key: 'name',
        header: t.members.name,
        width: 'minmax(10rem, 2fr)',
        cell: (r) => (
          <span className="name-cell">
            <span className="name-km">{r.nameKm}</span>
            {r.nameLatin ? <span className="name-latin">{r.nameLatin}</span> : null}
          </span>
        ),
      },
      { key: 'sex', header: t.members.sex, width: '3.5rem', cell: (r) => t.members[r.sex] },
      { key: 'village', header: t.members.village, width: 'minmax(5rem, 1fr)', cell: (r) => r.village },
      { key: 'join', header: t.members.joinDate, width: '7rem', cell: (r) => i18n.date(r.joinDate) },
      {
        key: 'status',
        header: t.members.status,
        width: '7.5rem',
        cell: (r) => <span className={`status-badge ${r.status}`}>{t.members[r.status]}</span>,
      },
    ],
    [i18n, t],
  );

  const selectedId = panel.kind === 'none' || panel.kind === 'new' ? null : panel.member.id;
  const set = (change: Partial<MemberQuery>) => setQuery((q) => ({ ...q, ...change }));

  return (
    <section className="screen members-screen">
      <header className="screen-header">
        <h1>{t.members.title}</h1>
        <ForRole needs="enter">
          <button
            type="button"
            className="primary"
            onClick={() => {
              setNotice('');
              setPanel({ kind: 'new' });
            }}
          >
            + {t.members.add}
          </button>
        </ForRole>
      </header>
      <div className="toolbar">
        <label className="search">
          <span>{t.members.search}</span>
          <input
            type="search"
            value={query.text}
            placeholder={t.members.searchPlaceholder}
            onChange={(e) => set({ text: e.target.value })}
          />
        </label>
        <label>
          <span>{t.members.statusFilter}</span>
          <select
            value={query.status}
            onChange={(e) => set({ status: e.target.value as MemberQuery['status'] })}
          >
            <option value="all">{t.members.all}</option>
            <option value="active">{t.members.active}</option>
            <option value="left">{t.members.left}</option>
            <option value="deceased">{t.members.deceased}</option>
          </select>
        </label>
        <label>
          <span>{t.members.sexFilter}</span>
          <select value={query.sex} onChange={(e) => set({ sex: e.target.value as MemberQuery['sex'] })}>
            <option value="all">{t.members.all}</option>
            <option value="F">{t.members.F}</option>
            <option value="M">{t.members.M}</option>
          </select>
        </label>
        <label>
          <span>{t.members.sort}</span>
          <select value={query.sort} onChange={(e) => set({ sort: e.target.value as MemberQuery['sort'] })}>
            <option value="number">{t.members.sortNumber}</option>
            <option value="name">{t.members.sortName}</option>
          </select>
        </label>
        <span className="count" role="status">
          {i18n.format(t.members.count, { shown: rows.length, total })}
        </span>
      </div>
      {failed ? <div className="banner error">{t.errors.unexpected}</div> : null}
      <div className="split">
        <VirtualTable
          rows={rows}
          columns={columns}
          rowHeight={ROW_HEIGHT}
          label={t.members.title}
          selectedId={selectedId}
          onOpen={(row) => void open(row.id)}
          empty={t.members.empty}
        />
        <aside className="side-panel">
          {notice && panel.kind === 'view' ? (
            <div className="banner ok" role="status">
              {notice}
            </div>
          ) : null}
          {panel.kind === 'none' ? <p className="muted">{t.members.selectHint}</p> : null}
          {panel.kind === 'new' ? (
            <MemberForm
              member={null}
              initial={emptyMember(today)}
              onSaved={(m) => saved(m, t.members.created)}
              onCancel={() => setPanel({ kind: 'none' })}
            />
          ) : null}
          {panel.kind === 'edit' ? (
            <MemberForm
              key={panel.member.id}
              member={panel.member}
              initial={panel.member}
              onSaved={(m) => saved(m, t.members.updated)}
              onCancel={() => setPanel({ kind: 'view', member: panel.member })}
            />
          ) : null}
          {panel.kind === 'view' ? (
            <MemberDetail
              member={panel.member}
              onStatement={() => onStatement(panel.member.id)}
              onEdit={() => {
                setNotice('');
                setPanel({ kind: 'edit', member: panel.member });
              }}
              onExit={(status) => {
                setNotice('');
                setPanel({ kind: 'exit', member: panel.member, status });
              }}
            />
          ) : null}
          {panel.kind === 'exit' ? (
            <ExitForm
              member={panel.member}
              status={panel.status}
              today={today}
              onSaved={(m) => saved(m, t.members.updated)}
              onCancel={() => setPanel({ kind: 'view', member: panel.member })}
            />
          ) : null}
        </aside>
      </div>
    </section>
  );
}
