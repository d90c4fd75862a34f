import { useEffect, useRef, useState } from 'react';
import type { MemberInputCredit } from '../../shared/inputs';
import type { Account } from '../../shared/ledger';
import { Money } from '../components/money';
import { useI18n } from '../i18n';
import type { Confirmation } from '../money/formParts';
import { RepaymentForm } from './RepaymentForm';

/** A member's credit sales with what is still owed on each, and the form to record a repayment. */
export function CreditSales({
  name,
  credit,
  accounts,
  onRepaid,
  onClose,
}: {
  name: string;
  credit: MemberInputCredit;
  accounts: readonly Account[];
  onRepaid: (confirmation: Confirmation) => void;
  onClose?: () => void;
}) {
  const i18n = useI18n();
  const p = i18n.t.inputs;
  const [repaying, setRepaying] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const owing = credit.sales.filter((sale) => sale.outstanding > 0);
  return (
    <section className="credit-sales" aria-label={i18n.format(p.aging.sales, {}, { name })}>
      <h2 ref={heading} tabIndex={-1}>
        {i18n.format(p.aging.sales, {}, { name })}
      </h2>
      <dl className="money-facts">
        <div>
          <dt>{p.panel.outstanding}</dt>
          <dd>
            <Money amount={credit.outstanding} currency="KHR" />
          </dd>
        </div>
        <div>
          <dt>{p.panel.overdue}</dt>
          <dd>
            <Money amount={credit.overdue} currency="KHR" />
          </dd>
        </div>
      </dl>
      <table className="stmt-table credit-sales-table">
        <thead>
          <tr>
            <th>{p.aging.sale}</th>
            <th>{p.aging.due}</th>
            <th className="num">{p.aging.outstanding}</th>
          </tr>
        </thead>
        <tbody>
          {owing.map((sale) => (
            <tr key={sale.saleId || sale.number}>
              <td>
                <span className="voucher">{sale.number}</span>
                <span className="hint"> {i18n.date(sale.date)}</span>
              </td>
              <td>{i18n.date(sale.dueDate)}</td>
              <td className="num">
                <Money amount={sale.outstanding} currency="KHR" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {repaying ? (
        <RepaymentForm
          credit={credit}
          accounts={accounts}
          onPosted={(confirmation) => {
            setRepaying(false);
            onRepaid(confirmation);
          }}
          onCancel={() => setRepaying(false)}
        />
      ) : (
        <div className="money-actions">
          {credit.outstanding > 0 ? (
            <button type="button" className="primary" onClick={() => setRepaying(true)}>
              {p.panel.repay}
            </button>
          ) : null}
          {onClose ? (
            <button type="button" onClick={onClose}>
              {p.aging.close}
            </button>
          ) : null}
        </div>
      )}
    </section>
  );
}
