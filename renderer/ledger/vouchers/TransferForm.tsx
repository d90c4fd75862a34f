import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { localToday } from '../../../shared/dates';
import type { Currency } from '../../../shared/khmer';
import { type Account, type TransferInput, transferSchema } from '../../../shared/ledger';
import { call } from '../../api';
import { DateInput, Field, showRefusal } from '../../components/form';
import { AmountInput } from '../../components/money';
import { AccountSelect } from '../../components/pickers';
import { useI18n } from '../../i18n';
import {
  accountIdByRole,
  ControlledField,
  CurrencySelect,
  cashAccountId,
  currencyOf,
  isMoneyAccount,
  ledgerResolver,
  onFormField,
  VoucherFrame,
} from './formSupport';

type TransferForm = Omit<TransferInput, 'fromAccountId' | 'toAccountId'> & {
  fromAccountId: number | null;
  toAccountId: number | null;
};

const FIELDS = ['date', 'currency', 'fromAccountId', 'toAccountId', 'amount', 'memo'];
// A transfer's first line is the receiving account, the second the giving one (main/ledger/vouchers.ts).
const REFUSAL_FIELDS = {
  account: ['toAccountId', 'fromAccountId'],
  currency: ['toAccountId', 'fromAccountId'],
  amount: 'amount',
} as const;

const bankAccountId = (accounts: readonly Account[], currency: Currency) =>
  accountIdByRole(accounts, currency === 'KHR' ? 'bank_khr' : 'bank_usd');

/** Money moved between cash on hand and the bank (or two such accounts) in one currency. */
export function TransferForm({
  accounts,
  onPosted,
}: {
  accounts: readonly Account[];
  onPosted: (number: string | null) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [banner, setBanner] = useState('');
  const blank = (keep: Pick<TransferForm, 'date' | 'currency'>): TransferForm => ({
    ...keep,
    fromAccountId: cashAccountId(accounts, keep.currency),
    toAccountId: bankAccountId(accounts, keep.currency),
    amount: Number.NaN,
    memo: '',
  });
  const form = useForm<TransferForm, unknown, TransferInput>({
    resolver: ledgerResolver(transferSchema),
    defaultValues: blank({ date: localToday(), currency: 'KHR' }),
    mode: 'onTouched',
  });
  const currency = form.watch('currency');

  const changeCurrency = (next: Currency) => {
    form.setValue('currency', next);
    for (const name of ['fromAccountId', 'toAccountId'] as const) {
      if (currencyOf(accounts, form.getValues(name)) !== next) form.setValue(name, null);
    }
    form.setValue('amount', Number.NaN);
  };

  const submit = form.handleSubmit(
    async (values) => {
      setBanner('');
      const result = await call('ledger.postTransfer', values);
      if (!result.ok) {
        setBanner(showRefusal(form, onFormField(result.error, REFUSAL_FIELDS), FIELDS, i18n));
        return;
      }
      onPosted(result.value.number);
      form.reset(blank({ date: values.date, currency: values.currency }));
      form.setFocus('amount');
    },
    () => setBanner(t.formHasErrors),
  );

  const moneyIn = (field: 'fromAccountId' | 'toAccountId', label: string) => (
    <ControlledField control={form.control} name={field} label={label} required>
      {(props, aria) => (
        <AccountSelect
          {...aria}
          accounts={accounts}
          value={props.value}
          onChange={props.onChange}
          filter={(a) => isMoneyAccount(a) && a.currency === currency}
        />
      )}
    </ControlledField>
  );

  return (
    <VoucherFrame
      title={t.vouchers.formTitle.transfer}
      onSubmit={submit}
      banner={banner}
      busy={form.formState.isSubmitting}
    >
      <ControlledField control={form.control} name="date" label={t.vouchers.date} required>
        {(field, aria) => (
          <DateInput {...aria} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />
        )}
      </ControlledField>
      <ControlledField control={form.control} name="currency" label={t.vouchers.currency} required>
        {(field, aria) => <CurrencySelect {...aria} value={field.value} onChange={changeCurrency} />}
      </ControlledField>
      <div className="wide">{moneyIn('fromAccountId', t.vouchers.fromAccount)}</div>
      <div className="wide">{moneyIn('toAccountId', t.vouchers.toAccount)}</div>
      <ControlledField control={form.control} name="amount" label={t.vouchers.amount} required>
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
      <div className="wide">
        <Field label={t.vouchers.memo} error={form.formState.errors.memo}>
          {(aria) => <input {...aria} type="text" {...form.register('memo')} />}
        </Field>
      </div>
    </VoucherFrame>
  );
}
