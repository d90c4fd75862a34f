import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { MemberShares, SavingsAccount, SavingsProduct } from '../../shared/savings';
import type { Member } from '../../shared/schemas';
import { call } from '../api';
import { Money } from '../components/money';
import { useAccounts } from '../components/pickers';
import { useI18n } from '../i18n';
import { ForRole, useCan } from '../users/roles';
import type { Confirmation } from './formParts';
import { InputCreditSection } from './InputCreditSection';
import { SavingsCloseForm } from './SavingsCloseForm';
import { SavingsMovementForm } from './SavingsMovementForm';
import { SavingsOpenForm } from './SavingsOpenForm';
import { SharePurchaseForm } from './SharePurchaseForm';
import { ShareRedemptionForm } from './ShareRedemptionForm';
import { ShareTransferForm } from './ShareTransferForm';
import { certificateList } from './StatementSections';

type Action =
  | { kind: 'buy' | 'transfer' | 'redeem' | 'open' }
  | { kind: 'deposit' | 'withdraw' | 'close'; account: SavingsAccount };

interface Holdings {
  shares: MemberShares;
  savings: SavingsAccount[];
}

/**
 * The member's money below their record: shares and savings as the ledger holds them, with the
 * operations that apply to this member. One form at a time; after it posts, the balances are read again
 * and the confirmation names the receipt or certificate.
 */
export function MemberMoneyPanel({ member }: { member: Member }) {
  const mayEnter = useCan('enter');
  const i18n = useI18n();
  const m = i18n.t.money;
  const { accounts } = useAccounts();
  const [holdings, setHoldings] = useState<Holdings | null>(null);
  const [products, setProducts] = useState<SavingsProduct[]>([]);
  const [par, setPar] = useState(0);
  const [action, setAction] = useState<Action | null>(null);
  const [notice, setNotice] = useState<Confirmation | null>(null);
  const [failed, setFailed] = useState(false);
  const noticeRef = useRef<HTMLDivElement>(null);
  const sharesHeading = useRef<HTMLHeadingElement>(null);
  const savingsHeading = useRef<HTMLHeadingElement>(null);
  const id = useId();

  const load = useCallback(async () => {
    const [shares, savings] = await Promise.all([
      call('shares.member', { memberId: member.id }),
      call('savings.memberAccounts', { memberId: member.id }),
    ]);
    setFailed(!shares.ok || !savings.ok);
    if (shares.ok && savings.ok) setHoldings({ shares: shares.value, savings: savings.value });
  }, [member.id]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    void call('savings.products', {}).then((result) => {
      if (result.ok) setProducts(result.value.filter((p) => p.active));
    });
    void call('app.status', {}).then((result) => {
      if (result.ok) setPar(result.value.cooperative?.sharePar ?? 0);
    });
  }, []);
  // The confirmation takes the keyboard focus, so that the next key press starts from it.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const start = (next: Action) => {
    setNotice(null);
    setAction(next);
  };
  const done = (confirmation: Confirmation) => {
    setAction(null);
    // A function given to a state setter is taken as an updater: the sentence goes in wrapped.
    setNotice(() => confirmation);
    void load();
  };
  // Back to the section the form was in, so that the keyboard is not left at the top of the page.
  const cancel = () => {
    const heading =
      action && ['buy', 'transfer', 'redeem'].includes(action.kind) ? sharesHeading : savingsHeading;
    setAction(null);
    requestAnimationFrame(() => heading.current?.focus());
  };

  if (failed) return <div className="banner error">{m.loadFailed}</div>;
  if (!holdings || accounts.length === 0) return null;
  const { shares, savings } = holdings;
  const active = member.status === 'active';
  const common = { member, accounts, onDone: done, onCancel: cancel };
  // A member already saving in a product deposits there; a second account in it would be refused.
  const openable = products.filter((p) => !savings.some((a) => a.productId === p.id && a.closedOn === null));

  return (
    <section className="money-panel" aria-label={m.title}>
      {notice ? (
        <div className="banner ok" role="status" tabIndex={-1} ref={noticeRef}>
          {notice(i18n)}
        </div>
      ) : null}
      <section className="money-section" aria-labelledby={`${id}-shares`}>
        <h3 id={`${id}-shares`} ref={sharesHeading} tabIndex={-1}>
          {m.shares.heading}
        </h3>
        <dl className="money-facts">
          <div>
            <dt>{m.shares.held}</dt>
            <dd>{i18n.format(m.sharesCount, { n: shares.shares })}</dd>
          </div>
          <div>
            <dt>{m.shares.capital}</dt>
            <dd>
              <Money amount={shares.capital} currency="KHR" />
            </dd>
          </div>
          <div>
            <dt>{m.shares.certificates}</dt>
            <dd>{certificateList(shares, i18n.num) || i18n.t.common.none}</dd>
          </div>
        </dl>
        {action?.kind === 'buy' ? <SharePurchaseForm {...common} par={par} /> : null}
        {action?.kind === 'transfer' ? <ShareTransferForm {...common} /> : null}
        {action?.kind === 'redeem' ? (
          <ShareRedemptionForm {...common} shares={shares.shares} par={par} />
        ) : null}
        {action === null && mayEnter ? (
          <div className="money-actions">
            {active ? (
              <button type="button" onClick={() => start({ kind: 'buy' })}>
                {m.shares.buy}
              </button>
            ) : null}
            {shares.shares > 0 ? (
              <button type="button" onClick={() => start({ kind: 'transfer' })}>
                {m.shares.transfer}
              </button>
            ) : null}
            {!active && shares.shares > 0 ? (
              <button type="button" onClick={() => start({ kind: 'redeem' })}>
                {m.shares.redeem}
              </button>
            ) : null}
          </div>
        ) : null}
      </section>
      <section className="money-section" aria-labelledby={`${id}-savings`}>
        <h3 id={`${id}-savings`} ref={savingsHeading} tabIndex={-1}>
          {m.savings.heading}
        </h3>
        {savings.length === 0 ? <p className="muted">{m.savings.none}</p> : null}
        {savings.map((account) => (
          <SavingsAccountCard
            key={account.id}
            account={account}
            depositsAllowed={active}
            busy={action !== null}
            onAction={(kind) => start({ kind, account })}
          >
            {action && 'account' in action && action.account.id === account.id ? (
              action.kind === 'close' ? (
                <SavingsCloseForm {...common} account={account} />
              ) : (
                <SavingsMovementForm {...common} direction={action.kind} account={account} />
              )
            ) : null}
          </SavingsAccountCard>
        ))}
        {action?.kind === 'open' ? <SavingsOpenForm {...common} products={openable} /> : null}
        {action === null && active && openable.length > 0 ? (
          <div className="money-actions">
            <ForRole needs="enter">
              <button type="button" onClick={() => start({ kind: 'open' })}>
                + {m.savings.open}
              </button>
            </ForRole>
          </div>
        ) : null}
      </section>
      <InputCreditSection member={member} accounts={accounts} onDone={done} />
    </section>
  );
}

function SavingsAccountCard({
  account,
  depositsAllowed,
  busy,
  onAction,
  children,
}: {
  account: SavingsAccount;
  depositsAllowed: boolean;
  busy: boolean;
  onAction: (kind: 'deposit' | 'withdraw' | 'close') => void;
  children: ReactNode;
}) {
  const i18n = useI18n();
  const m = i18n.t.money;
  const name = i18n.language === 'km' ? account.productNameKm : account.productNameEn;
  const open = account.closedOn === null;
  // Only a fixed-term deposit has a maturity, and it takes no further deposits.
  const fixed = account.maturityOn !== null;
  const mayEnter = useCan('enter');
  return (
    <article
      className={open ? 'savings-card' : 'savings-card closed'}
      aria-label={`${name} ${account.number}`}
    >
      <div className="savings-card-head">
        <span className="savings-name">{name}</span>
        <span className="savings-number">{account.number}</span>
        <span className="savings-balance">
          <Money amount={account.balance} currency={account.currency} />
        </span>
      </div>
      {account.maturityOn || !open ? (
        <div className="hint">
          {account.maturityOn
            ? i18n.format(m.savings.maturesOn, {}, { date: i18n.date(account.maturityOn) })
            : null}
          {account.maturityOn && !open ? ' · ' : null}
          {open ? null : i18n.format(m.savings.closedOn, {}, { date: i18n.date(account.closedOn ?? '') })}
        </div>
      ) : null}
      {children}
      {open && !busy && mayEnter ? (
        <div className="money-actions">
          {depositsAllowed && !fixed ? (
            <button type="button" className="small" onClick={() => onAction('deposit')}>
              {m.savings.deposit}
            </button>
          ) : null}
          <button type="button" className="small" onClick={() => onAction('withdraw')}>
            {m.savings.withdraw}
          </button>
          <button type="button" className="small" onClick={() => onAction('close')}>
            {m.savings.close}
          </button>
        </div>
      ) : null}
    </article>
  );
}
