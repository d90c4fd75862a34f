import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { monthReopenSchema } from '../../../shared/ledger';
import { call } from '../../api';
import { Field, FormFooter, showRefusal } from '../../components/form';
import { useI18n } from '../../i18n';
import { monthLabel } from '../statements/dates';

type Reopening = z.input<typeof monthReopenSchema>;

/** Reopening a closed month is exceptional: it asks for the written reason the log keeps. */
export function ReopenForm({
  month,
  onReopened,
  onCancel,
}: {
  month: string;
  onReopened: () => void;
  onCancel: () => void;
}) {
  const i18n = useI18n();
  const m = i18n.t.statements.months;
  const [banner, setBanner] = useState('');
  const form = useForm<Reopening>({
    resolver: zodResolver(monthReopenSchema),
    defaultValues: { month, reason: '' },
  });
  const submit = form.handleSubmit(async (values) => {
    setBanner('');
    const result = await call('ledger.reopenMonth', values);
    if (result.ok) onReopened();
    else setBanner(showRefusal(form, result.error, ['reason'], i18n));
  });
  const title = i18n.format(m.reopenMonth, { month: monthLabel(month, i18n) });
  return (
    <form
      className="months-reopen"
      noValidate
      aria-label={title}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Field label={m.reason} error={form.formState.errors.reason} hint={m.reasonHint} required>
        {(aria) => (
          // biome-ignore lint/a11y/noAutofocus: the form opens because the user asked to write the reason.
          <textarea {...aria} rows={2} autoFocus {...form.register('reason')} />
        )}
      </Field>
      <FormFooter
        banner={banner}
        busy={form.formState.isSubmitting}
        submitLabel={m.reopen}
        danger
        needs="approve"
        onCancel={onCancel}
      />
    </form>
  );
}
