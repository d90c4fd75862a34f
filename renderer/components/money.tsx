import { useEffect, useState } from 'react';
import { type Currency, formatAmount } from '../../shared/khmer';
import { NOT_AN_AMOUNT } from '../../shared/ledger';
import { MINOR_DIGITS, parseAmount, plainAmount } from '../../shared/money';
import { useI18n } from '../i18n';

/** An amount as the screens show it: the language's digits, the currency's sign, negatives in brackets. */
export function Money({
  amount,
  currency,
  blankZero,
}: {
  amount: number;
  currency: Currency;
  blankZero?: boolean;
}) {
  const { digits } = useI18n();
  if (blankZero && amount === 0) return null;
  return (
    <span className={amount < 0 ? 'money negative' : 'money'}>
      {formatAmount(amount, currency, { digits, brackets: true })}
    </span>
  );
}

const shownAmount = (value: number, currency: Currency) =>
  Number.isFinite(value) && value !== 0 ? plainAmount(value, currency) : '';

/**
 * An amount typed in the currency's usual form ('125,000', '312.50', Khmer digits too). The form holds
 * the minor-unit integer, NaN while it is empty and NOT_AN_AMOUNT while its text is not an amount: the
 * shared schema refuses both, each with its own sentence.
 */
export function AmountInput(props: {
  id: string;
  value: number;
  currency: Currency;
  onChange: (minor: number) => void;
  onBlur?: () => void;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const { value, currency } = props;
  const [text, setText] = useState(() => shownAmount(value, currency));
  // A value set from outside (a reset, a filled-in line) replaces what is shown.
  useEffect(() => {
    setText((current) =>
      parseAmount(current, currency) === value || value === NOT_AN_AMOUNT
        ? current
        : shownAmount(value, currency),
    );
  }, [value, currency]);
  return (
    <input
      id={props.id}
      type="text"
      inputMode="decimal"
      className="amount-input"
      value={text}
      placeholder={MINOR_DIGITS[currency] === 0 ? '0 ៛' : '0.00 $'}
      aria-invalid={props['aria-invalid']}
      aria-describedby={props['aria-describedby']}
      onChange={(event) => {
        setText(event.target.value);
        props.onChange(
          event.target.value.trim() === ''
            ? Number.NaN
            : (parseAmount(event.target.value, currency) ?? NOT_AN_AMOUNT),
        );
      }}
      onBlur={props.onBlur}
    />
  );
}
