import { zodResolver } from '@hookform/resolvers/zod';
import type { ReactNode } from 'react';
import {
  type Control,
  Controller,
  type ControllerRenderProps,
  type FieldPath,
  type FieldValues,
  type Resolver,
} from 'react-hook-form';
import type { z } from 'zod';
import type { AppError } from '../../../shared/errors';
import type { Currency } from '../../../shared/khmer';
import type { Account } from '../../../shared/ledger';
import { Field, FormFooter } from '../../components/form';
import { useI18n } from '../../i18n';

/**
 * The shared schema as a form resolver. The forms hold null for an account or member not chosen yet;
 * the schema refuses that with zod's own words, which this turns into the house's 'required'.
 */
export function ledgerResolver<Form extends FieldValues, Output>(
  schema: z.ZodType<Output>,
): Resolver<Form, unknown, Output> {
  const resolver = zodResolver(schema as z.ZodType<Output, FieldValues>, {
    error: (issue) => (issue.input === null || issue.input === undefined ? 'required' : undefined),
  });
  return resolver as unknown as Resolver<Form, unknown, Output>;
}

/**
 * The posting rules name the line they refuse ('account', 'amount', 'member', with the line's index);
 * a form knows which of its fields each line came from. `map` gives a field, or one field per line.
 */
export function onFormField(
  error: AppError,
  map: Readonly<Record<string, string | readonly (string | null)[]>>,
): AppError {
  const target = error.field === undefined ? undefined : map[error.field];
  if (target === undefined) return error;
  const field = typeof target === 'string' ? target : target[Number(error.params?.line ?? -1)];
  return field ? { ...error, field } : error;
}

export const isMoneyAccount = (account: Account) => account.isCash || account.isBank;

export const accountIdByRole = (accounts: readonly Account[], role: string) =>
  accounts.find((a) => a.role === role)?.id ?? null;

/** Cash on hand in a currency: where a voucher takes its money from unless told otherwise. */
export const cashAccountId = (accounts: readonly Account[], currency: Currency) =>
  accountIdByRole(accounts, currency === 'KHR' ? 'cash_khr' : 'cash_usd');

export const currencyOf = (accounts: readonly Account[], id: number | null): Currency | null =>
  accounts.find((a) => a.id === id)?.currency ?? null;

export interface Aria {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
}

/**
 * A labelled field whose value lives in the form through a Controller (dates, amounts, pickers). The
 * wrapper lets the form move the keyboard focus to the field when it is refused.
 */
export function ControlledField<T extends FieldValues, O, N extends FieldPath<T>>({
  control,
  name,
  label,
  required,
  hint,
  children,
}: {
  control: Control<T, unknown, O>;
  name: N;
  label: string;
  required?: boolean;
  hint?: string;
  children: (field: ControllerRenderProps<T, N>, aria: Aria) => ReactNode;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Field label={label} error={fieldState.error} required={required ?? false} hint={hint}>
          {(aria) => (
            <div
              className="field-control"
              ref={(element) => {
                if (element) {
                  field.ref({
                    focus: () => element.querySelector<HTMLElement>('input, select, textarea')?.focus(),
                  });
                }
              }}
            >
              {children(field, aria)}
            </div>
          )}
        </Field>
      )}
    />
  );
}

export function CurrencySelect(props: Aria & { value: Currency; onChange: (currency: Currency) => void }) {
  const { t } = useI18n();
  const { value, onChange, ...aria } = props;
  return (
    <select {...aria} value={value} onChange={(event) => onChange(event.target.value as Currency)}>
      <option value="KHR">{t.vouchers.currencies.KHR}</option>
      <option value="USD">{t.vouchers.currencies.USD}</option>
    </select>
  );
}

/** The frame every voucher form shares: its title, the grid of fields, the refusal banner and Post. */
export function VoucherFrame(props: {
  title: string;
  onSubmit: () => Promise<void>;
  banner: string;
  busy: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <form
      className="voucher-form"
      noValidate
      aria-label={props.title}
      onSubmit={(event) => {
        event.preventDefault();
        void props.onSubmit();
      }}
    >
      <h2>{props.title}</h2>
      <div className="voucher-grid">{props.children}</div>
      <FormFooter banner={props.banner} busy={props.busy} submitLabel={t.vouchers.post} />
    </form>
  );
}
