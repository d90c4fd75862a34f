import { useEffect, useRef, useState } from 'react';
import { localToday } from '../../shared/dates';
import type { AppError } from '../../shared/errors';
import type { InputCreditStatement } from '../../shared/inputs';
import type { MemberStatement } from '../../shared/savings';
import { call } from '../api';
import { memberNumber, useI18n } from '../i18n';
import { refusalText } from '../ledger/statements/refusal';
import { AsOfField } from './AsOfField';
import { CreditStatement } from './CreditStatement';
import { SavingsStatement, SharesStatement } from './StatementSections';

/** What a member asks the bookkeeper about, on one screen: shares, and each savings account to the day. */
export function MemberStatementScreen({ memberId, onBack }: { memberId: number; onBack: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = t.money.statement;
  const [asOf, setAsOf] = useState(localToday);
  const [statement, setStatement] = useState<MemberStatement | null>(null);
  const [credit, setCredit] = useState<InputCreditStatement | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // The statement opens from a button that is gone once it shows: the keyboard starts at its heading.
  useEffect(() => {
    heading.current?.focus();
  }, []);
  useEffect(() => {
    let current = true;
    void call('members.statement', { memberId, to: asOf }).then((result) => {
      if (!current) return;
      setError(result.ok ? null : result.error);
      if (result.ok) setStatement(result.value);
    });
    void call('inputs.creditStatement', { memberId, to: asOf }).then((result) => {
      if (current) setCredit(result.ok ? result.value : null);
    });
    return () => {
      current = false;
    };
  }, [memberId, asOf]);

  const member = statement?.member;
  return (
    <section className="screen statement-screen">
      <header className="screen-header">
        <div className="statement-title">
          <button type="button" onClick={onBack}>
            ← {t.common.back}
          </button>
          <h1 ref={heading} tabIndex={-1}>
            {s.title}
          </h1>
        </div>
      </header>
      <div className="statement-head">
        {member ? (
          <dl className="statement-member">
            <div>
              <dt>{s.member}</dt>
              <dd>
                <span className="member-number">{i18n.num(memberNumber(member.number))}</span>
                <span className="statement-name">{member.nameKm}</span>
                {member.nameLatin ? <span className="name-latin">{member.nameLatin}</span> : null}
              </dd>
            </div>
            <div>
              <dt>{s.status}</dt>
              <dd>
                <span className={`status-badge ${member.status}`}>
                  {statusLabel(t.members, member.status)}
                </span>
              </dd>
            </div>
          </dl>
        ) : null}
        <AsOfField label={s.asOf} value={asOf} onChange={setAsOf} />
      </div>
      {error ? (
        <div className="banner error" role="alert">
          {refusalText(i18n, error)}
        </div>
      ) : null}
      {statement ? (
        <div className="statement-body">
          <SharesStatement shares={statement.shares} />
          {statement.savings.map((account) => (
            <SavingsStatement key={account.id} account={account} to={statement.to} />
          ))}
          {statement.savings.length === 0 ? (
            <section className="statement-section" aria-label={t.money.savings.heading}>
              <h2>{t.money.savings.heading}</h2>
              <p className="muted">{t.money.savings.none}</p>
            </section>
          ) : null}
          {credit && (credit.movements.length > 0 || credit.closing !== 0) ? (
            <CreditStatement credit={credit} to={statement.to} />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

const statusLabel = (words: Record<'active' | 'left' | 'deceased', string>, status: string) =>
  status === 'active' || status === 'left' || status === 'deceased' ? words[status] : status;
