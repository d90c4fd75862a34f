import type { Account, MemberBalance } from '../../../shared/ledger';
import type { MemberRow } from '../../../shared/schemas';
import { Money } from '../../components/money';
import { memberNumber, useI18n } from '../../i18n';
import { nameIn } from './TrialBalanceTable';

/** A member's balance on one control account: what the member holds (savings, shares) or owes. */
export function MemberBalanceCard({
  balance,
  member,
  account,
}: {
  balance: MemberBalance;
  member: MemberRow | null;
  account: Account | undefined;
}) {
  const i18n = useI18n();
  const s = i18n.t.statements;
  return (
    <dl className="stmt-member">
      <div>
        <dt>{s.member}</dt>
        <dd>{member ? `${i18n.num(memberNumber(member.number))} ${member.nameKm}` : ''}</dd>
      </div>
      <div>
        <dt>{s.controlAccount}</dt>
        <dd>{account ? `${account.code} ${nameIn(i18n.language, account)}` : ''}</dd>
      </div>
      <div>
        <dt>{s.asOf}</dt>
        <dd>{i18n.date(balance.asOf)}</dd>
      </div>
      <div className="stmt-member-balance">
        <dt>{s.memberBalance.result}</dt>
        <dd>
          <Money amount={balance.balance} currency={balance.currency} />
        </dd>
      </div>
    </dl>
  );
}
