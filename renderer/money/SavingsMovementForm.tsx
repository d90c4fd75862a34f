import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { localToday } from '../../shared/dates';
import { formatAmount } from '../../shared/khmer';
import { type SavingsAccount, type SavingsMovementInput, savingsMovementSchema } from '../../shared/savings';
import { call } from '../api';
import { Money } from '../components/money';
import { useI18n } from '../i18n';
import { cashAccountId, ledgerResolver } from '../ledger/vouchers/formSupport';
import { AmountField, CashField, DateField, MoneyForm, type MoneyFormProps, refuse } from './formParts';

type MovementForm = Omit<SavingsMovementInput, 'cashAccountId'> & { cashAccountId: number | null };

const FIELDS = ['date', 'amount', 'cashAccountId'];

/** A deposit into, or a withdrawal out of, one of the member's savings accounts. */
export function SavingsMovementForm({
  direction,
  account,
  accounts,
  onDone,
  onCancel,
}: Omit<MoneyFormProps, 'member'> & { direction: 'deposit' | 'withdraw'; account: SavingsAccount }) {
  const i18n = useI18n();
  const m = i18n.t.money;
  const { currency } = account;
  const [banner, setBanner] = useState('');
  const form = useForm<MovementForm, unknown, SavingsMovementInput>({
    resolver: ledgerResolver(savingsMovementSchema),
    defaultValues: {
      savingsAccountId: account.id,
      date: localToday(),
      amount: Number.NaN,
      cashAccountId: cashAccountId(accounts, currency),
    },
    mode: 'onTouched',
  });
  const title = direction === 'deposit' ? m.savings.deposit : m.savings.withdraw;

  const submit = form.handleSubmit(
    async (values) => {
      setBanner('');
      const result = await call(direction === 'deposit' ? 'savings.deposit' : 'savings.withdraw', values);
      if (!result.ok) {
        setBanner(refuse(form, result.error, FIELDS, i18n, currency));
        return;
      }
      const number = result.value.receiptNumber ?? '';
      onDone((l) => {
        const amount = formatAmount(values.amount, currency, { digits: l.digits });
        const done = direction === 'deposit' ? l.t.money.done.deposited : l.t.money.done.withdrawn;
        return l.format(done, {}, { amount, number });
      });
    },
    () => setBanner(i18n.t.formHasErrors),
  );

  return (
    <MoneyForm
      title={title}
      banner={banner}
      busy={form.formState.isSubmitting}
      submitLabel={title}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <div className="money-price">
        <span className="summary-label">{m.form.balance}</span>
        <output>
          <Money amount={account.balance} currency={currency} />
        </output>
      </div>
      <AmountField control={form.control} name="amount" label={m.form.amount} currency={currency} />
      <DateField control={form.control} name="date" label={m.form.date} />
      <CashField
        control={form.control}
        name="cashAccountId"
        label={direction === 'deposit' ? m.form.cashIn : m.form.cashOut}
        accounts={accounts}
        currency={currency}
      />
    </MoneyForm>
  );
}
