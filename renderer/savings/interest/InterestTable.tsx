import type { Currency } from '../../../shared/khmer';
import type { InterestRun } from '../../../shared/savings';
import { Money } from '../../components/money';
import { memberNumber, useI18n } from '../../i18n';

/** Each member's interest for the period, and the total the entry posts as the cooperative's expense. */
export function InterestTable({
  run,
  currency,
  label,
}: {
  run: InterestRun;
  currency: Currency;
  label: string;
}) {
  const i18n = useI18n();
  const n = i18n.t.savings.interest;
  if (run.lines.length === 0) return <p className="muted">{n.none}</p>;
  return (
    <div className="interest-scroll">
      <table className="stmt-table interest-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col" className="interest-number">
              {n.number}
            </th>
            <th scope="col">{n.name}</th>
            <th scope="col" className="num">
              {n.amount}
            </th>
          </tr>
        </thead>
        <tbody>
          {run.lines.map((line) => (
            <tr key={line.savingsAccountId}>
              <td className="interest-number">{i18n.num(memberNumber(line.memberNumber))}</td>
              <td>{line.nameKm}</td>
              <td className="num">
                <Money amount={line.interest} currency={currency} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="stmt-total interest-total">
            <th scope="row" colSpan={2}>
              {i18n.format(n.total, { count: run.lines.length })}
            </th>
            <td className="num">
              <Money amount={run.total} currency={currency} />
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
