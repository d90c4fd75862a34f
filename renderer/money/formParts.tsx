import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import type { Control, FieldPath, FieldValues, UseFormReturn } from 'react-hook-form';
import type { AppError } from '../../shared/errors';
import { type Currency, formatAmount, toLatinDigits } from '../../shared/khmer';
import type { Account } from '../../shared/ledger';
import type { Member } from '../../shared/schemas';
import { DateInput, FormFooter, showRefusal } from '../components/form';
import { AmountInput } from '../components/money';
import { AccountSelect } from '../components/pickers';
import type { I18n } from '../i18n';
import { readableError } from '../ledger/statements/refusal';
import { type Aria, ControlledField, isMoneyAccount } from '../ledger/vouchers/formSupport';

/** A confirmation is kept as a sentence to write, so that it follows the language if that is switched. */
export type Confirmation = (i18n: I18n) => string;

/** What every form of the member's money panel is given, and how it hands back its confirmation. */
export interface MoneyFormProps {
  member: Member;
  accounts: readonly Account[];
  onDone: (confirmation: Confirmation) => void;
  onCancel: () => void;
}

/**
 * A refusal beside the field that caused it, with its numbers written the way the member reads them:
 * the share cap as shares or a percentage, the minimum deposit as money in the account's currency.
 */
export function refuse<T extends FieldValues>(
  form: UseFormReturn<T>,
  error: AppError,
  fields: readonly string[],
  i18n: I18n,
  currency: Currency,
): string {
  const readable = readableError(i18n, error);
  const params = { ...readable.params };
  const m = i18n.t.money;
  if (error.code === 'share_cap_reached' && typeof params.cap === 'number') {
    params.cap = i18n.format(params.kind === 'percent' ? m.capPercent : m.capShares, { n: params.cap });
  }
  if (typeof params.minimum === 'number') {
    params.minimum = formatAmount(params.minimum, currency, { digits: i18n.digits });
  }
  return showRefusal(form, { ...readable, params }, fields, i18n);
}

/** The frame of each form in the panel: a heading, the fields, the refusal banner, cancel and record. */
export function MoneyForm({
  title,
  banner,
  busy,
  submitLabel,
  danger,
  onSubmit,
  onCancel,
  children,
}: {
  title: string;
  banner: string;
  busy: boolean;
  submitLabel: string;
  danger?: boolean;
  onSubmit: () => Promise<void>;
  onCancel: () => void;
  children: ReactNode;
}) {
  const element = useRef<HTMLFormElement>(null);
  // The form opens where the bookkeeper pressed its button: typing goes straight into its first field,
  // and the narrow panel scrolls so that the whole form, down to its buttons, is in view.
  useEffect(() => {
    element.current?.querySelector<HTMLElement>('input, select, textarea')?.focus({ preventScroll: true });
    element.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return (
    <form
      ref={element}
      className="money-form"
      noValidate
      aria-label={title}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      <h4>{title}</h4>
      {children}
      <FormFooter banner={banner} busy={busy} submitLabel={submitLabel} danger={danger} onCancel={onCancel} />
    </form>
  );
}

export function DateField<T extends FieldValues, O>({
  control,
  name,
  label,
}: {
  control: Control<T, unknown, O>;
  name: FieldPath<T>;
  label: string;
}) {
  return (
    <ControlledField control={control} name={name} label={label} required>
      {(field, aria) => (
        <DateInput
          {...aria}
          value={String(field.value ?? '')}
          onChange={field.onChange}
          onBlur={field.onBlur}
        />
      )}
    </ControlledField>
  );
}

/** Cash on hand or a bank account in the currency the money moves in. */
export function CashField<T extends FieldValues, O>({
  control,
  name,
  label,
  accounts,
  currency,
}: {
  control: Control<T, unknown, O>;
  name: FieldPath<T>;
  label: string;
  accounts: readonly Account[];
  currency: Currency;
}) {
  return (
    <ControlledField control={control} name={name} label={label} required>
      {(field, aria) => (
        <AccountSelect
          {...aria}
          accounts={accounts}
          value={typeof field.value === 'number' ? field.value : null}
          onChange={field.onChange}
          filter={(account) => isMoneyAccount(account) && account.currency === currency}
        />
      )}
    </ControlledField>
  );
}

export function AmountField<T extends FieldValues, O>({
  control,
  name,
  label,
  currency,
  hint,
}: {
  control: Control<T, unknown, O>;
  name: FieldPath<T>;
  label: string;
  currency: Currency;
  hint?: string;
}) {
  return (
    <ControlledField control={control} name={name} label={label} hint={hint} required>
      {(field, aria) => (
        <AmountInput
          {...aria}
          value={typeof field.value === 'number' ? field.value : Number.NaN}
          currency={currency}
          onChange={field.onChange}
          onBlur={field.onBlur}
        />
      )}
    </ControlledField>
  );
}

/**
 * A whole number of shares, typed in Latin or Khmer digits. The form holds NaN while the text is not a
 * whole number, which the shared schema refuses.
 */
export function CountInput(
  props: Aria & { value: number; onChange: (n: number) => void; onBlur: () => void },
) {
  const { value, onChange, onBlur, ...aria } = props;
  const [text, setText] = useState(() => (Number.isFinite(value) ? String(value) : ''));
  return (
    <input
      {...aria}
      type="text"
      inputMode="numeric"
      className="amount-input"
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        const latin = toLatinDigits(event.target.value.trim());
        onChange(/^[0-9]{1,9}$/.test(latin) ? Number(latin) : Number.NaN);
      }}
      onBlur={onBlur}
    />
  );
}
