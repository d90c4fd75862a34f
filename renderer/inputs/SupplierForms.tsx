import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { localToday } from '../../shared/dates';
import {
  type Supplier,
  type SupplierInput,
  type SupplierPaymentInput,
  supplierPaymentSchema,
  supplierSchema,
} from '../../shared/inputs';
import { formatAmount } from '../../shared/khmer';
import type { Account } from '../../shared/ledger';
import { call } from '../api';
import { Field, showRefusal } from '../components/form';
import { Money } from '../components/money';
import { useI18n } from '../i18n';
import { cashAccountId, ledgerResolver } from '../ledger/vouchers/formSupport';
import { AmountField, CashField, type Confirmation, DateField } from '../money/formParts';
import { InputsForm } from './parts';
import { readableInputError } from './refusal';

const SUPPLIER_FIELDS = ['name', 'phone', 'village'] as const;

/** Adds a supplier (no `supplier`) or edits one: the name, phone and village. */
export function SupplierForm({
  supplier,
  onSaved,
  onCancel,
}: {
  supplier: Supplier | null;
  onSaved: (confirmation: Confirmation, supplier: Supplier) => void;
  onCancel: () => void;
}) {
  const i18n = useI18n();
  const p = i18n.t.inputs.purchases;
  const [banner, setBanner] = useState('');
  const form = useForm<SupplierInput>({
    resolver: ledgerResolver(supplierSchema),
    defaultValues: supplier
      ? { name: supplier.name, phone: supplier.phone, village: supplier.village }
      : { name: '', phone: '', village: '' },
    mode: 'onTouched',
  });
  const submit = form.handleSubmit(
    async (values) => {
      setBanner('');
      const result = supplier
        ? await call('inputs.updateSupplier', { ...values, id: supplier.id })
        : await call('inputs.createSupplier', values);
      if (!result.ok) {
        setBanner(showRefusal(form, result.error, SUPPLIER_FIELDS, i18n));
        return;
      }
      const saved = result.value;
      onSaved(
        (l) =>
          l.format(
            supplier ? l.t.inputs.purchases.supplierUpdated : l.t.inputs.purchases.supplierCreated,
            {},
            { name: saved.name },
          ),
        saved,
      );
    },
    () => setBanner(i18n.t.formHasErrors),
  );
  return (
    <InputsForm
      title={supplier ? p.editSupplier : p.addSupplier}
      banner={banner}
      busy={form.formState.isSubmitting}
      submitLabel={i18n.t.common.save}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <div className="form-grid">
        {SUPPLIER_FIELDS.map((name) => (
          <Field key={name} label={p[name]} error={form.formState.errors[name]} required={name === 'name'}>
            {(aria) => <input {...aria} type="text" {...form.register(name)} />}
          </Field>
        ))}
      </div>
    </InputsForm>
  );
}

type PaymentForm = Omit<SupplierPaymentInput, 'cashAccountId'> & { cashAccountId: number | null };
const PAYMENT_FIELDS = ['date', 'cashAccountId', 'amount'];

/** Money paid to a supplier against what the cooperative owes them, in riel. */
export function SupplierPaymentForm({
  supplier,
  accounts,
  onPosted,
  onCancel,
}: {
  supplier: Supplier;
  accounts: readonly Account[];
  onPosted: (confirmation: Confirmation) => void;
  onCancel: () => void;
}) {
  const i18n = useI18n();
  const p = i18n.t.inputs;
  const [banner, setBanner] = useState('');
  const form = useForm<PaymentForm, unknown, SupplierPaymentInput>({
    resolver: ledgerResolver(supplierPaymentSchema),
    defaultValues: {
      supplierId: supplier.id,
      date: localToday(),
      cashAccountId: cashAccountId(accounts, 'KHR'),
      amount: supplier.owed > 0 ? supplier.owed : Number.NaN,
    },
    mode: 'onTouched',
  });
  const submit = form.handleSubmit(
    async (values) => {
      setBanner('');
      const result = await call('inputs.paySupplier', values);
      if (!result.ok) {
        setBanner(showRefusal(form, readableInputError(i18n, result.error, []), PAYMENT_FIELDS, i18n));
        return;
      }
      const { number } = result.value;
      onPosted((l) =>
        l.format(
          l.t.inputs.purchases.paid,
          {},
          { number, amount: formatAmount(values.amount, 'KHR', { digits: l.digits }) },
        ),
      );
    },
    () => setBanner(i18n.t.formHasErrors),
  );
  return (
    <InputsForm
      title={i18n.format(p.purchases.payTitle, {}, { name: supplier.name })}
      banner={banner}
      busy={form.formState.isSubmitting}
      submitLabel={p.purchases.pay}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <div className="form-grid">
        <div className="money-price">
          <span className="summary-label">{p.purchases.owed}</span>
          <output>
            <Money amount={supplier.owed} currency="KHR" />
          </output>
        </div>
        <AmountField control={form.control} name="amount" label={p.amount} currency="KHR" />
        <DateField control={form.control} name="date" label={p.date} />
        <CashField
          control={form.control}
          name="cashAccountId"
          label={p.purchases.cashAccount}
          accounts={accounts}
          currency="KHR"
        />
      </div>
    </InputsForm>
  );
}
