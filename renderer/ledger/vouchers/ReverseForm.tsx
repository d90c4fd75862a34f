import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { localToday } from '../../../shared/dates';
import { reverseSchema } from '../../../shared/ledger';
import { call } from '../../api';
import { DateInput, Field, FormFooter, showRefusal } from '../../components/form';
import { useI18n } from '../../i18n';
import { ControlledField, ledgerResolver } from './formSupport';

type ReverseInput = z.infer<typeof reverseSchema>;

/** Asks why and when, then has the ledger post the mirror entry of `entryId`. */
export function ReverseForm({
  entryId,
  title,
  onReversed,
  onCancel,
}: {
  entryId: number;
  title: string;
  onReversed: () => void;
  onCancel: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [banner, setBanner] = useState('');
  const form = useForm<ReverseInput, unknown, ReverseInput>({
    resolver: ledgerResolver(reverseSchema),
    defaultValues: { entryId, date: localToday(), reason: '' },
    mode: 'onTouched',
  });
  const submit = form.handleSubmit(
    async (values) => {
      setBanner('');
      const result = await call('ledger.reverse', values);
      if (result.ok) onReversed();
      else setBanner(showRefusal(form, result.error, ['date', 'reason'], i18n));
    },
    () => setBanner(t.formHasErrors),
  );
  return (
    <form
      className="reverse-form"
      noValidate
      aria-label={title}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h3>{title}</h3>
      <p className="muted">{t.vouchers.journal.reverseHint}</p>
      <div className="reverse-grid">
        <Field label={t.vouchers.journal.reason} error={form.formState.errors.reason} required>
          {(aria) => (
            // biome-ignore lint/a11y/noAutofocus: reversing was just asked for; the reason comes next.
            <input {...aria} type="text" autoFocus {...form.register('reason')} />
          )}
        </Field>
        <ControlledField control={form.control} name="date" label={t.vouchers.journal.reverseDate} required>
          {(field, aria) => (
            <DateInput {...aria} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />
          )}
        </ControlledField>
      </div>
      <FormFooter
        banner={banner}
        busy={form.formState.isSubmitting}
        submitLabel={t.vouchers.journal.confirmReverse}
        danger
        onCancel={onCancel}
      />
    </form>
  );
}
