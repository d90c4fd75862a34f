import { currencySchema, type TrialBalance } from '../../../shared/ledger';
import { Money } from '../../components/money';
import { useI18n } from '../../i18n';

// Account codes and voucher numbers are identifiers written on paper and typed into pickers: every
// screen shows them as written, in Latin digits, while amounts and dates follow the user's language.

/** Names as the user reads them: Khmer in Khmer, English in English. */
export const nameIn = (language: 'km' | 'en', named: { nameKm: string; nameEn: string }) =>
  language === 'km' ? named.nameKm : named.nameEn;

export function TrialBalanceTable({ statement }: { statement: TrialBalance }) {
  const i18n = useI18n();
  const s = i18n.t.statements;
  const currencies = currencySchema.options.filter((c) => statement.rows.some((row) => row.currency === c));
  if (currencies.length === 0) return <p className="muted">{s.nothingPosted}</p>;
  return (
    <table className="stmt-table stmt-narrow" aria-label={s.kinds.trialBalance}>
      <thead>
        <tr>
          <th scope="col" className="code">
            {s.code}
          </th>
          <th scope="col">{s.accountName}</th>
          <th scope="col" className="num">
            {s.debit}
          </th>
          <th scope="col" className="num">
            {s.credit}
          </th>
        </tr>
      </thead>
      {currencies.map((currency) => {
        const totals = statement.totals[currency];
        return (
          <tbody key={currency} aria-label={s.currencies[currency]}>
            <tr className="stmt-currency">
              <th colSpan={4} scope="colgroup">
                {s.currencies[currency]}
              </th>
            </tr>
            {statement.rows
              .filter((row) => row.currency === currency)
              .map((row) => (
                <tr key={row.accountId}>
                  <td className="code">{row.code}</td>
                  <td>{nameIn(i18n.language, row)}</td>
                  <td className="num">
                    <Money amount={row.debit} currency={currency} blankZero />
                  </td>
                  <td className="num">
                    <Money amount={row.credit} currency={currency} blankZero />
                  </td>
                </tr>
              ))}
            <tr className={totals.debit === totals.credit ? 'stmt-total' : 'stmt-total stmt-off'}>
              <td />
              <th scope="row">{i18n.format(s.trialBalanceTotal, { currency })}</th>
              <td className="num">
                <Money amount={totals.debit} currency={currency} />
              </td>
              <td className="num">
                <Money amount={totals.credit} currency={currency} />
              </td>
            </tr>
          </tbody>
        );
      })}
    </table>
  );
}
