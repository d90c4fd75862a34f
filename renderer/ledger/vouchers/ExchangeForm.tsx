import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { localToday } from '../../../shared/dates';
import { toLatinDigits } from '../../../shared/khmer';
import { type Account, type ExchangeInput, exchangeSchema, rateSchema } from '../../../shared/ledger';
import { convert } from '../../../shared/money';
import { call } from '../../api';
import { DateInput, Field, showRefusal } from '../../components/form';
import { AmountInput } from '../../components/money';
import { AccountSelect } from '../../components/pickers';
import { useI18n } from '../../i18n';
import { ExchangeDifference } from './ExchangeDifference';
import {
  ControlledField,
  cashAccountId,
  currencyOf,
  isMoneyAccount,
  ledgerResolver,
  onFormField,
  VoucherFrame,
} from './formSupport';

type ExchangeForm = Omit<ExchangeInput, 'fromAccountId' | 'toAccountId'> & {
  fromAccountId: number | null;
  toAccountId: number | null;
};

const FIELDS = ['date', 'fromAccountId', 'toAccountId', 'amountGiven', 'rate', 'amountReceived', 'memo'];
// The exchange's lines: what left, its conversion, the other conversion, what arrived, any difference.
const REFUSAL_FIELDS = {
  account: ['fromAccountId', null, null, 'toAccountId'],
  amount: ['amountGiven', 'amountGiven', 'amountGiven', 'amountReceived'],
} as const;

/** Dollars changed into riel or back, at the rate of the day, with any difference shown before posting. */
export function ExchangeForm({
  accounts,
  onPosted,
}: {
  accounts: readonly Account[];
  onPosted: (number: string | null) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [banner, setBanner] = useState('');
  const blank = (keep: Pick<ExchangeForm, 'date' | 'fromAccountId' | 'toAccountId' | 'rate'>) => ({
    ...keep,
    amountGiven: Number.NaN,
    amountReceived: Number.NaN,
    memo: '',
  });
  const form = useForm<ExchangeForm, unknown, ExchangeInput>({
    resolver: ledgerResolver(exchangeSchema),
    defaultValues: blank({
      date: localToday(),
      fromAccountId: cashAccountId(accounts, 'USD'),
      toAccountId: cashAccountId(accounts, 'KHR'),
      rate: '',
    }),
    mode: 'onTouched',
  });
  const [fromId, toId, given, rate, received] = form.watch([
    'fromAccountId',
    'toAccountId',
    'amountGiven',
    'rate',
    'amountReceived',
  ]);
  const fromCurrency = currencyOf(accounts, fromId) ?? 'USD';
  const toCurrency = currencyOf(accounts, toId) ?? (fromCurrency === 'USD' ? 'KHR' : 'USD');
  const computed =
    Number.isSafeInteger(given) && given > 0 && rateSchema.safeParse(rate).success
      ? convert(given, fromCurrency, rate)
      : null;

  // What arrived starts as what the rate gives, and follows it until the person types another amount.
  const lastComputed = useRef<number | null>(null);
  useEffect(() => {
    const current = form.getValues('amountReceived');
    if (Number.isNaN(current) || current === lastComputed.current) {
      form.setValue('amountReceived', computed ?? Number.NaN);
    }
    lastComputed.current = computed;
  }, [computed, form]);

  const changeFrom = (id: number | null) => {
    const currency = currencyOf(accounts, id);
    // An amount typed in dollars means nothing in riel: a change of currency starts the amounts afresh.
    if (currency !== fromCurrency) {
      form.setValue('amountGiven', Number.NaN);
      form.setValue('amountReceived', Number.NaN);
    }
    form.setValue('fromAccountId', id);
    if (currency && currencyOf(accounts, form.getValues('toAccountId')) === currency) {
      form.setValue('toAccountId', cashAccountId(accounts, currency === 'USD' ? 'KHR' : 'USD'));
    }
  };

  const submit = form.handleSubmit(
    async (values) => {
      setBanner('');
      const result = await call('ledger.postExchange', values);
      if (!result.ok) {
        setBanner(showRefusal(form, onFormField(result.error, REFUSAL_FIELDS), FIELDS, i18n));
        return;
      }
      onPosted(result.value.number);
      lastComputed.current = null;
      form.reset(blank(values));
      form.setFocus('amountGiven');
    },
    () => setBanner(t.formHasErrors),
  );

  return (
    <VoucherFrame
      title={t.vouchers.formTitle.exchange}
      onSubmit={submit}
      banner={banner}
      busy={form.formState.isSubmitting}
    >
      <div className="wide">
        <ControlledField control={form.control} name="fromAccountId" label={t.vouchers.fromAccount} required>
          {(field, aria) => (
            <AccountSelect
              {...aria}
              accounts={accounts}
              value={field.value}
              onChange={changeFrom}
              filter={isMoneyAccount}
            />
          )}
        </ControlledField>
      </div>
      <div className="wide">
        <ControlledField control={form.control} name="toAccountId" label={t.vouchers.toAccount} required>
          {(field, aria) => (
            <AccountSelect
              {...aria}
              accounts={accounts}
              value={field.value}
              onChange={field.onChange}
              filter={(a) => isMoneyAccount(a) && a.currency !== fromCurrency}
            />
          )}
        </ControlledField>
      </div>
      <ControlledField control={form.control} name="amountGiven" label={t.vouchers.amountGiven} required>
        {(field, aria) => (
          <AmountInput
            {...aria}
            value={field.value}
            currency={fromCurrency}
            onChange={field.onChange}
            onBlur={field.onBlur}
          />
        )}
      </ControlledField>
      <Field label={t.vouchers.rate} error={form.formState.errors.rate} hint={t.vouchers.rateHint} required>
        {(aria) => (
          <input
            {...aria}
            type="text"
            inputMode="decimal"
            className="amount-input"
            {...form.register('rate', { setValueAs: (v: string) => toLatinDigits(v).trim() })}
          />
        )}
      </Field>
      <ControlledField
        control={form.control}
        name="amountReceived"
        label={t.vouchers.amountReceived}
        required
      >
        {(field, aria) => (
          <AmountInput
            {...aria}
            value={field.value}
            currency={toCurrency}
            onChange={field.onChange}
            onBlur={field.onBlur}
          />
        )}
      </ControlledField>
      <ControlledField control={form.control} name="date" label={t.vouchers.date} required>
        {(field, aria) => (
          <DateInput {...aria} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />
        )}
      </ControlledField>
      <ExchangeDifference accounts={accounts} currency={toCurrency} computed={computed} received={received} />
      <div className="wide">
        <Field label={t.vouchers.memo} error={form.formState.errors.memo}>
          {(aria) => <input {...aria} type="text" {...form.register('memo')} />}
        </Field>
      </div>
    </VoucherFrame>
  );
}
