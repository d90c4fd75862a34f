import { type RefObject, useCallback, useEffect, useId, useRef, useState } from 'react';
import { formatAmount } from '../../../shared/khmer';
import type { Depositor, SavingsProduct } from '../../../shared/savings';
import { AmountInput } from '../../components/money';
import { memberNumber, useI18n } from '../../i18n';
import { type BatchLine, earlierLine } from './batch';
import { DepositorSearch } from './DepositorSearch';

/**
 * The line being typed: who is at the table (name and balance shown back to confirm), then the amount.
 * Enter in the amount adds the line, and the cursor is back on the member field for the next person.
 */
export function EntryRow({
  product,
  lines,
  memberRef,
  disabled,
  onAdd,
}: {
  product: SavingsProduct;
  lines: readonly BatchLine[];
  memberRef: RefObject<HTMLInputElement | null>;
  disabled: boolean;
  onAdd: (depositor: Depositor, amount: number) => void;
}) {
  const i18n = useI18n();
  const c = i18n.t.savings.collection;
  const id = useId();
  const [chosen, setChosen] = useState<Depositor | null>(null);
  const [candidate, setCandidate] = useState<Depositor | null>(null);
  const [amount, setAmount] = useState(Number.NaN);
  const [amountError, setAmountError] = useState(false);
  // Each added line starts a fresh member field (its own lookups, its own text).
  const [round, setRound] = useState(0);
  const amountBox = useRef<HTMLDivElement>(null);
  const pending = useRef<Promise<Depositor | null> | null>(null);
  const setPending = useCallback((choice: Promise<Depositor | null> | null) => {
    pending.current = choice;
  }, []);
  const focusAmount = () => amountBox.current?.querySelector('input')?.focus();

  // biome-ignore lint/correctness/useExhaustiveDependencies: after each added line, and only then.
  useEffect(() => {
    if (round > 0) memberRef.current?.focus();
  }, [round]);

  const add = async () => {
    // A member whose lookup is still on its way is waited for: the amount was typed for them.
    const who = chosen ?? (await pending.current);
    if (!who) {
      memberRef.current?.focus();
      return;
    }
    if (!Number.isFinite(amount) || amount <= 0) {
      setAmountError(true);
      focusAmount();
      return;
    }
    onAdd(who, amount);
    pending.current = null;
    setChosen(null);
    setAmount(Number.NaN);
    setAmountError(false);
    setRound((r) => r + 1);
  };

  const money = (minor: number) =>
    formatAmount(minor, product.currency, { digits: i18n.digits, brackets: true });
  // Who is confirmed on screen: the member taken, or the one Enter would take.
  const shown = chosen ?? candidate;
  const earlier = shown ? earlierLine(lines, shown.memberId) : null;
  const confirmId = `${id}-confirm`;
  return (
    <form
      className="entry-row"
      aria-label={c.lines}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void add();
      }}
    >
      <fieldset disabled={disabled}>
        <div className="entry-member">
          <label htmlFor={`${id}-member`}>{c.member}</label>
          <DepositorSearch
            id={`${id}-member`}
            key={round}
            productId={product.id}
            inputRef={memberRef}
            chosen={chosen}
            onChoose={setChosen}
            onCandidate={setCandidate}
            onChosen={focusAmount}
            onPending={setPending}
            describedBy={confirmId}
          />
        </div>
        <output
          className={
            shown?.savingsAccountId === null && earlier === null ? 'entry-confirm new' : 'entry-confirm'
          }
          id={confirmId}
          aria-live="polite"
        >
          {shown ? (
            <>
              <span className="confirm-who">
                <span className="depositor-number">{i18n.num(memberNumber(shown.memberNumber))}</span>
                <span className="entry-name">{shown.nameKm}</span>
              </span>
              <span className="entry-balance">
                {earlier !== null
                  ? i18n.format(c.alreadyInBatch, { line: earlier })
                  : shown.savingsAccountId === null
                    ? product.minOpeningDeposit > 0
                      ? i18n.format(c.newAccountMinimum, {}, { amount: money(product.minOpeningDeposit) })
                      : c.newAccount
                    : i18n.format(c.balance, {}, { amount: money(shown.balance) })}
              </span>
            </>
          ) : (
            <span className="muted">{c.chooseMember}</span>
          )}
        </output>
        <div className="entry-amount" ref={amountBox}>
          <label htmlFor={`${id}-amount`}>{c.amount}</label>
          <AmountInput
            id={`${id}-amount`}
            value={amount}
            currency={product.currency}
            aria-invalid={amountError}
            {...(amountError ? { 'aria-describedby': `${id}-amount-error` } : {})}
            onChange={(value) => {
              setAmount(value);
              setAmountError(false);
            }}
          />
          {amountError ? (
            <div className="field-error" id={`${id}-amount-error`} role="alert">
              {c.amountMissing}
            </div>
          ) : null}
        </div>
        <button type="submit" className="primary entry-add">
          {c.add}
        </button>
      </fieldset>
    </form>
  );
}
