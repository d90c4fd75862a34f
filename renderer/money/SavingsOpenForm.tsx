import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { localToday } from '../../shared/dates';
import { formatAmount } from '../../shared/khmer';
import {
  type OpenSavingsAccountInput,
  openSavingsAccountSchema,
  type SavingsProduct,
} from '../../shared/savings';
import { call } from '../api';
import { useI18n } from '../i18n';
import { ControlledField, cashAccountId, ledgerResolver } from '../ledger/vouchers/formSupport';
import { AmountField, CashField, DateField, MoneyForm, type MoneyFormProps, refuse } from './formParts';

type OpenForm = Omit<OpenSavingsAccountInput, 'productId' | 'cashAccountId'> & {
  productId: number | null;
  cashAccountId: number | null;
};

const FIELDS = ['productId', 'date', 'amount', 'cashAccountId'];

/** A new account in one of the cooperative's products, opened with its first deposit. */
export function SavingsOpenForm({
  member,
  accounts,
  products,
  onDone,
  onCancel,
}: MoneyFormProps & { products: readonly SavingsProduct[] }) {
  const i18n = useI18n();
  const m = i18n.t.money;
  const [banner, setBanner] = useState('');
  const first = products[0];
  const form = useForm<OpenForm, unknown, OpenSavingsAccountInput>({
    resolver: ledgerResolver(openSavingsAccountSchema),
    defaultValues: {
      memberId: member.id,
      productId: first?.id ?? null,
      date: localToday(),
      amount: Number.NaN,
      cashAccountId: first ? cashAccountId(accounts, first.currency) : null,
    },
    mode: 'onTouched',
  });
  const product = products.find((p) => p.id === form.watch('productId'));
  const currency = product?.currency ?? 'KHR';
  const nameOf = (p: SavingsProduct) => (i18n.language === 'km' ? p.nameKm : p.nameEn);

  const submit = form.handleSubmit(
    async (values) => {
      setBanner('');
      const result = await call('savings.open', values);
      if (!result.ok) {
        setBanner(refuse(form, result.error, FIELDS, i18n, currency));
        return;
      }
      const opened = await call('savings.memberAccounts', { memberId: member.id });
      const account = opened.ok
        ? opened.value.find((a) => a.id === result.value.savingsAccountId)
        : undefined;
      const verbatim = { account: account?.number ?? '', number: result.value.receiptNumber ?? '' };
      onDone((l) => l.format(l.t.money.done.opened, {}, verbatim));
    },
    () => setBanner(i18n.t.formHasErrors),
  );

  return (
    <MoneyForm
      title={m.savings.open}
      banner={banner}
      busy={form.formState.isSubmitting}
      submitLabel={m.savings.open}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <ControlledField control={form.control} name="productId" label={m.form.product} required>
        {(field, aria) => (
          <select
            {...aria}
            value={field.value ?? ''}
            onBlur={field.onBlur}
            onChange={(event) => {
              const next = products.find((p) => p.id === Number(event.target.value));
              field.onChange(next?.id ?? null);
              // The money moves in the product's currency: cash and amount follow it.
              if (next && next.currency !== currency) {
                form.setValue('cashAccountId', cashAccountId(accounts, next.currency));
                form.setValue('amount', Number.NaN);
              }
            }}
          >
            <option value="" />
            {products.map((p) => (
              <option key={p.id} value={p.id}>
                {nameOf(p)} ({p.currency})
              </option>
            ))}
          </select>
        )}
      </ControlledField>
      <AmountField
        control={form.control}
        name="amount"
        label={m.form.openingDeposit}
        currency={currency}
        hint={
          product && product.minOpeningDeposit > 0
            ? i18n.format(
                m.form.minimum,
                {},
                { amount: formatAmount(product.minOpeningDeposit, currency, { digits: i18n.digits }) },
              )
            : undefined
        }
      />
      <DateField control={form.control} name="date" label={m.form.date} />
      <CashField
        control={form.control}
        name="cashAccountId"
        label={m.form.cashIn}
        accounts={accounts}
        currency={currency}
      />
    </MoneyForm>
  );
}
