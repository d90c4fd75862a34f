import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { localToday } from '../../shared/dates';
import { formatAmount } from '../../shared/khmer';
import { closeSavingsAccountSchema, type SavingsAccount } from '../../shared/savings';
import { call } from '../api';
import { Money } from '../components/money';
import { useI18n } from '../i18n';
import { cashAccountId, ledgerResolver } from '../ledger/vouchers/formSupport';
import { CashField, DateField, MoneyForm, type MoneyFormProps, refuse } from './formParts';

type CloseInput = z.infer<typeof closeSavingsAccountSchema>;
type CloseForm = Omit<CloseInput, 'cashAccountId'> & { cashAccountId: number | null };

const FIELDS = ['date', 'cashAccountId'];

/** Pays out what the account holds and closes it. */
export function SavingsCloseForm({
  account,
  accounts,
  onDone,
  onCancel,
}: Omit<MoneyFormProps, 'member'> & { account: SavingsAccount }) {
  const i18n = useI18n();
  const m = i18n.t.money;
  const { currency } = account;
  const [banner, setBanner] = useState('');
  const form = useForm<CloseForm, unknown, CloseInput>({
    resolver: ledgerResolver(closeSavingsAccountSchema),
    defaultValues: {
      savingsAccountId: account.id,
      date: localToday(),
      cashAccountId: cashAccountId(accounts, currency),
    },
    mode: 'onTouched',
  });

  const submit = form.handleSubmit(
    async (values) => {
      setBanner('');
      const result = await call('savings.close', values);
      if (!result.ok) {
        // Closing pays out the whole balance: cash that cannot cover it is the cash account's refusal.
        const error =
          result.error.field === 'amount' ? { ...result.error, field: 'cashAccountId' } : result.error;
        setBanner(refuse(form, error, FIELDS, i18n, currency));
        return;
      }
      const { receiptNumber } = result.value;
      onDone((l) => {
        const amount = formatAmount(account.balance, currency, { digits: l.digits });
        return receiptNumber === null
          ? l.format(l.t.money.done.closed, {}, { account: account.number })
          : l.format(
              l.t.money.done.closedPaid,
              {},
              { account: account.number, amount, number: receiptNumber },
            );
      });
    },
    () => setBanner(i18n.t.formHasErrors),
  );

  return (
    <MoneyForm
      title={m.savings.close}
      banner={banner}
      busy={form.formState.isSubmitting}
      submitLabel={m.savings.close}
      danger
      onSubmit={submit}
      onCancel={onCancel}
    >
      <div className="money-price">
        <span className="summary-label">{m.form.closeText}</span>
        <output>
          <Money amount={account.balance} currency={currency} />
        </output>
      </div>
      <DateField control={form.control} name="date" label={m.form.date} />
      <CashField
        control={form.control}
        name="cashAccountId"
        label={m.form.cashOut}
        accounts={accounts}
        currency={currency}
      />
    </MoneyForm>
  );
}
