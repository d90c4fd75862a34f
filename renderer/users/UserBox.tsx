import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { AppStatus } from '../../shared/contract';
import { passwordChangeSchema, type SessionUser } from '../../shared/users';
import { call } from '../api';
import { Field, FormFooter, showRefusal } from '../components/form';
import { useI18n } from '../i18n';

const IDLE_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel'] as const;

/**
 * Locks the screen after the profile's idle minutes without a key or the mouse. The main process keeps
 * its own clock as well and refuses every call once the time is up, so a renderer that slept is no gap.
 */
export function useIdleLock(minutes: number, onStatus: (status: AppStatus) => void): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const lock = async () => {
      const result = await call('auth.lock', {});
      if (result.ok) onStatus(result.value);
    };
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void lock(), minutes * 60_000);
    };
    restart();
    for (const event of IDLE_EVENTS) window.addEventListener(event, restart, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const event of IDLE_EVENTS) window.removeEventListener(event, restart);
    };
  }, [minutes, onStatus]);
}

/** The foot of the sidebar: who is signed in, and locking, switching user and one's own password. */
export function UserBox({ user, onStatus }: { user: SessionUser; onStatus: (status: AppStatus) => void }) {
  const { t } = useI18n();
  const [changing, setChanging] = useState(false);
  const act = async (channel: 'auth.lock' | 'auth.signOut') => {
    const result = await call(channel, {});
    if (result.ok) onStatus(result.value);
  };
  return (
    <div className="user-box">
      <div className="user-name">{user.displayName}</div>
      <div className="user-role">{t.users.roles[user.role]}</div>
      <div className="user-actions">
        <button type="button" className="user-action" onClick={() => void act('auth.lock')}>
          {t.users.lock}
        </button>
        <button type="button" className="user-action" onClick={() => void act('auth.signOut')}>
          {t.users.signOut}
        </button>
        <button
          type="button"
          className="user-action"
          onClick={() => setChanging(true)}
          aria-expanded={changing}
        >
          {t.users.changePassword}
        </button>
      </div>
      {changing ? <ChangePasswordForm onDone={() => setChanging(false)} /> : null}
    </div>
  );
}

const changeForm = passwordChangeSchema
  .extend({ confirm: z.string() })
  .refine((values) => values.confirm === values.password, { message: 'passwords_differ', path: ['confirm'] });
type ChangeValues = z.input<typeof changeForm>;

function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const i18n = useI18n();
  const u = i18n.t.users;
  const [banner, setBanner] = useState('');
  const [changed, setChanged] = useState(false);
  const form = useForm<ChangeValues>({
    resolver: zodResolver(changeForm),
    defaultValues: { current: '', password: '', confirm: '' },
    mode: 'onTouched',
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async ({ confirm: _confirm, ...values }) => {
    setBanner('');
    const result = await call('auth.changePassword', values);
    if (result.ok) {
      setChanged(true);
      form.reset();
    } else setBanner(showRefusal(form, result.error, ['current', 'password'], i18n));
  });
  return (
    <form className="password-form" noValidate onSubmit={(event) => void submit(event)}>
      {changed ? (
        <div className="banner ok" role="status">
          {u.passwordChanged}
        </div>
      ) : null}
      <Field label={u.currentPassword} error={errors.current} required>
        {(aria) => (
          <input {...aria} type="password" autoComplete="current-password" {...form.register('current')} />
        )}
      </Field>
      <Field label={u.newPassword} error={errors.password} required hint={u.passwordHint}>
        {(aria) => (
          <input {...aria} type="password" autoComplete="new-password" {...form.register('password')} />
        )}
      </Field>
      <Field label={u.confirm} error={errors.confirm} required>
        {(aria) => (
          <input {...aria} type="password" autoComplete="new-password" {...form.register('confirm')} />
        )}
      </Field>
      <FormFooter
        banner={banner}
        busy={form.formState.isSubmitting}
        submitLabel={i18n.t.common.save}
        onCancel={onDone}
        cancelLabel={i18n.t.common.close}
        needs="self"
      />
    </form>
  );
}
