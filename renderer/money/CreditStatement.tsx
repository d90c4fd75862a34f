import type { InputCreditStatement } from '../../shared/inputs';
import { movementLabel } from '../../shared/movement-kinds';
import { Money } from '../components/money';
import { useI18n } from '../i18n';

/**
 * The member's farm input credit beside shares and savings: each sale on credit and each repayment with
 * what is owed after it, what is owed on the statement's day and how much of it is overdue. Shown only for
 * a member who ever took inputs on credit.
 */
export function CreditStatement({ credit, to }: { credit: InputCreditStatement; to: string }) {
  const i18n = useI18n();
  const s = i18n.t.money.statement;
  const c = s.credit;
  const bought = credit.movements.reduce((sum, row) => sum + Math.max(row.amount, 0), 0);
  const repaid = credit.movements.reduce((sum, row) => sum + Math.max(-row.amount, 0), 0);
  return (
    <section className="statement-section" aria-label={c.heading}>
      <h2>{c.heading}</h2>
      <dl className="statement-facts">
        <div>
          <dt>{c.owed}</dt>
          <dd>
            <Money amount={credit.closing} currency="KHR" />
          </dd>
        </div>
        <div>
          <dt>{c.overdue}</dt>
          <dd>
            <Money amount={credit.overdue} currency="KHR" />
          </dd>
        </div>
        {credit.open.map((sale) => (
          <div key={sale.saleId || sale.date}>
            <dt>{i18n.format(c.due, { date: i18n.date(sale.dueDate) }, { number: sale.number })}</dt>
            <dd>
              <Money amount={sale.outstanding} currency="KHR" />
            </dd>
          </div>
        ))}
      </dl>
      <table className="stmt-table statement-table" aria-label={c.heading}>
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
              {c.bought}
            </th>
            <th scope="col" className="num">
              {c.repaid}
            </th>
            <th scope="col" className="num">
              {c.owed}
            </th>
          </tr>
        </thead>
        <tbody>
          {credit.movements.map((row) => (
            <tr key={row.entryId}>
              <td className="date">{i18n.date(row.date)}</td>
              <td className="voucher">{row.number ?? ''}</td>
              <td className="stmt-memo">{movementLabel(i18n.language, row.kind, row.memo)}</td>
              <td className="num">
                <Money amount={Math.max(row.amount, 0)} currency="KHR" blankZero />
              </td>
              <td className="num">
                <Money amount={Math.max(-row.amount, 0)} currency="KHR" blankZero />
              </td>
              <td className="num">
                <Money amount={row.balance} currency="KHR" />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="stmt-total">
            <td className="date">{i18n.date(to)}</td>
            <td />
            <th scope="row">{s.total}</th>
            <td className="num">
              <Money amount={bought} currency="KHR" />
            </td>
            <td className="num">
              <Money amount={repaid} currency="KHR" />
            </td>
            <td className="num">
              <Money amount={credit.closing} currency="KHR" />
            </td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
