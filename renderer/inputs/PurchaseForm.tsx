import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { localToday } from '../../shared/dates';
import { type InputItem, type PurchaseInput, purchaseSchema, type Supplier } from '../../shared/inputs';
import { type Currency, toLatinDigits } from '../../shared/khmer';
import type { Account } from '../../shared/ledger';
import { call } from '../api';
import { Field } from '../components/form';
import { useI18n } from '../i18n';
import {
  ControlledField,
  CurrencySelect,
  cashAccountId,
  ledgerResolver,
} from '../ledger/vouchers/formSupport';
import { CashField, type Confirmation, DateField } from '../money/formParts';
import { blankLine, LineEditor } from './LineEditor';
import { PaymentChoice } from './PaymentChoice';
import { InputsForm } from './parts';
import { asPurchaseLines, editorErrors, linesMessage, refuseWithLines } from './refusal';

type Line = { itemId: number | null; quantity: number; unitCost: number };
type PurchaseForm = Omit<PurchaseInput, 'supplierId' | 'lines'> & {
  supplierId: number | null;
  lines: Line[];
};

const FIELDS = ['supplierId', 'date', 'payment', 'currency', 'cashAccountId', 'rate', 'reference'];
const ID = 'purchase';

/** Inputs bought from a supplier: the lines at their cost, paid now from cash or bank, or owed. */
export function PurchaseForm({
  suppliers,
  items,
  accounts,
  supplierId,
  onPosted,
  onCancel,
}: {
  suppliers: readonly Supplier[];
  items: readonly InputItem[];
  accounts: readonly Account[];
  supplierId: number | null;
  onPosted: (confirmation: Confirmation) => void;
  onCancel: () => void;
}) {
  const i18n = useI18n();
  const p = i18n.t.inputs;
  const [banner, setBanner] = useState('');
  const [first] = asPurchaseLines([blankLine()]);
  const form = useForm<PurchaseForm, unknown, PurchaseInput>({
    resolver: ledgerResolver(purchaseSchema),
    defaultValues: {
      supplierId,
      date: localToday(),
      payment: 'cash',
      currency: 'KHR',
      cashAccountId: cashAccountId(accounts, 'KHR'),
      rate: null,
      reference: '',
      lines: first ? [first] : [],
    },
    mode: 'onTouched',
  });
  const errors = form.formState.errors;
  const [payment, currency] = form.watch(['payment', 'currency']);

  const changePayment = (next: PurchaseForm['payment']) => {
    form.setValue('payment', next);
    // Credit is owed to the supplier in riel; cash comes from cash on hand unless another account is chosen.
    form.setValue('currency', 'KHR');
    form.setValue('rate', null);
    form.setValue('cashAccountId', next === 'cash' ? cashAccountId(accounts, 'KHR') : null);
  };
  const changeCurrency = (next: Currency) => {
    form.setValue('currency', next);
    form.setValue('cashAccountId', cashAccountId(accounts, next));
    if (next === 'KHR') form.setValue('rate', null);
  };

  const submit = form.handleSubmit(
    async (values) => {
      setBanner('');
      const result = await call('inputs.purchase', values);
      if (!result.ok) {
        setBanner(
          refuseWithLines(form, result.error, {
            i18n,
            items,
            idPrefix: ID,
            fields: FIELDS,
            priceKey: 'unitCost',
          }),
        );
        return;
      }
      const { number } = result.value;
      onPosted((l) => l.format(l.t.inputs.purchases.posted, {}, { number }));
    },
    () => setBanner(i18n.t.formHasErrors),
  );

  const linesError = linesMessage(errors.lines);
  return (
    <InputsForm
      title={p.purchases.newPurchase}
      className="wide-form"
      banner={banner}
      busy={form.formState.isSubmitting}
      submitLabel={p.purchases.post}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <div className="inputs-grid">
        <ControlledField control={form.control} name="supplierId" label={p.purchases.supplier} required>
          {(field, aria) => (
            <select
              {...aria}
              value={field.value ?? ''}
              onChange={(event) =>
                field.onChange(event.target.value === '' ? null : Number(event.target.value))
              }
              onBlur={field.onBlur}
            >
              <option value="" />
              {suppliers.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </ControlledField>
        <DateField control={form.control} name="date" label={p.date} />
        <Field label={p.purchases.reference} error={errors.reference}>
          {(aria) => <input {...aria} type="text" {...form.register('reference')} />}
        </Field>
        <PaymentChoice value={payment} onChange={changePayment} />
        {payment === 'cash' ? (
          <>
            <ControlledField control={form.control} name="currency" label={p.purchases.currency} required>
              {(field, aria) => <CurrencySelect {...aria} value={field.value} onChange={changeCurrency} />}
            </ControlledField>
            <CashField
              control={form.control}
              name="cashAccountId"
              label={p.purchases.cashAccount}
              accounts={accounts}
              currency={currency}
            />
            {currency === 'USD' ? (
              <Field label={p.purchases.rate} error={errors.rate} required>
                {(aria) => (
                  <input
                    {...aria}
                    type="text"
                    inputMode="decimal"
                    {...form.register('rate', {
                      setValueAs: (v: string | null) => {
                        const text = toLatinDigits(v ?? '').trim();
                        return text === '' ? null : text;
                      },
                    })}
                  />
                )}
              </Field>
            ) : null}
          </>
        ) : null}
      </div>
      <Controller
        control={form.control}
        name="lines"
        render={({ field }) => (
          <LineEditor
            idPrefix={ID}
            lines={field.value.map((l) => ({ itemId: l.itemId, quantity: l.quantity, price: l.unitCost }))}
            errors={editorErrors(errors.lines, 'unitCost')}
            items={items}
            currency={currency}
            priceLabel={p.purchases.unitCost}
            onChange={(lines) => field.onChange(asPurchaseLines(lines))}
          />
        )}
      />
      {linesError ? (
        <div className="field-error" role="alert">
          {p.linesMissing}
        </div>
      ) : null}
    </InputsForm>
  );
}
