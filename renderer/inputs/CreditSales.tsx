import { useEffect, useRef } from 'react';
import type { MemberInputCredit } from '../../shared/inputs';
import type { Account } from '../../shared/ledger';
import { Money } from '../components/money';
import { useI18n } from '../i18n';
import type { Confirmation } from '../money/formParts';
import { CreditFacts, CreditRepayment } from './RepaymentForm';

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
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const owing = credit.sales.filter((sale) => sale.outstanding > 0);
  return (
    <section className="credit-sales" aria-label={i18n.format(p.aging.sales, {}, { name })}>
      <h2 ref={heading} tabIndex={-1}>
        {i18n.format(p.aging.sales, {}, { name })}
      </h2>
      <CreditFacts credit={credit} />
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
      <CreditRepayment credit={credit} accounts={accounts} onPosted={onRepaid}>
        {onClose ? (
          <button type="button" onClick={onClose}>
            {p.aging.close}
          </button>
        ) : null}
      </CreditRepayment>
    </section>
  );
}
