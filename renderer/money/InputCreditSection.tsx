import { useCallback, useEffect, useId, useState } from 'react';
import type { MemberInputCredit } from '../../shared/inputs';
import type { Account } from '../../shared/ledger';
import type { Member } from '../../shared/schemas';
import { call } from '../api';
import { useI18n } from '../i18n';
import { CreditFacts, CreditRepayment } from '../inputs/RepaymentForm';
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
      <CreditFacts credit={credit} />
      <CreditRepayment
        credit={credit}
        accounts={accounts}
        onPosted={(confirmation) => {
          void load();
          onDone(confirmation);
        }}
      />
    </section>
  );
}
