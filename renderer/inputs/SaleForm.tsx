import { useEffect, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { localToday } from '../../shared/dates';
import { chargeOf, creditMonths } from '../../shared/input-charge';
import { type CreditCharge, type InputItem, type InputSaleInput, inputSaleSchema } from '../../shared/inputs';
import { formatAmount, isRealIsoDate } from '../../shared/khmer';
import type { Account } from '../../shared/ledger';
import type { MemberRow } from '../../shared/schemas';
import { call } from '../api';
import { DateInput } from '../components/form';
import { AmountInput, Money } from '../components/money';
import { memberNumber, useI18n } from '../i18n';
import { ControlledField, cashAccountId, ledgerResolver } from '../ledger/vouchers/formSupport';
import { CashField, type Confirmation, DateField } from '../money/formParts';
import { blankLine, editorLineAmount, LineEditor, lineFieldId } from './LineEditor';
import { MemberSearch } from './MemberSearch';
import { PaymentChoice } from './PaymentChoice';
import { InputsForm, monthlyRateBp } from './parts';
import { asSaleLines, editorErrors, linesMessage, refuseWithLines } from './refusal';

type Line = { itemId: number | null; quantity: number; unitPrice: number };
type SaleForm = Omit<InputSaleInput, 'memberId' | 'lines'> & { memberId: number | null; lines: Line[] };

const FIELDS = ['memberId', 'date', 'cashAccountId', 'dueDate', 'charge.amount', 'charge.monthlyBp'];
const ID = 'sale';
const blankLines = (): Line[] => asSaleLines([blankLine()]);

/**
 * Inputs to one member, in cash or on credit until a due date with its fee or interest: each line starts
 * at the item's usual price, and the total with the charge shows before anything is posted. After it
 * posts, the form is ready for the next member, with the same date, payment and terms.
 */
export function SaleForm({
  items,
  accounts,
  onPosted,
}: {
  items: readonly InputItem[];
  accounts: readonly Account[];
  onPosted: (confirmation: Confirmation) => void;
}) {
  const i18n = useI18n();
  const p = i18n.t.inputs;
  const s = p.sale;
  const [banner, setBanner] = useState('');
  const [round, setRound] = useState(0);
  const [buyer, setBuyer] = useState<{ member: MemberRow; owes: number } | null>(null);
  const [rateText, setRateText] = useState('');
  const memberInput = useRef<HTMLInputElement>(null);
  const form = useForm<SaleForm, unknown, InputSaleInput>({
    resolver: ledgerResolver(inputSaleSchema),
    defaultValues: {
      memberId: null,
      date: localToday(),
      payment: 'credit',
      cashAccountId: null,
      dueDate: '',
      charge: { kind: 'none' },
      lines: blankLines(),
    },
    mode: 'onTouched',
  });
  const errors = form.formState.errors;
  const [payment, charge, date, dueDate, lines] = form.watch([
    'payment',
    'charge',
    'date',
    'dueDate',
    'lines',
  ]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the member field takes the cursor for each new member.
  useEffect(() => {
    memberInput.current?.focus();
  }, [round]);

  const choosePayment = (next: SaleForm['payment']) => {
    form.setValue('payment', next);
    form.setValue('cashAccountId', next === 'cash' ? cashAccountId(accounts, 'KHR') : null);
    form.setValue('dueDate', next === 'cash' ? null : '');
    if (next === 'cash') form.setValue('charge', { kind: 'none' });
  };
  const chooseCharge = (kind: CreditCharge['kind']) => {
    setRateText('');
    form.setValue(
      'charge',
      kind === 'flat'
        ? { kind, amount: Number.NaN }
        : kind === 'rate'
          ? { kind, monthlyBp: Number.NaN }
          : { kind },
    );
  };

  const goods = lines.reduce(
    (sum, l) => sum + editorLineAmount({ itemId: l.itemId, quantity: l.quantity, price: l.unitPrice }),
    0,
  );
  const termsReady =
    payment === 'credit' && typeof dueDate === 'string' && isRealIsoDate(dueDate) && isRealIsoDate(date);
  const chargeValid =
    charge.kind === 'none' ||
    (charge.kind === 'flat' && Number.isSafeInteger(charge.amount)) ||
    (charge.kind === 'rate' && Number.isSafeInteger(charge.monthlyBp));
  const chargeAmount = termsReady && chargeValid ? chargeOf(charge, goods, date, dueDate) : 0;

  const submit = form.handleSubmit(
    async (values) => {
      setBanner('');
      const result = await call('inputs.sell', values);
      if (!result.ok) {
        setBanner(
          refuseWithLines(form, result.error, {
            i18n,
            items,
            idPrefix: ID,
            fields: FIELDS,
            priceKey: 'unitPrice',
          }),
        );
        return;
      }
      const { number, total } = result.value;
      const name = buyer?.member.nameKm ?? '';
      onPosted((l) =>
        l.format(
          l.t.inputs.sale.posted,
          {},
          {
            number,
            name,
            amount: formatAmount(total, 'KHR', { digits: l.digits }),
          },
        ),
      );
      // The next member: same day, payment and terms; a fresh member field and lines.
      form.reset({
        ...values,
        memberId: null,
        lines: blankLines(),
        dueDate: values.dueDate ?? (values.payment === 'cash' ? null : ''),
      });
      setBuyer(null);
      setRound((r) => r + 1);
    },
    () => setBanner(i18n.t.formHasErrors),
  );

  const linesError = linesMessage(errors.lines);
  return (
    <InputsForm
      title={s.title}
      className="wide-form"
      banner={banner}
      busy={form.formState.isSubmitting}
      submitLabel={s.post}
      onSubmit={submit}
    >
      <div className="inputs-grid">
        <div className="sale-member">
          <ControlledField control={form.control} name="memberId" label={s.member} required>
            {(field, aria) => (
              <MemberSearch
                {...aria}
                inputRef={memberInput}
                label={s.member}
                onChoose={(member) => {
                  field.onChange(member.id);
                  setBuyer({ member, owes: 0 });
                  void call('inputs.memberCredit', { memberId: member.id }).then((result) => {
                    if (result.ok) setBuyer({ member, owes: result.value.outstanding });
                  });
                  document.getElementById(lineFieldId(ID, 0, 'itemId'))?.focus();
                }}
              />
            )}
          </ControlledField>
          {buyer ? (
            <p className="sale-buyer" aria-live="polite">
              <span className="depositor-number">{i18n.num(memberNumber(buyer.member.number))}</span>{' '}
              <span className="entry-name">{buyer.member.nameKm}</span>
              {buyer.owes > 0 ? (
                <span className="sale-owes">
                  {' · '}
                  {i18n.format(
                    s.owes,
                    {},
                    { amount: formatAmount(buyer.owes, 'KHR', { digits: i18n.digits }) },
                  )}
                </span>
              ) : null}
            </p>
          ) : null}
        </div>
        <DateField control={form.control} name="date" label={p.date} />
        <PaymentChoice value={payment} onChange={choosePayment} />
        {payment === 'cash' ? (
          <CashField
            control={form.control}
            name="cashAccountId"
            label={i18n.t.money.form.cashIn}
            accounts={accounts}
            currency="KHR"
          />
        ) : (
          <>
            <ControlledField control={form.control} name="dueDate" label={s.dueDate} required>
              {(field, aria) => (
                <DateInput
                  {...aria}
                  value={field.value ?? ''}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                />
              )}
            </ControlledField>
            <div className="sale-charge">
              <label htmlFor={`${ID}-charge-kind`}>{s.charge}</label>
              <select
                id={`${ID}-charge-kind`}
                value={charge.kind}
                onChange={(event) => chooseCharge(event.target.value as CreditCharge['kind'])}
              >
                {(['none', 'flat', 'rate'] as const).map((kind) => (
                  <option key={kind} value={kind}>
                    {s.charges[kind]}
                  </option>
                ))}
              </select>
            </div>
            {charge.kind === 'flat' ? (
              <ControlledField control={form.control} name="charge.amount" label={s.flatAmount} required>
                {(field, aria) => (
                  <AmountInput
                    {...aria}
                    value={typeof field.value === 'number' ? field.value : Number.NaN}
                    currency="KHR"
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                  />
                )}
              </ControlledField>
            ) : null}
            {charge.kind === 'rate' ? (
              <ControlledField control={form.control} name="charge.monthlyBp" label={s.monthlyRate} required>
                {(field, aria) => (
                  <input
                    {...aria}
                    type="text"
                    inputMode="decimal"
                    value={rateText}
                    onChange={(event) => {
                      setRateText(event.target.value);
                      field.onChange(monthlyRateBp(event.target.value));
                    }}
                    onBlur={field.onBlur}
                  />
                )}
              </ControlledField>
            ) : null}
          </>
        )}
      </div>
      <Controller
        control={form.control}
        name="lines"
        render={({ field }) => (
          <LineEditor
            idPrefix={ID}
            lines={field.value.map((l) => ({ itemId: l.itemId, quantity: l.quantity, price: l.unitPrice }))}
            errors={editorErrors(errors.lines, 'unitPrice')}
            items={items}
            currency="KHR"
            priceLabel={s.unitPrice}
            onChange={(next) => field.onChange(asSaleLines(next))}
            onItemChosen={(item) => (item.salePrice > 0 ? item.salePrice : null)}
          />
        )}
      />
      {linesError ? (
        <div className="field-error" role="alert">
          {p.linesMissing}
        </div>
      ) : null}
      <dl className="sale-summary" aria-live="polite">
        <div>
          <dt>{s.goods}</dt>
          <dd>
            <Money amount={goods} currency="KHR" />
          </dd>
        </div>
        {payment === 'credit' && charge.kind !== 'none' ? (
          <div>
            <dt>
              {s.chargeAmount}
              {charge.kind === 'rate' && termsReady && chargeValid ? (
                <span className="hint">
                  {' '}
                  (
                  {i18n.format(s.months, {
                    months: creditMonths(date, dueDate ?? date),
                    rate: rateText.trim() || '0',
                  })}
                  )
                </span>
              ) : null}
            </dt>
            <dd>
              <Money amount={chargeAmount} currency="KHR" />
            </dd>
          </div>
        ) : null}
        <div className="sale-total">
          <dt>{s.toPay}</dt>
          <dd>
            <output aria-label={s.toPay}>
              <Money amount={goods + chargeAmount} currency="KHR" />
            </output>
          </dd>
        </div>
      </dl>
    </InputsForm>
  );
}
