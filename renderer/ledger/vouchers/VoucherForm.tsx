import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { localToday } from '../../../shared/dates';
import type { Currency } from '../../../shared/khmer';
import { type Account, type VoucherInput, voucherSchema } from '../../../shared/ledger';
import { call } from '../../api';
import { DateInput, Field, showRefusal } from '../../components/form';
import { AmountInput } from '../../components/money';
import { AccountSelect, MemberPicker } from '../../components/pickers';
import { memberNumber, useI18n } from '../../i18n';
import {
  ControlledField,
  CurrencySelect,
  cashAccountId,
  currencyOf,
  isMoneyAccount,
  ledgerResolver,
  onFormField,
  VoucherFrame,
} from './formSupport';

type Direction = VoucherInput['direction'];
type VoucherForm = Omit<VoucherInput, 'cashAccountId' | 'headAccountId'> & {
  cashAccountId: number | null;
  headAccountId: number | null;
};

const FIELDS = ['date', 'currency', 'headAccountId', 'amount', 'cashAccountId', 'party', 'memberId', 'memo'];
// The voucher's first line is the cash or bank account, the second the head (main/ledger/vouchers.ts).
const REFUSAL_FIELDS = {
  account: ['cashAccountId', 'headAccountId'],
  currency: ['cashAccountId', 'headAccountId'],
  amount: 'amount',
  member: 'memberId',
} as const;

// What a receipt is usually for comes first: incomes for a receipt, expenses for a payment.
const FIRST_TYPE: Record<Direction, Account['type']> = { receipt: 'income', payment: 'expense' };

/** A receipt or payment voucher: money into or out of cash or the bank, for one head of account. */
export function VoucherForm({
  direction,
  accounts,
  onPosted,
}: {
  direction: Direction;
  accounts: readonly Account[];
  onPosted: (number: string | null) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [banner, setBanner] = useState('');
  const [withMember, setWithMember] = useState(false);
  const [round, setRound] = useState(0);
  const blank = (keep: Pick<VoucherForm, 'date' | 'currency' | 'cashAccountId'>): VoucherForm => ({
    ...keep,
    direction,
    headAccountId: null,
    amount: Number.NaN,
    party: '',
    memberId: null,
    memo: '',
  });
  const form = useForm<VoucherForm, unknown, VoucherInput>({
    resolver: ledgerResolver(voucherSchema),
    defaultValues: blank({
      date: localToday(),
      currency: 'KHR',
      cashAccountId: cashAccountId(accounts, 'KHR'),
    }),
    mode: 'onTouched',
  });
  const errors = form.formState.errors;
  const currency = form.watch('currency');
  const head = accounts.find((a) => a.id === form.watch('headAccountId'));
  const memberShown = withMember || Boolean(head?.isControl);

  const heads = [...accounts].sort(
    (a, b) =>
      Number(b.type === FIRST_TYPE[direction]) - Number(a.type === FIRST_TYPE[direction]) ||
      (a.code < b.code ? -1 : 1),
  );

  const changeCurrency = (next: Currency) => {
    form.setValue('currency', next);
    if (currencyOf(accounts, form.getValues('cashAccountId')) !== next) {
      form.setValue('cashAccountId', cashAccountId(accounts, next));
    }
    if (currencyOf(accounts, form.getValues('headAccountId')) !== next) form.setValue('headAccountId', null);
    form.setValue('amount', Number.NaN);
  };

  const submit = form.handleSubmit(
    async (values) => {
      setBanner('');
      // Only a member account's line carries the member; for any other head the member is named as the
      // party, which the voucher keeps.
      const result = await call('ledger.postVoucher', {
        ...values,
        memberId: head?.isControl ? values.memberId : null,
      });
      if (!result.ok) {
        setBanner(showRefusal(form, onFormField(result.error, REFUSAL_FIELDS), FIELDS, i18n));
        return;
      }
      onPosted(result.value.number);
      form.reset(
        blank({ date: values.date, currency: values.currency, cashAccountId: values.cashAccountId }),
      );
      setWithMember(false);
      setRound((r) => r + 1);
      form.setFocus('headAccountId');
    },
    () => setBanner(t.formHasErrors),
  );

  return (
    <VoucherFrame
      title={t.vouchers.formTitle[direction]}
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
      <div className="wide">
        <ControlledField
          control={form.control}
          name="headAccountId"
          label={t.vouchers.head[direction]}
          required
        >
          {(field, aria) => (
            <AccountSelect
              {...aria}
              accounts={heads}
              value={field.value}
              onChange={field.onChange}
              filter={(a) => !isMoneyAccount(a) && a.currency === currency}
            />
          )}
        </ControlledField>
      </div>
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
      <Field label={t.vouchers.party[direction]} error={errors.party}>
        {(aria) => <input {...aria} type="text" {...form.register('party')} />}
      </Field>
      <div className="wide">
        <ControlledField
          control={form.control}
          name="cashAccountId"
          label={t.vouchers.cashAccount[direction]}
          required
        >
          {(field, aria) => (
            <AccountSelect
              {...aria}
              accounts={accounts}
              value={field.value}
              onChange={field.onChange}
              filter={(a) => isMoneyAccount(a) && a.currency === currency}
            />
          )}
        </ControlledField>
      </div>
      <label className="check wide">
        <input
          type="checkbox"
          checked={memberShown}
          disabled={Boolean(head?.isControl)}
          onChange={(event) => {
            setWithMember(event.target.checked);
            if (!event.target.checked) form.setValue('memberId', null);
          }}
        />
        {t.vouchers.withMember}
      </label>
      {memberShown ? (
        <div className="wide">
          <ControlledField
            control={form.control}
            name="memberId"
            label={t.vouchers.member}
            required={Boolean(head?.isControl)}
            hint={head?.isControl ? t.vouchers.memberNeeded : undefined}
          >
            {(field, aria) => (
              <MemberPicker
                key={round}
                {...aria}
                value={field.value}
                onChange={(id, member) => {
                  field.onChange(id);
                  if (member && form.getValues('party').trim() === '') {
                    form.setValue('party', `${i18n.num(memberNumber(member.number))} ${member.nameKm}`);
                  }
                }}
              />
            )}
          </ControlledField>
        </div>
      ) : null}
      <div className="wide">
        <Field label={t.vouchers.memo} error={errors.memo}>
          {(aria) => <input {...aria} type="text" {...form.register('memo')} />}
        </Field>
      </div>
    </VoucherFrame>
  );
}
