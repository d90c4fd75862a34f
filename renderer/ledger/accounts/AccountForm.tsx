import { useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  ACCOUNT_TYPES,
  type Account,
  type AccountInput,
  type AccountType,
  accountInputSchema,
} from '../../../shared/ledger';
import { call } from '../../api';
import { Field, FormFooter, showRefusal } from '../../components/form';
import { accountLabel } from '../../components/pickers';
import { useI18n } from '../../i18n';
import { ControlledField, ledgerResolver } from '../vouchers/formSupport';

const FIELDS = ['code', 'nameKm', 'nameEn', 'type', 'currency', 'parentId', 'isControl', 'money'];
const MONEY_KINDS = ['none', 'cash', 'bank'] as const;

const blank: AccountInput = {
  code: '',
  nameKm: '',
  nameEn: '',
  type: '' as AccountType,
  currency: 'KHR',
  parentId: null,
  isControl: false,
  money: 'none',
};

/** Adds an account or a group to the chart; the main process checks the code and the group. */
export function AccountForm({
  accounts,
  onCreated,
  onCancel,
}: {
  accounts: readonly Account[];
  onCreated: (account: Account) => void;
  onCancel: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const text = t.vouchers.accounts;
  const [banner, setBanner] = useState('');
  const form = useForm<AccountInput, unknown, AccountInput>({
    resolver: ledgerResolver(accountInputSchema),
    defaultValues: blank,
    mode: 'onTouched',
  });
  const errors = form.formState.errors;
  const [type, currency] = form.watch(['type', 'currency']);
  const groups = accounts.filter((a) => a.currency === null && a.type === type);
  // Only an asset account with a currency can hold money; only an account with a currency has members.
  const moneyAllowed = type === 'asset' && currency !== null;

  const changeType = (next: AccountType) => {
    form.setValue('type', next, { shouldValidate: form.formState.isSubmitted });
    form.setValue('parentId', accounts.find((a) => a.currency === null && a.type === next)?.id ?? null);
    if (next !== 'asset') form.setValue('money', 'none');
  };
  const changeCurrency = (value: string) => {
    const next = value === 'KHR' || value === 'USD' ? value : null;
    form.setValue('currency', next);
    if (next === null) {
      form.setValue('isControl', false);
      form.setValue('money', 'none');
    }
  };

  const submit = form.handleSubmit(
    async (values) => {
      setBanner('');
      const result = await call('ledger.createAccount', values);
      if (result.ok) onCreated(result.value);
      else setBanner(showRefusal(form, result.error, FIELDS, i18n));
    },
    () => setBanner(t.formHasErrors),
  );

  return (
    <form
      className="account-form panel"
      noValidate
      aria-label={text.newTitle}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h2>{text.newTitle}</h2>
      <div className="account-grid">
        <Field label={text.code} error={errors.code} required>
          {/* biome-ignore lint/a11y/noAutofocus: the form was just opened to type a new account. */}
          {(aria) => <input {...aria} type="text" autoFocus {...form.register('code')} />}
        </Field>
        <Field label={text.nameKm} error={errors.nameKm} required>
          {(aria) => <input {...aria} type="text" lang="km" {...form.register('nameKm')} />}
        </Field>
        <Field label={text.nameEn} error={errors.nameEn} required>
          {(aria) => <input {...aria} type="text" lang="en" {...form.register('nameEn')} />}
        </Field>
        <ControlledField control={form.control} name="type" label={text.type} required>
          {(field, aria) => (
            <select {...aria} value={field.value} onChange={(e) => changeType(e.target.value as AccountType)}>
              <option value="" />
              {ACCOUNT_TYPES.map((name) => (
                <option key={name} value={name}>
                  {text.types[name]}
                </option>
              ))}
            </select>
          )}
        </ControlledField>
        <ControlledField control={form.control} name="currency" label={text.currency} required>
          {(field, aria) => (
            <select {...aria} value={field.value ?? 'group'} onChange={(e) => changeCurrency(e.target.value)}>
              <option value="KHR">{t.vouchers.currencies.KHR}</option>
              <option value="USD">{t.vouchers.currencies.USD}</option>
              <option value="group">{text.groupOption}</option>
            </select>
          )}
        </ControlledField>
        <ControlledField control={form.control} name="parentId" label={text.parent}>
          {(field, aria) => (
            <select
              {...aria}
              value={field.value ?? ''}
              onChange={(e) => field.onChange(e.target.value === '' ? null : Number(e.target.value))}
            >
              <option value="">{text.noParent}</option>
              {groups.map((group) => (
                <option key={group.id} value={group.id}>
                  {accountLabel(group, i18n.language)}
                </option>
              ))}
            </select>
          )}
        </ControlledField>
        <Field label={text.money} error={errors.money} hint={text.moneyHint}>
          {(aria) => (
            <select {...aria} disabled={!moneyAllowed} {...form.register('money')}>
              {MONEY_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {text.moneyKinds[kind]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={text.isControl} error={errors.isControl} hint={text.isControlHint}>
          {(aria) => (
            <span className="check">
              <input {...aria} type="checkbox" disabled={currency === null} {...form.register('isControl')} />
              {text.member}
            </span>
          )}
        </Field>
      </div>
      <FormFooter
        banner={banner}
        busy={form.formState.isSubmitting}
        submitLabel={t.common.save}
        onCancel={onCancel}
      />
    </form>
  );
}
