import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { Currency } from '../../../shared/khmer';
import { type SavingsProduct, type SavingsProductInput, savingsProductSchema } from '../../../shared/savings';
import { call } from '../../api';
import { Field, FormFooter, showRefusal } from '../../components/form';
import { AmountInput } from '../../components/money';
import { useI18n } from '../../i18n';
import { ControlledField, CurrencySelect, ledgerResolver } from '../../ledger/vouchers/formSupport';
import { MonthsInput, PercentInput } from './inputs';

const FIELDS = [
  'nameKm',
  'nameEn',
  'currency',
  'kind',
  'termMonths',
  'annualRateBp',
  'posting',
  'minOpeningDeposit',
  'earlyWithdrawal',
  'earlyPenaltyBp',
];

const BLANK: SavingsProductInput = {
  nameKm: '',
  nameEn: '',
  currency: 'KHR',
  kind: 'ordinary',
  termMonths: null,
  annualRateBp: Number.NaN,
  posting: 'monthly',
  minOpeningDeposit: 0,
  earlyWithdrawal: false,
  earlyPenaltyBp: 0,
};

/**
 * A new savings product with every setting. The term, the posting at maturity and early withdrawal
 * belong to fixed-term deposits only: ordinary savings are withdrawn at any time.
 */
export function ProductForm({
  onSaved,
  onCancel,
}: {
  onSaved: (product: SavingsProduct) => void;
  onCancel: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const p = t.savings.products;
  const [banner, setBanner] = useState('');
  const form = useForm<SavingsProductInput>({
    resolver: ledgerResolver(savingsProductSchema),
    defaultValues: BLANK,
    mode: 'onTouched',
  });
  const errors = form.formState.errors;
  const currency = form.watch('currency');
  const kind = form.watch('kind');
  const early = form.watch('earlyWithdrawal');

  // The form opens at the bookkeeper's request: the cursor goes straight to the first field.
  useEffect(() => form.setFocus('nameKm'), [form]);

  const changeKind = (next: SavingsProductInput['kind']) => {
    form.setValue('kind', next);
    if (next === 'fixed') {
      form.setValue('termMonths', 12);
      form.setValue('posting', 'maturity');
    } else {
      form.setValue('termMonths', null);
      if (form.getValues('posting') === 'maturity') form.setValue('posting', 'monthly');
      form.setValue('earlyWithdrawal', false);
      form.setValue('earlyPenaltyBp', 0);
    }
  };
  const changeCurrency = (next: Currency) => {
    form.setValue('currency', next);
    form.setValue('minOpeningDeposit', 0);
  };

  const submit = form.handleSubmit(
    async (values) => {
      setBanner('');
      const result = await call('savings.createProduct', values);
      if (result.ok) onSaved(result.value);
      else setBanner(showRefusal(form, result.error, FIELDS, i18n));
    },
    () => setBanner(t.formHasErrors),
  );

  return (
    <form
      className="panel product-form"
      noValidate
      aria-label={p.formTitle}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2>{p.formTitle}</h2>
      <div className="product-grid">
        <Field label={p.nameKm} error={errors.nameKm} required>
          {(aria) => <input {...aria} type="text" lang="km" {...form.register('nameKm')} />}
        </Field>
        <Field label={p.nameEn} error={errors.nameEn} required>
          {(aria) => <input {...aria} type="text" lang="en" {...form.register('nameEn')} />}
        </Field>
        <ControlledField control={form.control} name="currency" label={p.currency} required>
          {(field, aria) => <CurrencySelect {...aria} value={field.value} onChange={changeCurrency} />}
        </ControlledField>
        <ControlledField control={form.control} name="kind" label={p.kind} required>
          {(field, aria) => (
            <select
              {...aria}
              value={field.value}
              onChange={(event) => changeKind(event.target.value as SavingsProductInput['kind'])}
            >
              <option value="ordinary">{t.savings.kinds.ordinary}</option>
              <option value="fixed">{t.savings.kinds.fixed}</option>
            </select>
          )}
        </ControlledField>
        {kind === 'fixed' ? (
          <ControlledField control={form.control} name="termMonths" label={p.termMonths} required>
            {(field, aria) => (
              <MonthsInput {...aria} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />
            )}
          </ControlledField>
        ) : null}
        <ControlledField control={form.control} name="annualRateBp" label={p.rate} hint={p.rateHint} required>
          {(field, aria) => (
            <PercentInput {...aria} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />
          )}
        </ControlledField>
        <ControlledField
          control={form.control}
          name="posting"
          label={p.posting}
          hint={p.postingHint}
          required
        >
          {(field, aria) => (
            <select
              {...aria}
              value={field.value}
              onChange={(event) => field.onChange(event.target.value)}
              onBlur={field.onBlur}
            >
              <option value="monthly">{t.savings.postings.monthly}</option>
              <option value="quarterly">{t.savings.postings.quarterly}</option>
              <option value="yearly">{t.savings.postings.yearly}</option>
              {kind === 'fixed' ? <option value="maturity">{t.savings.postings.maturity}</option> : null}
            </select>
          )}
        </ControlledField>
        <ControlledField control={form.control} name="minOpeningDeposit" label={p.minimum} required>
          {(field, aria) => (
            <AmountInput
              {...aria}
              value={field.value}
              currency={currency}
              onChange={field.onChange}
              onBlur={field.onBlur}
            />
          )}
        </ControlledField>
        {kind === 'fixed' ? (
          <Controller
            control={form.control}
            name="earlyWithdrawal"
            render={({ field }) => (
              <label className="check product-early">
                <input
                  type="checkbox"
                  checked={field.value}
                  onChange={(event) => {
                    field.onChange(event.target.checked);
                    // No early withdrawal, no penalty: a hidden penalty must not hold the form back.
                    if (!event.target.checked) form.setValue('earlyPenaltyBp', 0);
                  }}
                  onBlur={field.onBlur}
                />
                {p.earlyWithdrawal}
              </label>
            )}
          />
        ) : null}
        {kind === 'fixed' && early ? (
          <ControlledField
            control={form.control}
            name="earlyPenaltyBp"
            label={p.penalty}
            hint={p.penaltyHint}
            required
          >
            {(field, aria) => (
              <PercentInput {...aria} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />
            )}
          </ControlledField>
        ) : null}
      </div>
      <FormFooter
        banner={banner}
        busy={form.formState.isSubmitting}
        submitLabel={p.save}
        onCancel={onCancel}
      />
    </form>
  );
}
