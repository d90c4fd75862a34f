import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { type Account, accountRenameSchema } from '../../../shared/ledger';
import { call } from '../../api';
import { Field, showRefusal } from '../../components/form';
import { useI18n } from '../../i18n';
import { ledgerResolver } from '../vouchers/formSupport';

type RenameInput = z.infer<typeof accountRenameSchema>;

/** Both names of an account, edited where the row stands; Escape leaves them as they were. */
export function RenameForm({
  account,
  onRenamed,
  onCancel,
}: {
  account: Account;
  onRenamed: (account: Account) => void;
  onCancel: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const text = t.vouchers.accounts;
  const [banner, setBanner] = useState('');
  const form = useForm<RenameInput, unknown, RenameInput>({
    resolver: ledgerResolver(accountRenameSchema),
    defaultValues: { id: account.id, nameKm: account.nameKm, nameEn: account.nameEn },
  });
  const submit = form.handleSubmit(async (values) => {
    setBanner('');
    const result = await call('ledger.renameAccount', values);
    if (result.ok) onRenamed(result.value);
    else setBanner(showRefusal(form, result.error, ['nameKm', 'nameEn'], i18n));
  });
  return (
    <form
      className="rename-form"
      noValidate
      aria-label={i18n.format(text.renameTitle, {}, { code: account.code })}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <Field label={text.nameKm} error={form.formState.errors.nameKm} required>
        {/* biome-ignore lint/a11y/noAutofocus: the person just asked to rename this account. */}
        {(aria) => <input {...aria} type="text" lang="km" autoFocus {...form.register('nameKm')} />}
      </Field>
      <Field label={text.nameEn} error={form.formState.errors.nameEn} required>
        {(aria) => <input {...aria} type="text" lang="en" {...form.register('nameEn')} />}
      </Field>
      {banner ? (
        <div className="banner error" role="alert">
          {banner}
        </div>
      ) : null}
      <div className="actions">
        <button type="button" className="small" onClick={onCancel}>
          {t.common.cancel}
        </button>
        <button type="submit" className="small primary" disabled={form.formState.isSubmitting}>
          {t.common.save}
        </button>
      </div>
    </form>
  );
}
