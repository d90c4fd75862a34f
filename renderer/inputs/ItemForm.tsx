import { useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  INPUT_UNITS,
  type InputItem,
  type InputItemUpdate,
  inputItemUpdateSchema,
} from '../../shared/inputs';
import type { Account } from '../../shared/ledger';
import { call } from '../api';
import { Field, showRefusal } from '../components/form';
import { AmountInput } from '../components/money';
import { AccountSelect } from '../components/pickers';
import { unitWord } from '../components/quantity';
import { useI18n } from '../i18n';
import { accountIdByRole, ControlledField, ledgerResolver } from '../ledger/vouchers/formSupport';
import type { Confirmation } from '../money/formParts';
import { InputsForm } from './parts';

type ItemForm = Omit<InputItemUpdate, 'id' | 'stockAccountId' | 'incomeAccountId' | 'unit'> & {
  id: number;
  unit: InputItemUpdate['unit'] | '';
  stockAccountId: number | null;
  incomeAccountId: number | null;
};

const FIELDS = ['nameKm', 'nameLatin', 'unit', 'salePrice', 'stockAccountId', 'incomeAccountId'];

// A stock account is a riel asset that is neither money nor a member's account; sales go to riel income.
const isStockAccount = (a: Account) =>
  a.type === 'asset' && a.currency === 'KHR' && !a.isControl && !a.isCash && !a.isBank;
const isIncomeAccount = (a: Account) => a.type === 'income' && a.currency === 'KHR';

/** Adds an item (no `item`) or edits one: its names, unit, usual price and the accounts it posts to. */
export function ItemForm({
  item,
  accounts,
  onSaved,
  onCancel,
}: {
  item: InputItem | null;
  accounts: readonly Account[];
  onSaved: (confirmation: Confirmation) => void;
  onCancel: () => void;
}) {
  const i18n = useI18n();
  const p = i18n.t.inputs;
  const [banner, setBanner] = useState('');
  const form = useForm<ItemForm, unknown, InputItemUpdate>({
    // A new item is checked by the same schema with a placeholder id; the id is not sent for it.
    resolver: ledgerResolver(inputItemUpdateSchema),
    defaultValues: item
      ? { ...item }
      : {
          id: 1,
          active: true,
          nameKm: '',
          nameLatin: '',
          unit: '',
          salePrice: Number.NaN,
          stockAccountId: accountIdByRole(accounts, 'input_stock'),
          incomeAccountId: accountIdByRole(accounts, 'input_sales'),
        },
    mode: 'onTouched',
  });
  const errors = form.formState.errors;

  const submit = form.handleSubmit(
    async (values) => {
      setBanner('');
      const { id, active, ...fields } = values;
      const result = item
        ? await call('inputs.updateItem', { ...fields, id, active })
        : await call('inputs.createItem', fields);
      if (!result.ok) {
        setBanner(showRefusal(form, result.error, FIELDS, i18n));
        return;
      }
      const saved = result.value;
      onSaved((l) =>
        l.format(
          item ? l.t.inputs.itemForm.updated : l.t.inputs.itemForm.created,
          {},
          { name: saved.nameKm },
        ),
      );
    },
    () => setBanner(i18n.t.formHasErrors),
  );

  const title = item ? p.itemForm.editTitle : p.itemForm.newTitle;
  return (
    <InputsForm
      title={title}
      banner={banner}
      busy={form.formState.isSubmitting}
      submitLabel={i18n.t.common.save}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <div className="form-grid">
        <Field label={p.itemForm.nameKm} error={errors.nameKm} required>
          {(aria) => <input {...aria} type="text" lang="km" {...form.register('nameKm')} />}
        </Field>
        <Field label={p.itemForm.nameLatin} error={errors.nameLatin}>
          {(aria) => <input {...aria} type="text" lang="en" {...form.register('nameLatin')} />}
        </Field>
        <Field label={p.unit} error={errors.unit} required>
          {(aria) => (
            <select {...aria} {...form.register('unit')}>
              <option value="" />
              {INPUT_UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {unitWord(i18n, unit)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ControlledField control={form.control} name="salePrice" label={p.itemForm.salePrice} required>
          {(field, aria) => (
            <AmountInput
              {...aria}
              value={field.value}
              currency="KHR"
              onChange={field.onChange}
              onBlur={field.onBlur}
            />
          )}
        </ControlledField>
        <ControlledField
          control={form.control}
          name="stockAccountId"
          label={p.itemForm.stockAccount}
          required
        >
          {(field, aria) => (
            <AccountSelect
              {...aria}
              accounts={accounts}
              value={field.value}
              onChange={field.onChange}
              filter={isStockAccount}
            />
          )}
        </ControlledField>
        <ControlledField
          control={form.control}
          name="incomeAccountId"
          label={p.itemForm.incomeAccount}
          required
        >
          {(field, aria) => (
            <AccountSelect
              {...aria}
              accounts={accounts}
              value={field.value}
              onChange={field.onChange}
              filter={isIncomeAccount}
            />
          )}
        </ControlledField>
        {item ? (
          <label className="check">
            <input type="checkbox" {...form.register('active')} />
            {p.itemForm.active}
          </label>
        ) : null}
      </div>
    </InputsForm>
  );
}
