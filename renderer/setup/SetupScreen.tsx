import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { AppStatus } from '../../shared/contract';
import { blankCooperative, type CooperativeInput, cooperativeInputSchema } from '../../shared/schemas';
import { call } from '../api';
import { FormFooter, showRefusal } from '../components/form';
import {
  COOPERATIVE_FIELDS,
  COOPERATIVE_SECTIONS,
  CooperativeFields,
} from '../cooperative/CooperativeFields';
import { useI18n } from '../i18n';

/** First run: create the cooperative in a few short steps, or open the demo to look around. */
export function SetupScreen({ onReady }: { onReady: (status: AppStatus) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [step, setStep] = useState<number | null>(null);
  const [banner, setBanner] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useForm<CooperativeInput>({
    resolver: zodResolver(cooperativeInputSchema),
    defaultValues: blankCooperative,
    mode: 'onTouched',
  });

  const openDemo = async () => {
    setBusy(true);
    const result = await call('app.openDemo', {});
    setBusy(false);
    if (result.ok) onReady(result.value);
    else setBanner(t.errors.unexpected);
  };

  const submit = form.handleSubmit(async (values) => {
    setBanner('');
    const result = await call('cooperative.create', values);
    if (result.ok) return onReady(result.value);
    const field = result.error.field;
    const fieldStep = COOPERATIVE_SECTIONS.findIndex((section) => section.some((name) => name === field));
    if (fieldStep >= 0) setStep(fieldStep);
    setBanner(showRefusal(form, result.error, COOPERATIVE_FIELDS, i18n));
  });

  if (step === null) {
    return (
      <main className="setup">
        <div className="setup-card">
          <h1>{t.setup.welcomeTitle}</h1>
          <p>{t.setup.welcomeText}</p>
          <div className="setup-choices">
            <button type="button" className="primary big" onClick={() => setStep(0)}>
              {t.setup.create}
            </button>
            <button type="button" className="big" onClick={openDemo} disabled={busy}>
              {t.setup.demo}
              <span className="button-hint">{t.setup.demoHint}</span>
            </button>
          </div>
          {banner ? <div className="banner error">{banner}</div> : null}
        </div>
      </main>
    );
  }

  const section = COOPERATIVE_SECTIONS[step] ?? [];
  const last = step === COOPERATIVE_SECTIONS.length - 1;
  const next = async () => {
    if (await form.trigger([...section])) setStep(step + 1);
  };
  return (
    <main className="setup">
      <form
        className="setup-card wide"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (last) void submit();
          else void next();
        }}
      >
        <h1>{t.setup.wizardTitle}</h1>
        <ol className="steps">
          {t.setup.steps.map((title, index) => (
            <li
              key={title}
              aria-current={index === step ? 'step' : undefined}
              className={index === step ? 'step current' : index < step ? 'step done' : 'step'}
            >
              {i18n.num(index + 1)}. {title}
            </li>
          ))}
        </ol>
        <h2>{t.setup.steps[step]}</h2>
        <CooperativeFields form={form} fields={section} />
        <FormFooter
          banner={banner}
          busy={form.formState.isSubmitting}
          submitLabel={last ? t.setup.finish : t.common.next}
          onCancel={() => setStep(step === 0 ? null : step - 1)}
          cancelLabel={t.common.back}
        />
      </form>
    </main>
  );
}
