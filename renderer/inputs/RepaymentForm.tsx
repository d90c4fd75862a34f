import { type ReactNode, useState } from 'react';
import { useForm } from 'react-hook-form';
import { localToday } from '../../shared/dates';
import { type MemberInputCredit, type RepaymentInput, repaymentSchema } from '../../shared/inputs';
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

type RepaymentForm = Omit<RepaymentInput, 'cashAccountId'> & { cashAccountId: number | null };
const FIELDS = ['memberId', 'date', 'cashAccountId', 'amount', 'saleId'];

/**
 * Money a member brings for input credit: the amount, where it goes, and which sale it pays first
 * (the oldest first unless the bookkeeper picks one). Each repayment gets a receipt number.
 */
export function RepaymentForm({
  credit,
  accounts,
  onPosted,
  onCancel,
}: {
  credit: MemberInputCredit;
  accounts: readonly Account[];
  onPosted: (confirmation: Confirmation) => void;
  onCancel: () => void;
}) {
  const i18n = useI18n();
  const p = i18n.t.inputs;
  const [banner, setBanner] = useState('');
  const form = useForm<RepaymentForm, unknown, RepaymentInput>({
    resolver: ledgerResolver(repaymentSchema),
    defaultValues: {
      memberId: credit.memberId,
      date: localToday(),
      cashAccountId: cashAccountId(accounts, 'KHR'),
      amount: Number.NaN,
      saleId: null,
    },
    mode: 'onTouched',
  });
  const open = credit.sales.filter((sale) => sale.outstanding > 0);
  const submit = form.handleSubmit(
    async (values) => {
      setBanner('');
      const result = await call('inputs.repay', values);
      if (!result.ok) {
        setBanner(showRefusal(form, readableInputError(i18n, result.error, []), FIELDS, i18n));
        return;
      }
      const { number, outstanding } = result.value;
      onPosted((l) => {
        const money = (minor: number) => formatAmount(minor, 'KHR', { digits: l.digits });
        return l.format(
          l.t.inputs.repay.posted,
          {},
          { number, amount: money(values.amount), left: money(outstanding) },
        );
      });
    },
    () => setBanner(i18n.t.formHasErrors),
  );
  return (
    <InputsForm
      title={p.repay.title}
      banner={banner}
      busy={form.formState.isSubmitting}
      submitLabel={p.repay.post}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <div className="form-grid">
        <div className="money-price">
          <span className="summary-label">{p.aging.outstanding}</span>
          <output>
            <Money amount={credit.outstanding} currency="KHR" />
          </output>
        </div>
        <AmountField control={form.control} name="amount" label={p.amount} currency="KHR" />
        <DateField control={form.control} name="date" label={p.date} />
        <CashField
          control={form.control}
          name="cashAccountId"
          label={p.repay.cashAccount}
          accounts={accounts}
          currency="KHR"
        />
        {open.length > 1 ? (
          <Field label={p.repay.firstSale} error={form.formState.errors.saleId}>
            {(aria) => (
              <select
                {...aria}
                {...form.register('saleId', { setValueAs: (v: string | null) => (v ? Number(v) : null) })}
              >
                <option value="">{p.repay.oldestFirst}</option>
                {open.map((sale) => (
                  <option key={sale.saleId} value={sale.saleId}>
                    {sale.number} · {i18n.date(sale.date)} ·{' '}
                    {formatAmount(sale.outstanding, 'KHR', { digits: i18n.digits })}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
      </div>
    </InputsForm>
  );
}

/** What a member owes for inputs and how much of it is past its due date. */
export function CreditFacts({ credit }: { credit: MemberInputCredit }) {
  const { t } = useI18n();
  return (
    <dl className="money-facts">
      <div>
        <dt>{t.inputs.panel.outstanding}</dt>
        <dd>
          <Money amount={credit.outstanding} currency="KHR" />
        </dd>
      </div>
      <div>
        <dt>{t.inputs.panel.overdue}</dt>
        <dd>
          <Money amount={credit.overdue} currency="KHR" />
        </dd>
      </div>
    </dl>
  );
}

/** The button that opens the repayment form (while anything is owed), with any other actions beside it. */
export function CreditRepayment({
  credit,
  accounts,
  onPosted,
  children,
}: {
  credit: MemberInputCredit;
  accounts: readonly Account[];
  onPosted: (confirmation: Confirmation) => void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const [repaying, setRepaying] = useState(false);
  if (repaying)
    return (
      <RepaymentForm
        credit={credit}
        accounts={accounts}
        onPosted={(confirmation) => {
          setRepaying(false);
          onPosted(confirmation);
        }}
        onCancel={() => setRepaying(false)}
      />
    );
  if (credit.outstanding <= 0 && !children) return null;
  return (
    <div className="money-actions">
      {credit.outstanding > 0 ? (
        <button type="button" onClick={() => setRepaying(true)}>
          {t.inputs.panel.repay}
        </button>
      ) : null}
      {children}
    </div>
  );
}
