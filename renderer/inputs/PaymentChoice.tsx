import { useId } from 'react';
import { useI18n } from '../i18n';

/** Paid now from cash or the bank, or on credit: two radio buttons, the arrow keys move between them. */
export function PaymentChoice({
  value,
  onChange,
}: {
  value: 'cash' | 'credit';
  onChange: (value: 'cash' | 'credit') => void;
}) {
  const { t } = useI18n();
  const name = useId();
  return (
    <fieldset className="payment-choice">
      <legend>{t.inputs.paymentKind}</legend>
      {(['cash', 'credit'] as const).map((kind) => (
        <label key={kind} className="check">
          <input
            type="radio"
            name={name}
            value={kind}
            checked={value === kind}
            onChange={() => onChange(kind)}
          />
          {kind === 'cash' ? t.inputs.cash : t.inputs.credit}
        </label>
      ))}
    </fieldset>
  );
}
