import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { AppStatus } from '../../shared/contract';
import { firstAdminSchema, signInSchema, unlockSchema } from '../../shared/users';
import { call } from '../api';
import { Field, FormFooter, showRefusal } from '../components/form';
import { useI18n } from '../i18n';

// The typed password twice, so that a slip of the finger does not lock the administrator out for good.
const firstAdminForm = firstAdminSchema
  .extend({ confirm: z.string() })
  .refine((values) => values.confirm === values.password, { message: 'passwords_differ', path: ['confirm'] });
type FirstAdminValues = z.input<typeof firstAdminForm>;

/** The first-run wizard's last step, and the first open of books kept before users existed. */
export function CreateAdminScreen({ onStatus }: { onStatus: (status: AppStatus) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [banner, setBanner] = useState('');
  const form = useForm<FirstAdminValues>({
    resolver: zodResolver(firstAdminForm),
    defaultValues: { username: '', displayName: '', password: '', confirm: '' },
    mode: 'onTouched',
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async ({ confirm: _confirm, ...values }) => {
    setBanner('');
    const result = await call('auth.createFirstAdmin', values);
    if (result.ok) onStatus(result.value);
    else setBanner(showRefusal(form, result.error, ['username', 'displayName', 'password'], i18n));
  });
  return (
    <main className="setup">
      <form className="setup-card" noValidate onSubmit={(event) => void submit(event)}>
        <h1>{t.users.firstAdminTitle}</h1>
        <p>{t.users.firstAdminText}</p>
        <div className="form-grid">
          <Field label={t.users.displayName} error={errors.displayName} required>
            {(aria) => <input {...aria} type="text" autoComplete="name" {...form.register('displayName')} />}
          </Field>
          <Field label={t.users.username} error={errors.username} required hint={t.users.usernameHint}>
            {(aria) => <input {...aria} type="text" autoComplete="username" {...form.register('username')} />}
          </Field>
          <Field label={t.users.password} error={errors.password} required hint={t.users.passwordHint}>
            {(aria) => (
              <input {...aria} type="password" autoComplete="new-password" {...form.register('password')} />
            )}
          </Field>
          <Field label={t.users.confirm} error={errors.confirm} required>
            {(aria) => (
              <input {...aria} type="password" autoComplete="new-password" {...form.register('confirm')} />
            )}
          </Field>
        </div>
        <FormFooter banner={banner} busy={form.formState.isSubmitting} submitLabel={t.users.firstAdminSave} />
      </form>
    </main>
  );
}

type SignInValues = z.input<typeof signInSchema>;

/** Who is at the keyboard: on start, after signing out, or to switch user without closing the app. */
export function SignInScreen({
  status,
  onStatus,
}: {
  status: AppStatus;
  onStatus: (status: AppStatus) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [banner, setBanner] = useState('');
  const form = useForm<SignInValues>({
    resolver: zodResolver(signInSchema),
    defaultValues: { username: '', password: '' },
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    setBanner('');
    const result = await call('auth.signIn', values);
    if (result.ok) return onStatus(result.value);
    form.resetField('password');
    setBanner(showRefusal(form, result.error, ['username'], i18n));
  });
  const cooperative = status.cooperative;
  return (
    <main className="setup">
      <form className="setup-card narrow" noValidate onSubmit={(event) => void submit(event)}>
        <h1>{t.users.signInTitle}</h1>
        {cooperative ? <p className="setup-coop">{cooperative.nameKm}</p> : null}
        <div className="form-grid">
          <Field label={t.users.username} error={errors.username} required>
            {(aria) => (
              // biome-ignore lint/a11y/noAutofocus: the sign-in screen has one thing to do, and the keyboard is how it is done.
              <input {...aria} type="text" autoComplete="username" autoFocus {...form.register('username')} />
            )}
          </Field>
          <Field label={t.users.password} error={errors.password} required>
            {(aria) => (
              <input
                {...aria}
                type="password"
                autoComplete="current-password"
                {...form.register('password')}
              />
            )}
          </Field>
        </div>
        <FormFooter banner={banner} busy={form.formState.isSubmitting} submitLabel={t.users.signIn} />
      </form>
    </main>
  );
}

type UnlockValues = z.input<typeof unlockSchema>;

/** The screen after the idle time or a press of "lock": the same user's password, or someone else signs in. */
export function LockScreen({
  status,
  name,
  role,
  onStatus,
}: {
  status: AppStatus;
  name: string;
  role: string;
  onStatus: (status: AppStatus) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [banner, setBanner] = useState('');
  const form = useForm<UnlockValues>({
    resolver: zodResolver(unlockSchema),
    defaultValues: { password: '' },
  });
  const submit = form.handleSubmit(async (values) => {
    setBanner('');
    const result = await call('auth.unlock', values);
    if (result.ok) return onStatus(result.value);
    form.resetField('password');
    setBanner(showRefusal(form, result.error, [], i18n));
  });
  const switchUser = async () => {
    const result = await call('auth.signOut', {});
    if (result.ok) onStatus(result.value);
  };
  return (
    <main className="setup">
      <form className="setup-card narrow" noValidate onSubmit={(event) => void submit(event)}>
        <h1>{t.users.lockedTitle}</h1>
        {status.cooperative ? <p className="setup-coop">{status.cooperative.nameKm}</p> : null}
        <p>{i18n.format(t.users.lockedText, {}, { name, role })}</p>
        <div className="form-grid">
          <Field label={t.users.password} error={form.formState.errors.password} required>
            {(aria) => (
              <input
                {...aria}
                type="password"
                autoComplete="current-password"
                // biome-ignore lint/a11y/noAutofocus: the lock screen has one thing to do, and the keyboard is how it is done.
                autoFocus
                {...form.register('password')}
              />
            )}
          </Field>
        </div>
        <FormFooter
          banner={banner}
          busy={form.formState.isSubmitting}
          submitLabel={t.users.unlock}
          onCancel={() => void switchUser()}
          cancelLabel={t.users.otherUser}
        />
      </form>
    </main>
  );
}
