import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { localToday } from '../../shared/dates';
import { type ShareTransferInput, shareTransferSchema } from '../../shared/savings';
import { call } from '../api';
import { Field } from '../components/form';
import { MemberPicker } from '../components/pickers';
import { memberNumber, useI18n } from '../i18n';
import { ControlledField, ledgerResolver } from '../ledger/vouchers/formSupport';
import { CountInput, DateField, MoneyForm, type MoneyFormProps, refuse } from './formParts';

type TransferForm = Omit<ShareTransferInput, 'toMemberId'> & { toMemberId: number | null };

const FIELDS = ['date', 'toMemberId', 'shares', 'decisionRef'];

/** Shares passed to another member by a board decision; no money moves through cash. */
export function ShareTransferForm({ member, onDone, onCancel }: Omit<MoneyFormProps, 'accounts'>) {
  const i18n = useI18n();
  const m = i18n.t.money;
  const [banner, setBanner] = useState('');
  const [receiver, setReceiver] = useState<number | null>(null);
  const form = useForm<TransferForm, unknown, ShareTransferInput>({
    resolver: ledgerResolver(shareTransferSchema),
    defaultValues: {
      fromMemberId: member.id,
      toMemberId: null,
      date: localToday(),
      shares: Number.NaN,
      decisionRef: '',
    },
    mode: 'onTouched',
  });

  const submit = form.handleSubmit(
    async (values) => {
      setBanner('');
      const result = await call('shares.transfer', values);
      if (!result.ok) {
        setBanner(refuse(form, result.error, FIELDS, i18n, 'KHR'));
        return;
      }
      const params = {
        shares: values.shares,
        member: memberNumber(receiver ?? 0),
        certificate: result.value.certificateNumber,
      };
      onDone((l) => l.format(l.t.money.done.transferred, params));
    },
    () => setBanner(i18n.t.formHasErrors),
  );

  return (
    <MoneyForm
      title={m.shares.transfer}
      banner={banner}
      busy={form.formState.isSubmitting}
      submitLabel={m.shares.transfer}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <ControlledField control={form.control} name="toMemberId" label={m.form.toMember} required>
        {(field, aria) => (
          <MemberPicker
            {...aria}
            value={field.value}
            onChange={(id, row) => {
              field.onChange(id);
              setReceiver(row?.number ?? null);
            }}
          />
        )}
      </ControlledField>
      <ControlledField control={form.control} name="shares" label={m.form.shares} required>
        {(field, aria) => (
          <CountInput {...aria} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />
        )}
      </ControlledField>
      <Field label={m.form.decisionRef} error={form.formState.errors.decisionRef} required>
        {(aria) => (
          <input
            {...aria}
            type="text"
            placeholder={m.form.decisionPlaceholder}
            {...form.register('decisionRef')}
          />
        )}
      </Field>
      <DateField control={form.control} name="date" label={m.form.date} />
    </MoneyForm>
  );
}
