import type { ReactNode } from 'react';
import { movementLabel } from '../../shared/movement-kinds';
import type { MemberShares, MemberStatement } from '../../shared/savings';
import { Money } from '../components/money';
import { memberNumber, useI18n } from '../i18n';

type StatementAccount = MemberStatement['savings'][number];

/**
 * The certificates written to the member, while the member holds shares. The register does not cancel a
 * certificate when its shares are transferred or paid back, so a member holding none shows none.
 */
export const certificateList = (shares: MemberShares, num: (n: number) => string): string =>
  shares.shares <= 0
    ? ''
    : shares.movements
        .flatMap((movement) => (movement.certificateNumber === null ? [] : [num(movement.certificateNumber)]))
        .join(', ');

/** Shares held, their capital and certificates, and every share movement up to the statement's date. */
export function SharesStatement({ shares }: { shares: MemberShares }) {
  const i18n = useI18n();
  const m = i18n.t.money;
  const s = m.statement;
  return (
    <section className="statement-section" aria-label={m.shares.heading}>
      <h2>{m.shares.heading}</h2>
      <dl className="statement-facts">
        <div>
          <dt>{m.shares.held}</dt>
          <dd>{i18n.format(m.sharesCount, { n: shares.shares })}</dd>
        </div>
        <div>
          <dt>{m.shares.capital}</dt>
          <dd>
            <Money amount={shares.capital} currency="KHR" />
          </dd>
        </div>
        <div>
          <dt>{m.shares.certificates}</dt>
          <dd>{certificateList(shares, i18n.num) || i18n.t.common.none}</dd>
        </div>
      </dl>
      <table className="stmt-table statement-table" aria-label={m.shares.heading}>
        <thead>
          <tr>
            <th scope="col" className="date">
              {s.date}
            </th>
            <th scope="col" className="voucher">
              {s.number}
            </th>
            <th scope="col">{s.kind}</th>
            <th scope="col" className="num">
              {s.sharesColumn}
            </th>
            <th scope="col" className="num">
              {s.certificate}
            </th>
            <th scope="col">{s.detail}</th>
          </tr>
        </thead>
        <tbody>
          {shares.movements.map((movement) => (
            <tr key={movement.id}>
              <td className="date">{i18n.date(movement.date)}</td>
              <td className="voucher">{movement.entryNumber ?? ''}</td>
              <td>
                {i18n.format(s.shareKinds[movement.kind], {
                  member: memberNumber(movement.counterpartMemberNumber ?? 0),
                })}
              </td>
              <td className="num">
                {i18n.num(movement.shares > 0 ? `+${movement.shares}` : movement.shares)}
              </td>
              <td className="num">
                {movement.certificateNumber === null ? '' : i18n.num(movement.certificateNumber)}
              </td>
              <td className="stmt-memo">{movement.decisionRef}</td>
            </tr>
          ))}
          {shares.movements.length === 0 ? (
            <tr>
              <td colSpan={6} className="muted stmt-empty">
                {s.noShareMovements}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </section>
  );
}

/** One savings account: its dates and balance, then each movement with the balance after it. */
export function SavingsStatement({ account, to }: { account: StatementAccount; to: string }) {
  const i18n = useI18n();
  const s = i18n.t.money.statement;
  const { currency, movements } = account;
  const name = i18n.language === 'km' ? account.productNameKm : account.productNameEn;
  const title = `${name} · ${account.number}`;
  const facts: [string, ReactNode][] = [
    [s.opened, i18n.date(account.openedOn)],
    ...(account.maturityOn ? [[s.maturity, i18n.date(account.maturityOn)] as [string, string]] : []),
    ...(account.closedOn ? [[s.closed, i18n.date(account.closedOn)] as [string, string]] : []),
    [s.balance, <Money key="balance" amount={account.balance} currency={currency} />],
    [s.interestEarned, <Money key="interest" amount={account.interestEarned} currency={currency} />],
  ];
  const deposits = movements.reduce((sum, row) => sum + Math.max(row.amount, 0), 0);
  const withdrawals = movements.reduce((sum, row) => sum + Math.max(-row.amount, 0), 0);
  return (
    <section className="statement-section" aria-label={title}>
      <h2>
        {name} <span className="savings-number">{account.number}</span>
      </h2>
      <dl className="statement-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <table className="stmt-table statement-table" aria-label={title}>
        <thead>
          <tr>
            <th scope="col" className="date">
              {s.date}
            </th>
            <th scope="col" className="voucher">
              {s.number}
            </th>
            <th scope="col">{s.kind}</th>
            <th scope="col" className="num">
              {s.deposit}
            </th>
            <th scope="col" className="num">
              {s.withdrawal}
            </th>
            <th scope="col" className="num">
              {s.balance}
            </th>
          </tr>
        </thead>
        <tbody>
          {movements.map((row) => (
            <tr key={row.entryId}>
              <td className="date">{i18n.date(row.date)}</td>
              <td className="voucher">{row.number ?? ''}</td>
              <td className="stmt-memo">{movementLabel(i18n.language, row.kind, row.memo)}</td>
              <td className="num">
                <Money amount={Math.max(row.amount, 0)} currency={currency} blankZero />
              </td>
              <td className="num">
                <Money amount={Math.max(-row.amount, 0)} currency={currency} blankZero />
              </td>
              <td className="num">
                <Money amount={row.balance} currency={currency} />
              </td>
            </tr>
          ))}
          {movements.length === 0 ? (
            <tr>
              <td colSpan={6} className="muted stmt-empty">
                {s.noMovements}
              </td>
            </tr>
          ) : null}
        </tbody>
        <tfoot>
          <tr className="stmt-total">
            <td className="date">{i18n.date(account.closedOn ?? to)}</td>
            <td />
            <th scope="row">{s.total}</th>
            <td className="num">
              <Money amount={deposits} currency={currency} />
            </td>
            <td className="num">
              <Money amount={withdrawals} currency={currency} />
            </td>
            <td className="num">
              <Money amount={account.balance} currency={currency} />
            </td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
