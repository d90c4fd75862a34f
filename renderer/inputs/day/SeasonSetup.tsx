import { useState } from 'react';
import type { CreditCharge, InputItem } from '../../../shared/inputs';
import { DateInput, Field } from '../../components/form';
import { AmountInput } from '../../components/money';
import { unitWord } from '../../components/quantity';
import { useI18n } from '../../i18n';
import { itemName, monthlyRateBp } from '../parts';

export interface DaySetup {
  date: string;
  dueDate: string;
  charge: CreditCharge;
  /** The items handed out this day, each a column of the batch, at its price per unit. */
  columns: { itemId: number; price: number }[];
}
export type SetupErrors = Partial<Record<'date' | 'dueDate' | 'charge' | 'columns', string>>;

/**
 * What the whole day shares: the date, the due date after the harvest, the charge, and the items
 * with their prices. The items are fixed once the first member is in the batch.
 */
export function SeasonSetup({
  items,
  setup,
  errors,
  locked,
  onChange,
}: {
  items: readonly InputItem[];
  setup: DaySetup;
  errors: SetupErrors;
  locked: boolean;
  onChange: (patch: Partial<DaySetup>) => void;
}) {
  const i18n = useI18n();
  const p = i18n.t.inputs;
  const [rateText, setRateText] = useState('');
  const asError = (message: string | undefined) => (message ? { type: 'server', message } : undefined);
  const unused = items.filter((i) => i.active && !setup.columns.some((c) => c.itemId === i.id));
  const { charge } = setup;
  return (
    <div className="day-setup">
      <Field label={p.date} required error={asError(errors.date)}>
        {(aria) => (
          <DateInput
            {...aria}
            value={setup.date}
            onChange={(date) => onChange({ date })}
            onBlur={() => undefined}
          />
        )}
      </Field>
      <Field label={p.sale.dueDate} required error={asError(errors.dueDate)}>
        {(aria) => (
          <DateInput
            {...aria}
            value={setup.dueDate}
            onChange={(dueDate) => onChange({ dueDate })}
            onBlur={() => undefined}
          />
        )}
      </Field>
      <Field label={p.sale.charge}>
        {(aria) => (
          <select
            {...aria}
            value={charge.kind}
            onChange={(event) => {
              const kind = event.target.value as CreditCharge['kind'];
              setRateText('');
              onChange({
                charge:
                  kind === 'flat'
                    ? { kind, amount: Number.NaN }
                    : kind === 'rate'
                      ? { kind, monthlyBp: Number.NaN }
                      : { kind },
              });
            }}
          >
            {(['none', 'flat', 'rate'] as const).map((kind) => (
              <option key={kind} value={kind}>
                {p.sale.charges[kind]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {charge.kind === 'flat' ? (
        <Field label={p.sale.flatAmount} required error={asError(errors.charge)}>
          {(aria) => (
            <AmountInput
              {...aria}
              value={charge.amount}
              currency="KHR"
              onChange={(amount) => onChange({ charge: { kind: 'flat', amount } })}
            />
          )}
        </Field>
      ) : null}
      {charge.kind === 'rate' ? (
        <Field label={p.sale.monthlyRate} required error={asError(errors.charge)}>
          {(aria) => (
            <input
              {...aria}
              type="text"
              inputMode="decimal"
              value={rateText}
              onChange={(event) => {
                setRateText(event.target.value);
                onChange({ charge: { kind: 'rate', monthlyBp: monthlyRateBp(event.target.value) } });
              }}
            />
          )}
        </Field>
      ) : null}
      <fieldset className="day-items">
        <legend>{p.day.items}</legend>
        {setup.columns.map((column, index) => {
          const item = items.find((i) => i.id === column.itemId);
          if (!item) return null;
          return (
            <div key={column.itemId} className="day-item">
              <span className="day-item-name">
                {itemName(i18n, item)} <span className="hint">({unitWord(i18n, item.unit)})</span>
              </span>
              <label className="visually-hidden" htmlFor={`day-price-${item.id}`}>
                {p.sale.unitPrice} {itemName(i18n, item)}
              </label>
              <AmountInput
                id={`day-price-${item.id}`}
                value={column.price}
                currency="KHR"
                onChange={(price) =>
                  onChange({ columns: setup.columns.map((c, i) => (i === index ? { ...c, price } : c)) })
                }
              />
              {locked ? null : (
                <button
                  type="button"
                  className="small"
                  aria-label={i18n.format(p.day.removeItem, {}, { name: itemName(i18n, item) })}
                  onClick={() => onChange({ columns: setup.columns.filter((_, i) => i !== index) })}
                >
                  ×
                </button>
              )}
            </div>
          );
        })}
        {!locked && unused.length > 0 && setup.columns.length < 4 ? (
          <select
            aria-label={p.day.addItem}
            value=""
            onChange={(event) => {
              const item = items.find((i) => i.id === Number(event.target.value));
              if (item) onChange({ columns: [...setup.columns, { itemId: item.id, price: item.salePrice }] });
            }}
          >
            <option value="">{p.day.addItem}</option>
            {unused.map((item) => (
              <option key={item.id} value={item.id}>
                {itemName(i18n, item)}
              </option>
            ))}
          </select>
        ) : null}
        {errors.columns ? (
          <div className="field-error" role="alert">
            {errors.columns}
          </div>
        ) : null}
      </fieldset>
    </div>
  );
}
