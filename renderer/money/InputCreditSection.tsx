import { useCallback, useEffect, useId, useState } from 'react';
import type { MemberInputCredit } from '../../shared/inputs';
import type { Account } from '../../shared/ledger';
import type { Member } from '../../shared/schemas';
import { call } from '../api';
import { Money } from '../components/money';
import { useI18n } from '../i18n';
import { RepaymentForm } from '../inputs/RepaymentForm';
import type { Confirmation } from './formParts';

/** What the member owes for farm inputs, and how much of it is overdue, with the repayment form. */
export function InputCreditSection({
  member,
  accounts,
  onDone,
}: {
  member: Member;
  accounts: readonly Account[];
  onDone: (confirmation: Confirmation) => void;
}) {
  const i18n = useI18n();
  const p = i18n.t.inputs.panel;
  const id = useId();
  const [credit, setCredit] = useState<MemberInputCredit | null>(null);
  const [repaying, setRepaying] = useState(false);
  const load = useCallback(async () => {
    const result = await call('inputs.memberCredit', { memberId: member.id });
    if (result.ok) setCredit(result.value);
  }, [member.id]);
  useEffect(() => {
    void load();
  }, [load]);
  // A member who never took inputs on credit has nothing to show here.
  if (!credit || credit.sales.length === 0) return null;
  return (
    <section className="money-section" aria-labelledby={`${id}-inputs`}>
      <h3 id={`${id}-inputs`} tabIndex={-1}>
        {p.heading}
      </h3>
      <dl className="money-facts">
        <div>
          <dt>{p.outstanding}</dt>
          <dd>
            <Money amount={credit.outstanding} currency="KHR" />
          </dd>
        </div>
        <div>
          <dt>{p.overdue}</dt>
          <dd>
            <Money amount={credit.overdue} currency="KHR" />
          </dd>
        </div>
      </dl>
      {repaying ? (
        <RepaymentForm
          credit={credit}
          accounts={accounts}
          onPosted={(confirmation) => {
            setRepaying(false);
            void load();
            onDone(confirmation);
          }}
          onCancel={() => setRepaying(false)}
        />
      ) : credit.outstanding > 0 ? (
        <div className="money-actions">
          <button type="button" onClick={() => setRepaying(true)}>
            {p.repay}
          </button>
        </div>
      ) : null}
    </section>
  );
}
