import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { type Cooperative, type CooperativeInput, cooperativeInputSchema } from '../../shared/schemas';
import { call } from '../api';
import { SubmitButton, showRefusal } from '../components/form';
import { useI18n } from '../i18n';
import { BylawsForm } from '../yearend/BylawsForm';
import { COOPERATIVE_FIELDS, COOPERATIVE_SECTIONS, CooperativeFields } from './CooperativeFields';

export function ProfileScreen({
  cooperative,
  dataFile,
  onSaved,
}: {
  cooperative: Cooperative;
  dataFile: string;
  onSaved: (cooperative: Cooperative) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [banner, setBanner] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const form = useForm<CooperativeInput>({
    resolver: zodResolver(cooperativeInputSchema),
    defaultValues: cooperative,
    mode: 'onTouched',
  });

  const submit = form.handleSubmit(
    async (values) => {
      const result = await call('cooperative.update', values);
      if (result.ok) {
        form.reset(result.value);
        onSaved(result.value);
        setBanner({ kind: 'ok', text: t.common.saved });
      } else {
        setBanner({ kind: 'error', text: showRefusal(form, result.error, COOPERATIVE_FIELDS, i18n) });
      }
    },
    () => setBanner({ kind: 'error', text: t.formHasErrors }),
  );

  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{t.cooperative.title}</h1>
      </header>
      <form
        className="panel scroll"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {COOPERATIVE_SECTIONS.map((fields, index) => (
          <fieldset key={fields[0]}>
            <legend>{t.setup.steps[index]}</legend>
            <CooperativeFields form={form} fields={fields} />
          </fieldset>
        ))}
        <p className="muted">
          {t.cooperative.dataFile}: <code>{dataFile}</code>
        </p>
        {banner ? (
          <div className={`banner ${banner.kind}`} role={banner.kind === 'error' ? 'alert' : 'status'}>
            {banner.text}
          </div>
        ) : null}
        <div className="actions">
          <SubmitButton label={t.common.save} busy={form.formState.isSubmitting} needs="admin" />
        </div>
      </form>
      <BylawsForm />
    </section>
  );
}
