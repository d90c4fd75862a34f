import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { localToday } from '../../shared/dates';
import { formatAmount } from '../../shared/khmer';
import { type SharePurchaseInput, sharePurchaseSchema } from '../../shared/savings';
import { call } from '../api';
import { Money } from '../components/money';
import { useI18n } from '../i18n';
import { ControlledField, cashAccountId, ledgerResolver } from '../ledger/vouchers/formSupport';
import { CashField, CountInput, DateField, MoneyForm, type MoneyFormProps, refuse } from './formParts';

type PurchaseForm = Omit<SharePurchaseInput, 'cashAccountId'> & { cashAccountId: number | null };

const FIELDS = ['date', 'shares', 'cashAccountId'];

/** Shares bought in cash at par; the price shows as the number is typed. */
export function SharePurchaseForm({
  member,
  accounts,
  par,
  onDone,
  onCancel,
}: MoneyFormProps & { par: number }) {
  const i18n = useI18n();
  const m = i18n.t.money;
  const [banner, setBanner] = useState('');
  const form = useForm<PurchaseForm, unknown, SharePurchaseInput>({
    resolver: ledgerResolver(sharePurchaseSchema),
    defaultValues: {
      memberId: member.id,
      date: localToday(),
      shares: Number.NaN,
      cashAccountId: cashAccountId(accounts, 'KHR'),
    },
    mode: 'onTouched',
  });
  const shares = form.watch('shares');
  const count = Number.isSafeInteger(shares) && shares > 0 ? shares : 0;

  const submit = form.handleSubmit(
    async (values) => {
      setBanner('');
      const result = await call('shares.purchase', values);
      if (!result.ok) {
        setBanner(refuse(form, result.error, FIELDS, i18n, 'KHR'));
        return;
      }
      const { certificateNumber, number } = result.value;
      const params = { shares: values.shares, certificate: certificateNumber };
      onDone((l) => l.format(l.t.money.done.bought, params, { number }));
    },
    () => setBanner(i18n.t.formHasErrors),
  );

  return (
    <MoneyForm
      title={m.shares.buy}
      banner={banner}
      busy={form.formState.isSubmitting}
      submitLabel={m.shares.buy}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <ControlledField control={form.control} name="shares" label={m.form.shares} required>
        {(field, aria) => (
          <CountInput {...aria} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />
        )}
      </ControlledField>
      <div className="money-price">
        <span className="summary-label">{m.form.price}</span>
        <output>
          <Money amount={count * par} currency="KHR" />
        </output>
        <span className="hint">
          {i18n.format(
            m.form.priceHint,
            { shares: count },
            { par: formatAmount(par, 'KHR', { digits: i18n.digits }) },
          )}
        </span>
      </div>
      <DateField control={form.control} name="date" label={m.form.date} />
      <CashField
        control={form.control}
        name="cashAccountId"
        label={m.form.cashIn}
        accounts={accounts}
        currency="KHR"
      />
    </MoneyForm>
  );
}
