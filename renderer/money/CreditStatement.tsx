import type { InputCreditStatement } from '../../shared/inputs';
import { Money } from '../components/money';
import { useI18n } from '../i18n';
import { PassbookTable, StatementFacts } from './StatementSections';

/**
 * The member's farm input credit beside shares and savings: each sale on credit and each repayment with
 * what is owed after it, what is owed on the statement's day and how much of it is overdue. Shown only for
 * a member who ever took inputs on credit.
 */
export function CreditStatement({ credit, to }: { credit: InputCreditStatement; to: string }) {
  const i18n = useI18n();
  const c = i18n.t.money.statement.credit;
  const money = (amount: number) => <Money amount={amount} currency="KHR" />;
  const facts: [string, ReturnType<typeof money>][] = [
    [c.owed, money(credit.closing)],
    [c.overdue, money(credit.overdue)],
    ...credit.open.map((sale): [string, ReturnType<typeof money>] => [
      i18n.format(c.due, { date: i18n.date(sale.dueDate) }, { number: sale.number }),
      money(sale.outstanding),
    ]),
  ];
  return (
    <section className="statement-section" aria-label={c.heading}>
      <h2>{c.heading}</h2>
      <StatementFacts facts={facts} />
      <PassbookTable
        label={c.heading}
        currency="KHR"
        rows={credit.movements}
        headers={{ in: c.bought, out: c.repaid, balance: c.owed }}
        end={to}
        closing={credit.closing}
      />
    </section>
  );
}
