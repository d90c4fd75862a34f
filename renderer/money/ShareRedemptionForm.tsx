import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { localToday } from '../../shared/dates';
import { formatAmount } from '../../shared/khmer';
import { type ShareRedemptionInput, shareRedemptionSchema } from '../../shared/savings';
import { call } from '../api';
import { errorSentence } from '../components/form';
import { Money } from '../components/money';
import { useI18n } from '../i18n';
import { cashAccountId, ledgerResolver } from '../ledger/vouchers/formSupport';
import { CashField, DateField, MoneyForm, type MoneyFormProps, refuse } from './formParts';

type RedemptionForm = Omit<ShareRedemptionInput, 'cashAccountId'> & { cashAccountId: number | null };

const FIELDS = ['date', 'cashAccountId', 'settle'];

/**
 * A member who left or died is paid back the shares at par. Savings and input credit block it unless
 * the bookkeeper settles them in the same step, which the checkbox asks for.
 */
export function ShareRedemptionForm({
  member,
  accounts,
  shares,
  par,
  onDone,
  onCancel,
}: MoneyFormProps & { shares: number; par: number }) {
  const i18n = useI18n();
  const m = i18n.t.money;
  const [banner, setBanner] = useState('');
  const form = useForm<RedemptionForm, unknown, ShareRedemptionInput>({
    resolver: ledgerResolver(shareRedemptionSchema),
    defaultValues: {
      memberId: member.id,
      date: localToday(),
      cashAccountId: cashAccountId(accounts, 'KHR'),
      settle: false,
    },
    mode: 'onTouched',
  });
  const settleError = form.formState.errors.settle;

  const submit = form.handleSubmit(
    async (values) => {
      setBanner('');
      const result = await call('shares.redeem', values);
      if (!result.ok) {
        setBanner(refuse(form, result.error, FIELDS, i18n, 'KHR'));
        return;
      }
      const { KHR, USD } = result.value.paidOut;
      onDone((l) => {
        const paid = [formatAmount(KHR, 'KHR', { digits: l.digits })];
        if (USD !== 0) paid.push(formatAmount(USD, 'USD', { digits: l.digits }));
        return l.format(l.t.money.done.redeemed, {}, { amount: paid.join(' + ') });
      });
    },
    () => setBanner(i18n.t.formHasErrors),
  );

  return (
    <MoneyForm
      title={m.shares.redeem}
      banner={banner}
      busy={form.formState.isSubmitting}
      submitLabel={m.shares.redeem}
      danger
      onSubmit={submit}
      onCancel={onCancel}
    >
      <div className="money-price">
        <span className="summary-label">{i18n.format(m.form.redeemText, { shares })}</span>
        <output>
          <Money amount={shares * par} currency="KHR" />
        </output>
      </div>
      <DateField control={form.control} name="date" label={m.form.date} />
      <CashField
        control={form.control}
        name="cashAccountId"
        label={m.form.cashOut}
        accounts={accounts}
        currency="KHR"
      />
      <div className={settleError ? 'field field-invalid' : 'field'}>
        <label className="check">
          <input
            type="checkbox"
            aria-invalid={Boolean(settleError)}
            aria-describedby="money-settle-note"
            {...form.register('settle')}
          />
          {m.form.settle}
        </label>
        {settleError ? (
          <div className="field-error" id="money-settle-note" role="alert">
            {m.form.settle}: {errorSentence(i18n, settleError.message)}
          </div>
        ) : (
          <div className="hint" id="money-settle-note">
            {m.form.settleHint}
          </div>
        )}
      </div>
    </MoneyForm>
  );
}
