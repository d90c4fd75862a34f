import { useEffect, useMemo, useState } from 'react';
import { localToday } from '../../shared/dates';
import type { AppError } from '../../shared/errors';
import type { ShareRegister, ShareRegisterRow } from '../../shared/savings';
import { call } from '../api';
import { Money } from '../components/money';
import { type Column, VirtualTable } from '../components/VirtualTable';
import { memberNumber, useI18n } from '../i18n';
import { refusalText } from '../ledger/statements/refusal';
import { AsOfField } from './AsOfField';

type Row = ShareRegisterRow & { id: number };

const ROW_HEIGHT = 44;

/** Every member who holds or held shares, with capital and certificates; a row opens the member's statement. */
export function ShareRegisterScreen({ onStatement }: { onStatement: (memberId: number) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const r = t.money.register;
  const [asOf, setAsOf] = useState(localToday);
  const [register, setRegister] = useState<ShareRegister | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let current = true;
    void call('shares.register', { asOf }).then((result) => {
      if (!current) return;
      setError(result.ok ? null : result.error);
      if (result.ok) setRegister(result.value);
    });
    return () => {
      current = false;
    };
  }, [asOf]);

  const rows = useMemo<Row[]>(
    () => (register?.rows ?? []).map((row) => ({ ...row, id: row.memberId })),
    [register],
  );
  const columns = useMemo<Column<Row>[]>(
    () => [
      {
        key: 'number',
        header: r.number,
        width: '6.5rem',
        cell: (row) => i18n.num(memberNumber(row.memberNumber)),
      },
      {
        key: 'name',
        header: r.name,
        width: 'minmax(10rem, 2fr)',
        cell: (row) => (
          <span className="name-cell">
            <span className="name-km">{row.nameKm}</span>
            {row.nameLatin ? <span className="name-latin">{row.nameLatin}</span> : null}
          </span>
        ),
      },
      {
        key: 'status',
        header: r.status,
        width: '8rem',
        cell: (row) => <span className={`status-badge ${row.status}`}>{t.members[row.status]}</span>,
      },
      {
        key: 'shares',
        header: r.shares,
        width: '6rem',
        cell: (row) => <span className="num">{i18n.num(row.shares)}</span>,
      },
      {
        key: 'capital',
        header: r.capital,
        width: '9rem',
        cell: (row) => (
          <span className="num">
            <Money amount={row.capital} currency="KHR" />
          </span>
        ),
      },
      {
        key: 'certificates',
        header: r.certificates,
        width: 'minmax(8rem, 1fr)',
        cell: (row) => row.certificates.map((n) => i18n.num(n)).join(', '),
      },
    ],
    [i18n, t, r],
  );

  return (
    <section className="screen share-register">
      <header className="screen-header">
        <h1>{r.title}</h1>
      </header>
      <div className="toolbar">
        <AsOfField label={r.asOf} value={asOf} onChange={setAsOf} />
        {register ? (
          <dl className="register-par">
            <dt>{r.par}</dt>
            <dd>
              <Money amount={register.par} currency="KHR" />
            </dd>
          </dl>
        ) : null}
        <span className="count" role="status">
          {i18n.format(r.members, { n: rows.length })}
        </span>
      </div>
      {error ? (
        <div className="banner error" role="alert">
          {refusalText(i18n, error)}
        </div>
      ) : null}
      <VirtualTable
        rows={rows}
        columns={columns}
        rowHeight={ROW_HEIGHT}
        label={r.title}
        selectedId={null}
        onOpen={(row) => onStatement(row.memberId)}
        empty={r.empty}
      />
      {register ? (
        <section className="register-totals" aria-label={r.totals}>
          <dl>
            <div>
              <dt>{r.totals}</dt>
              <dd>{i18n.format(t.money.sharesCount, { n: register.totalShares })}</dd>
            </div>
            <div>
              <dt>{r.capital}</dt>
              <dd>
                <Money amount={register.totalCapital} currency="KHR" />
              </dd>
            </div>
          </dl>
        </section>
      ) : null}
      <p className="hint">{r.hint}</p>
    </section>
  );
}
