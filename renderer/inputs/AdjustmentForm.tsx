import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { localToday } from '../../shared/dates';
import {
  ADJUSTMENT_REASONS,
  type InputItem,
  quantitySchema,
  stockAdjustmentSchema,
} from '../../shared/inputs';
import { call } from '../api';
import { Field, showRefusal } from '../components/form';
import { QuantityInput, quantityText } from '../components/quantity';
import { useI18n } from '../i18n';
import { ControlledField, ledgerResolver } from '../ledger/vouchers/formSupport';
import { type Confirmation, DateField } from '../money/formParts';
import { InputsForm, itemName } from './parts';
import { readableInputError } from './refusal';

// The bookkeeper types how much was damaged, lost or found; the reason gives the direction.
const adjustmentFormSchema = stockAdjustmentSchema.extend({ quantity: quantitySchema });
type AdjustmentValues = ReturnType<typeof adjustmentFormSchema.parse>;
type AdjustmentForm = Omit<AdjustmentValues, 'itemId' | 'reason'> & {
  itemId: number | null;
  reason: AdjustmentValues['reason'] | '';
};

const FIELDS = ['itemId', 'date', 'reason', 'quantity', 'note'];

/** Stock damaged, lost or found, with a note: out of (or back into) stock at the average cost. */
export function AdjustmentForm({
  items,
  onPosted,
  onCancel,
}: {
  items: readonly InputItem[];
  onPosted: (confirmation: Confirmation) => void;
  onCancel: () => void;
}) {
  const i18n = useI18n();
  const p = i18n.t.inputs;
  const [banner, setBanner] = useState('');
  const form = useForm<AdjustmentForm, unknown, AdjustmentValues>({
    resolver: ledgerResolver(adjustmentFormSchema),
    defaultValues: { itemId: null, date: localToday(), reason: '', quantity: Number.NaN, note: '' },
    mode: 'onTouched',
  });
  const errors = form.formState.errors;
  const item = items.find((i) => i.id === form.watch('itemId'));

  const submit = form.handleSubmit(
    async (values) => {
      setBanner('');
      const quantity = values.reason === 'found' ? values.quantity : -values.quantity;
      const result = await call('inputs.adjust', { ...values, quantity });
      if (!result.ok) {
        setBanner(showRefusal(form, readableInputError(i18n, result.error, items), FIELDS, i18n));
        return;
      }
      const { number } = result.value;
      onPosted((l) => l.format(l.t.inputs.adjust.posted, {}, { number }));
    },
    () => setBanner(i18n.t.formHasErrors),
  );

  return (
    <InputsForm
      title={p.adjust.title}
      banner={banner}
      busy={form.formState.isSubmitting}
      submitLabel={p.adjust.post}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <div className="form-grid">
        <ControlledField control={form.control} name="itemId" label={p.item} required>
          {(field, aria) => (
            <select
              {...aria}
              value={field.value ?? ''}
              onChange={(event) =>
                field.onChange(event.target.value === '' ? null : Number(event.target.value))
              }
              onBlur={field.onBlur}
            >
              <option value="" />
              {items.map((i) => (
                <option key={i.id} value={i.id}>
                  {itemName(i18n, i)}
                </option>
              ))}
            </select>
          )}
        </ControlledField>
        {item ? <p className="hint adjust-on-hand">{quantityText(i18n, item.quantity, item.unit)}</p> : null}
        <Field label={p.adjust.reason} error={errors.reason} required>
          {(aria) => (
            <select {...aria} {...form.register('reason')}>
              <option value="" />
              {ADJUSTMENT_REASONS.map((reason) => (
                <option key={reason} value={reason}>
                  {p.adjust.reasons[reason]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ControlledField control={form.control} name="quantity" label={p.quantity} required>
          {(field, aria) => (
            <QuantityInput {...aria} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />
          )}
        </ControlledField>
        <DateField control={form.control} name="date" label={p.date} />
        <Field label={p.adjust.note} error={errors.note}>
          {(aria) => <input {...aria} type="text" {...form.register('note')} />}
        </Field>
      </div>
    </InputsForm>
  );
}
