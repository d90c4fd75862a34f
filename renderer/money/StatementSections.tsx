import type { ReactNode } from 'react';
import type { Currency } from '../../shared/khmer';
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

/** A statement's facts (dates, balances) as label and value pairs above its table. */
export function StatementFacts({ facts }: { facts: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="statement-facts">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export interface PassbookRow {
  entryId: number;
  date: string;
  number: string | null;
  kind: string;
  memo: string;
  /** Signed: what comes in (a deposit, a purchase on credit) is positive. */
  amount: number;
  balance: number;
}

/**
 * Movements as a passbook prints them, each with the balance after it, and a total line on the closing
 * day: a savings account's deposits and withdrawals, a member's inputs bought on credit and repaid.
 */
export function PassbookTable(props: {
  label: string;
  currency: Currency;
  rows: readonly PassbookRow[];
  headers: { in: string; out: string; balance: string };
  end: string;
  closing: number;
  empty?: string;
}) {
  const i18n = useI18n();
  const s = i18n.t.money.statement;
  const { currency, rows } = props;
  const paidIn = rows.reduce((sum, row) => sum + Math.max(row.amount, 0), 0);
  const paidOut = rows.reduce((sum, row) => sum + Math.max(-row.amount, 0), 0);
  return (
    <table className="stmt-table statement-table" aria-label={props.label}>
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
            {props.headers.in}
          </th>
          <th scope="col" className="num">
            {props.headers.out}
          </th>
          <th scope="col" className="num">
            {props.headers.balance}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
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
        {rows.length === 0 && props.empty ? (
          <tr>
            <td colSpan={6} className="muted stmt-empty">
              {props.empty}
            </td>
          </tr>
        ) : null}
      </tbody>
      <tfoot>
        <tr className="stmt-total">
          <td className="date">{i18n.date(props.end)}</td>
          <td />
          <th scope="row">{s.total}</th>
          <td className="num">
            <Money amount={paidIn} currency={currency} />
          </td>
          <td className="num">
            <Money amount={paidOut} currency={currency} />
          </td>
          <td className="num">
            <Money amount={props.closing} currency={currency} />
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

/** One savings account: its dates and balance, then each movement with the balance after it. */
export function SavingsStatement({ account, to }: { account: StatementAccount; to: string }) {
  const i18n = useI18n();
  const s = i18n.t.money.statement;
  const { currency } = account;
  const name = i18n.language === 'km' ? account.productNameKm : account.productNameEn;
  const title = `${name} · ${account.number}`;
  const facts: [string, ReactNode][] = [
    [s.opened, i18n.date(account.openedOn)],
    ...(account.maturityOn ? [[s.maturity, i18n.date(account.maturityOn)] as [string, string]] : []),
    ...(account.closedOn ? [[s.closed, i18n.date(account.closedOn)] as [string, string]] : []),
    [s.balance, <Money key="balance" amount={account.balance} currency={currency} />],
    [s.interestEarned, <Money key="interest" amount={account.interestEarned} currency={currency} />],
  ];
  return (
    <section className="statement-section" aria-label={title}>
      <h2>
        {name} <span className="savings-number">{account.number}</span>
      </h2>
      <StatementFacts facts={facts} />
      <PassbookTable
        label={title}
        currency={currency}
        rows={account.movements}
        headers={{ in: s.deposit, out: s.withdrawal, balance: s.balance }}
        end={account.closedOn ?? to}
        closing={account.balance}
        empty={s.noMovements}
      />
    </section>
  );
}
