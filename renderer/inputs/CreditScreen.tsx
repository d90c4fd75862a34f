import { useCallback, useEffect, useState } from 'react';
import { localToday } from '../../shared/dates';
import { AGING_BUCKETS, type AgingRow, type CreditAging, type MemberInputCredit } from '../../shared/inputs';
import { call } from '../api';
import { Money } from '../components/money';
import { useAccounts } from '../components/pickers';
import { memberNumber, useI18n } from '../i18n';
import { AsOfField } from '../money/AsOfField';
import type { Confirmation } from '../money/formParts';
import { CreditSales } from './CreditSales';
import { type Notice, NoticeBanner } from './parts';

/**
 * Input credit at a date, per member and in total: not yet due, 1–30, 31–90 and over 90 days overdue.
 * A member's row opens their credit sales and the repayment form beside the table.
 */
export function CreditScreen() {
  const i18n = useI18n();
  const p = i18n.t.inputs;
  const { accounts } = useAccounts();
  const [asOf, setAsOf] = useState(localToday());
  const [aging, setAging] = useState<CreditAging | null>(null);
  const [chosen, setChosen] = useState<AgingRow | null>(null);
  const [credit, setCredit] = useState<MemberInputCredit | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [version, setVersion] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: read again after each repayment (`version`).
  useEffect(() => {
    let current = true;
    void call('inputs.aging', { asOf }).then((result) => {
      if (current && result.ok) setAging(result.value);
    });
    return () => {
      current = false;
    };
  }, [asOf, version]);

  const openMember = useCallback(async (row: AgingRow) => {
    setChosen(row);
    const result = await call('inputs.memberCredit', { memberId: row.memberId });
    setCredit(result.ok ? result.value : null);
  }, []);

  const repaid = (confirmation: Confirmation) => {
    setNotice(() => confirmation);
    setVersion((v) => v + 1);
    if (chosen) void openMember(chosen);
  };

  if (!aging || accounts.length === 0) return null;
  return (
    <section className="screen inputs-screen">
      <header className="screen-header">
        <h1>{p.aging.title}</h1>
      </header>
      <NoticeBanner notice={notice} i18n={i18n} />
      <div className={chosen ? 'split credit-split' : 'inputs-body'}>
        <div className="panel scroll">
          <div className="toolbar">
            <AsOfField label={p.asOf} value={asOf} onChange={setAsOf} />
            <span className="count">{i18n.format(p.aging.members, { n: aging.rows.length })}</span>
          </div>
          {aging.rows.length === 0 ? <p className="muted">{p.aging.empty}</p> : null}
          {/* With a member's sales open beside it, the table leaves the village out: every amount stays in view. */}
          <table className="stmt-table aging-table" aria-label={p.aging.title}>
            <thead>
              <tr>
                <th>{p.aging.number}</th>
                <th>{p.aging.name}</th>
                {chosen ? null : <th>{p.aging.village}</th>}
                {AGING_BUCKETS.map((bucket) => (
                  <th key={bucket} className="num">
                    {p.aging.buckets[bucket]}
                  </th>
                ))}
                <th className="num">{p.total}</th>
              </tr>
            </thead>
            <tbody>
              {aging.rows.map((row) => (
                <tr key={row.memberId} className={chosen?.memberId === row.memberId ? 'selected' : undefined}>
                  <td>{i18n.num(memberNumber(row.memberNumber))}</td>
                  <td>
                    <button type="button" className="link" onClick={() => void openMember(row)}>
                      {row.nameKm}
                    </button>
                  </td>
                  {chosen ? null : <td>{row.village}</td>}
                  {AGING_BUCKETS.map((bucket) => (
                    <td key={bucket} className="num">
                      <Money amount={row[bucket]} currency="KHR" blankZero />
                    </td>
                  ))}
                  <td className="num">
                    <Money amount={row.total} currency="KHR" />
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="stmt-total">
                <th colSpan={chosen ? 2 : 3}>{p.total}</th>
                {AGING_BUCKETS.map((bucket) => (
                  <td key={bucket} className="num">
                    <Money amount={aging.totals[bucket]} currency="KHR" />
                  </td>
                ))}
                <td className="num">
                  <Money amount={aging.totals.total} currency="KHR" />
                </td>
              </tr>
              <tr className="stmt-check">
                <td colSpan={chosen ? 6 : 7}>{p.aging.ledger}</td>
                <td className="num">
                  <Money amount={aging.ledgerBalance} currency="KHR" />
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
        {chosen ? (
          <aside className="side-panel">
            {credit && credit.memberId === chosen.memberId ? (
              <CreditSales
                key={`${chosen.memberId}-${version}`}
                name={chosen.nameKm}
                credit={credit}
                accounts={accounts}
                onRepaid={repaid}
                onClose={() => {
                  setChosen(null);
                  setCredit(null);
                }}
              />
            ) : null}
          </aside>
        ) : null}
      </div>
    </section>
  );
}
