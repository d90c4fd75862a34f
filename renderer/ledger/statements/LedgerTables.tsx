import type { ReactNode } from 'react';
import type { Currency } from '../../../shared/khmer';
import type { CashBook, GeneralLedger, LedgerRow } from '../../../shared/ledger';
import { Money } from '../../components/money';
import { memberNumber, useI18n } from '../../i18n';

/** Date, voucher, description, member, two amount columns and the balance: both books read alike. */
function LedgerHead({ debit, credit }: { debit: string; credit: string }) {
  const l = useI18n().t.statements.ledger;
  return (
    <thead>
      <tr>
        <th scope="col" className="date">
          {l.date}
        </th>
        <th scope="col" className="voucher">
          {l.number}
        </th>
        <th scope="col">{l.memo}</th>
        <th scope="col">{l.member}</th>
        <th scope="col" className="num">
          {debit}
        </th>
        <th scope="col" className="num">
          {credit}
        </th>
        <th scope="col" className="num">
          {l.balance}
        </th>
      </tr>
    </thead>
  );
}

function MovementRow({ row, currency }: { row: LedgerRow; currency: Currency }) {
  const i18n = useI18n();
  return (
    <tr>
      <td className="date">{i18n.date(row.date)}</td>
      <td className="voucher">{row.number ?? ''}</td>
      <td className="stmt-memo">{row.memo}</td>
      <td>
        {row.memberNumber === null
          ? ''
          : `${i18n.num(memberNumber(row.memberNumber))} ${row.memberNameKm ?? ''}`}
      </td>
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
  );
}

/** A balance line: opening or closing, with the period's movements beside a closing one. */
function BalanceRow({
  className,
  date,
  label,
  balance,
  movements,
  currency,
}: {
  className: string;
  date: string;
  label: string;
  balance: number;
  movements?: { in: number; out: number };
  currency: Currency;
}) {
  const i18n = useI18n();
  const amount = (value: number | undefined): ReactNode =>
    value === undefined ? null : <Money amount={value} currency={currency} />;
  return (
    <tr className={className}>
      <td className="date">{i18n.date(date)}</td>
      <td />
      <th scope="row" colSpan={2}>
        {label}
      </th>
      <td className="num">{amount(movements?.in)}</td>
      <td className="num">{amount(movements?.out)}</td>
      <td className="num">{amount(balance)}</td>
    </tr>
  );
}

const totalsOf = (rows: readonly LedgerRow[]) => ({
  in: rows.reduce((sum, row) => sum + Math.max(row.amount, 0), 0),
  out: rows.reduce((sum, row) => sum + Math.max(-row.amount, 0), 0),
});

/** One account over a period: opening balance, each line with the running balance, closing balance. */
export function GeneralLedgerTable({ ledger }: { ledger: GeneralLedger }) {
  const i18n = useI18n();
  const s = i18n.t.statements;
  const currency = ledger.account.currency ?? 'KHR';
  return (
    <table className="stmt-table stmt-ledger" aria-label={s.kinds.generalLedger}>
      <LedgerHead debit={s.debit} credit={s.credit} />
      <tbody>
        <BalanceRow
          className="stmt-subtotal"
          date={ledger.from}
          label={s.ledger.opening}
          balance={ledger.opening}
          currency={currency}
        />
        {ledger.rows.map((row, index) => (
          // An entry can touch the same account twice, so the position keeps keys apart.
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are never reordered or edited in place.
          <MovementRow key={`${row.entryId}-${index}`} row={row} currency={currency} />
        ))}
        {ledger.rows.length === 0 ? (
          <tr>
            <td colSpan={7} className="muted stmt-empty">
              {s.ledger.noRows}
            </td>
          </tr>
        ) : null}
        <BalanceRow
          className="stmt-total"
          date={ledger.to}
          label={s.ledger.closing}
          balance={ledger.closing}
          movements={totalsOf(ledger.rows)}
          currency={currency}
        />
      </tbody>
    </table>
  );
}

/** Cash on hand in one currency, day by day: each day's opening, receipts, payments and closing. */
export function CashBookTable({ book }: { book: CashBook }) {
  const i18n = useI18n();
  const s = i18n.t.statements;
  const c = s.cashBook;
  const { currency } = book;
  return (
    <table className="stmt-table stmt-ledger" aria-label={s.kinds.cashBook}>
      <LedgerHead debit={c.receipts} credit={c.payments} />
      {book.days.length === 0 ? (
        <tbody>
          <BalanceRow
            className="stmt-subtotal"
            date={book.from}
            label={s.ledger.opening}
            balance={book.opening}
            currency={currency}
          />
          <tr>
            <td colSpan={7} className="muted stmt-empty">
              {c.noMovement}
            </td>
          </tr>
        </tbody>
      ) : null}
      {book.days.map((day) => (
        <tbody key={day.date} aria-label={i18n.date(day.date)}>
          <BalanceRow
            className="stmt-day-opening"
            date={day.date}
            label={c.dayOpening}
            balance={day.opening}
            currency={currency}
          />
          {day.rows.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are never reordered or edited in place.
            <MovementRow key={`${row.entryId}-${index}`} row={row} currency={currency} />
          ))}
          <BalanceRow
            className="stmt-subtotal"
            date={day.date}
            label={c.dayClosing}
            balance={day.closing}
            movements={{ in: day.receipts, out: day.payments }}
            currency={currency}
          />
        </tbody>
      ))}
      <tbody>
        <BalanceRow
          className="stmt-total"
          date={book.to}
          label={s.ledger.closing}
          balance={book.closing}
          movements={{
            in: book.days.reduce((sum, day) => sum + day.receipts, 0),
            out: book.days.reduce((sum, day) => sum + day.payments, 0),
          }}
          currency={currency}
        />
      </tbody>
    </table>
  );
}
