import type { Currency } from '../../../shared/khmer';
import type { BalanceSheet, IncomeStatement, StatementSection } from '../../../shared/ledger';
import { Money } from '../../components/money';
import { useI18n } from '../../i18n';
import { nameIn } from './TrialBalanceTable';

function StatementHead() {
  const s = useI18n().t.statements;
  return (
    <thead>
      <tr>
        <th scope="col" className="code">
          {s.code}
        </th>
        <th scope="col">{s.accountName}</th>
        <th scope="col" className="num">
          {s.amount}
        </th>
      </tr>
    </thead>
  );
}

/** One section (assets, income, ...): its heading, each group in bold with its accounts, the total. */
function SectionRows({
  title,
  totalLabel,
  section,
  currency,
}: {
  title: string;
  totalLabel: string;
  section: StatementSection;
  currency: Currency;
}) {
  const i18n = useI18n();
  return (
    <>
      <tr className="stmt-heading">
        <th colSpan={3} scope="colgroup">
          {title}
        </th>
      </tr>
      {section.lines.map((line) => (
        <tr key={line.code} className={line.isGroup ? 'stmt-group' : undefined}>
          <td className="code">{line.code}</td>
          <td className={line.depth > 0 ? 'stmt-indent' : undefined}>{nameIn(i18n.language, line)}</td>
          <td className="num">
            <Money amount={line.amount} currency={currency} />
          </td>
        </tr>
      ))}
      <TotalRow label={totalLabel} amount={section.total} currency={currency} className="stmt-subtotal" />
    </>
  );
}

function TotalRow({
  label,
  amount,
  currency,
  className,
}: {
  label: string;
  amount: number;
  currency: Currency;
  className: string;
}) {
  return (
    <tr className={className}>
      <td />
      <th scope="row">{label}</th>
      <td className="num">
        <Money amount={amount} currency={currency} />
      </td>
    </tr>
  );
}

function CurrencyHeading({ currency }: { currency: Currency }) {
  const s = useI18n().t.statements;
  return (
    <tr className="stmt-currency">
      <th colSpan={3} scope="colgroup">
        {s.currencies[currency]}
      </th>
    </tr>
  );
}

/** Assets against liabilities, equity and the surplus, per currency; a difference is flagged. */
export function BalanceSheetTable({ statement }: { statement: BalanceSheet }) {
  const i18n = useI18n();
  const s = i18n.t.statements;
  const b = s.balanceSheet;
  if (statement.currencies.length === 0) return <p className="muted">{s.nothingPosted}</p>;
  const unbalanced = statement.currencies.filter((c) => c.difference !== 0);
  return (
    <>
      {unbalanced.map(({ currency, difference }) => (
        <div key={currency} className="banner error" role="alert">
          <BalanceSheetOff currency={currency} difference={difference} />
        </div>
      ))}
      <table className="stmt-table stmt-narrow" aria-label={s.kinds.balanceSheet}>
        <StatementHead />
        {statement.currencies.map(({ currency, assets, liabilities, equity, surplus, difference }) => (
          <tbody key={currency} aria-label={s.currencies[currency]}>
            <CurrencyHeading currency={currency} />
            <SectionRows title={b.assets} totalLabel={b.totalAssets} section={assets} currency={currency} />
            <SectionRows
              title={b.liabilities}
              totalLabel={b.totalLiabilities}
              section={liabilities}
              currency={currency}
            />
            <SectionRows title={b.equity} totalLabel={b.totalEquity} section={equity} currency={currency} />
            <TotalRow label={b.surplus} amount={surplus} currency={currency} className="stmt-subtotal" />
            <TotalRow
              label={b.totalClaims}
              amount={liabilities.total + equity.total + surplus}
              currency={currency}
              className="stmt-total"
            />
            {difference === 0 ? (
              <tr className="stmt-check">
                <td />
                <td colSpan={2}>✓ {b.balanced}</td>
              </tr>
            ) : (
              <TotalRow label={b.difference} amount={difference} currency={currency} className="stmt-off" />
            )}
          </tbody>
        ))}
      </table>
    </>
  );
}

function BalanceSheetOff({ currency, difference }: { currency: Currency; difference: number }) {
  const i18n = useI18n();
  const text = i18n.format(i18n.t.statements.balanceSheet.unbalanced, {
    currency: i18n.t.statements.currencies[currency],
  });
  const [before = '', after = ''] = text.split('{amount}');
  return (
    <>
      {before}
      <Money amount={difference} currency={currency} />
      {after}
    </>
  );
}

/** Income less expenses over a period, per currency. */
export function IncomeStatementTable({ statement }: { statement: IncomeStatement }) {
  const s = useI18n().t.statements;
  const is = s.incomeStatement;
  if (statement.currencies.length === 0) return <p className="muted">{s.ledger.noRows}</p>;
  return (
    <table className="stmt-table stmt-narrow" aria-label={s.kinds.incomeStatement}>
      <StatementHead />
      {statement.currencies.map(({ currency, income, expenses, surplus }) => (
        <tbody key={currency} aria-label={s.currencies[currency]}>
          <CurrencyHeading currency={currency} />
          <SectionRows title={is.income} totalLabel={is.totalIncome} section={income} currency={currency} />
          <SectionRows
            title={is.expenses}
            totalLabel={is.totalExpenses}
            section={expenses}
            currency={currency}
          />
          <TotalRow label={is.surplus} amount={surplus} currency={currency} className="stmt-total" />
        </tbody>
      ))}
    </table>
  );
}
