import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import {
  newUserSchema,
  passwordResetSchema,
  ROLES,
  type SessionUser,
  type UserRow,
  userUpdateSchema,
} from '../../shared/users';
import { call } from '../api';
import { Field, FormFooter, showRefusal } from '../components/form';
import { useI18n } from '../i18n';
import { refusalText } from '../ledger/statements/refusal';

type Banner = { ok: boolean; text: string } | null;
type Editing = { kind: 'add' } | { kind: 'edit'; user: UserRow } | { kind: 'reset'; user: UserRow } | null;

/** The administrator's list of who may sign in, with what role; adding, editing and new passwords. */
export function UsersScreen({ me, onChanged }: { me: SessionUser; onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const u = t.users;
  const [users, setUsers] = useState<UserRow[] | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [banner, setBanner] = useState<Banner>(null);

  const load = useCallback(async () => {
    const result = await call('users.list', {});
    if (result.ok) setUsers(result.value);
    else setBanner({ ok: false, text: refusalText(i18n, result.error) });
  }, [i18n]);

  useEffect(() => {
    void load();
  }, [load]);

  const done = async (text: string) => {
    setEditing(null);
    setBanner({ ok: true, text });
    await load();
    onChanged();
  };

  return (
    <section className="screen users-screen">
      <header className="screen-header">
        <h1>{u.screenTitle}</h1>
        {editing ? null : (
          <button
            type="button"
            className="primary"
            onClick={() => {
              setBanner(null);
              setEditing({ kind: 'add' });
            }}
          >
            + {u.add}
          </button>
        )}
      </header>
      <p className="muted">{u.screenIntro}</p>
      {banner ? (
        <div className={banner.ok ? 'banner ok' : 'banner error'} role={banner.ok ? 'status' : 'alert'}>
          {banner.text}
        </div>
      ) : null}
      {editing?.kind === 'add' ? (
        <AddUserForm
          onSaved={(user) => void done(i18n.format(u.created, {}, { name: user.displayName }))}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {editing?.kind === 'edit' ? (
        <EditUserForm
          user={editing.user}
          onSaved={() => void done(u.updated)}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {editing?.kind === 'reset' ? (
        <ResetPasswordForm
          user={editing.user}
          onSaved={() => void done(i18n.format(u.resetDone, {}, { name: editing.user.displayName }))}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {users ? (
        <table className="data-table users-table">
          <thead>
            <tr>
              <th>{u.displayName}</th>
              <th>{u.username}</th>
              <th>{u.role}</th>
              <th>{u.active}</th>
              <th>{u.added}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className={user.active ? undefined : 'user-inactive'}>
                <td>
                  {user.displayName} {user.id === me.id ? <span className="muted">{u.you}</span> : null}
                </td>
                <td lang="en">{user.username}</td>
                <td>{u.roles[user.role]}</td>
                <td>{user.active ? u.active : u.inactive}</td>
                <td>{i18n.date(user.createdAt.slice(0, 10))}</td>
                <td className="user-row-actions">
                  <button type="button" onClick={() => setEditing({ kind: 'edit', user })}>
                    {u.edit}
                  </button>
                  <button type="button" onClick={() => setEditing({ kind: 'reset', user })}>
                    {u.reset}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function RoleSelect({ aria, register }: { aria: object; register: object }) {
  const { t } = useI18n();
  return (
    <select {...aria} {...register}>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {t.users.roles[role]} — {t.users.roleHints[role]}
        </option>
      ))}
    </select>
  );
}

type NewUserValues = z.input<typeof newUserSchema>;

function AddUserForm({ onSaved, onCancel }: { onSaved: (user: UserRow) => void; onCancel: () => void }) {
  const i18n = useI18n();
  const u = i18n.t.users;
  const [banner, setBanner] = useState('');
  const form = useForm<NewUserValues>({
    resolver: zodResolver(newUserSchema),
    defaultValues: { username: '', displayName: '', role: 'bookkeeper', password: '' },
    mode: 'onTouched',
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    setBanner('');
    const result = await call('users.create', values);
    if (result.ok) onSaved(result.value);
    else setBanner(showRefusal(form, result.error, ['username', 'displayName', 'role', 'password'], i18n));
  });
  return (
    <form className="panel" noValidate onSubmit={(event) => void submit(event)}>
      <h2>{u.add}</h2>
      <div className="form-grid">
        <Field label={u.displayName} error={errors.displayName} required>
          {(aria) => <input {...aria} type="text" {...form.register('displayName')} />}
        </Field>
        <Field label={u.username} error={errors.username} required hint={u.usernameHint}>
          {(aria) => <input {...aria} type="text" autoComplete="off" {...form.register('username')} />}
        </Field>
        <Field label={u.role} error={errors.role} required>
          {(aria) => <RoleSelect aria={aria} register={form.register('role')} />}
        </Field>
        <Field label={u.password} error={errors.password} required hint={u.passwordHint}>
          {(aria) => (
            <input {...aria} type="password" autoComplete="new-password" {...form.register('password')} />
          )}
        </Field>
      </div>
      <FormFooter
        banner={banner}
        busy={form.formState.isSubmitting}
        submitLabel={i18n.t.common.save}
        onCancel={onCancel}
        needs="admin"
      />
    </form>
  );
}

type UpdateValues = z.input<typeof userUpdateSchema>;

function EditUserForm({
  user,
  onSaved,
  onCancel,
}: {
  user: UserRow;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const i18n = useI18n();
  const u = i18n.t.users;
  const [banner, setBanner] = useState('');
  const form = useForm<UpdateValues>({
    resolver: zodResolver(userUpdateSchema),
    defaultValues: { id: user.id, displayName: user.displayName, role: user.role, active: user.active },
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    setBanner('');
    const result = await call('users.update', values);
    if (result.ok) onSaved();
    else setBanner(showRefusal(form, result.error, ['displayName', 'role', 'active'], i18n));
  });
  return (
    <form className="panel" noValidate onSubmit={(event) => void submit(event)}>
      <h2>
        {u.edit}: <span lang="en">{user.username}</span>
      </h2>
      <div className="form-grid">
        <Field label={u.displayName} error={errors.displayName} required>
          {(aria) => <input {...aria} type="text" {...form.register('displayName')} />}
        </Field>
        <Field label={u.role} error={errors.role} required>
          {(aria) => <RoleSelect aria={aria} register={form.register('role')} />}
        </Field>
        <Field label={u.active} error={errors.active}>
          {(aria) => <input {...aria} type="checkbox" className="checkbox" {...form.register('active')} />}
        </Field>
      </div>
      <FormFooter
        banner={banner}
        busy={form.formState.isSubmitting}
        submitLabel={i18n.t.common.save}
        onCancel={onCancel}
        needs="admin"
      />
    </form>
  );
}

type ResetValues = z.input<typeof passwordResetSchema>;

function ResetPasswordForm({
  user,
  onSaved,
  onCancel,
}: {
  user: UserRow;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const i18n = useI18n();
  const u = i18n.t.users;
  const [banner, setBanner] = useState('');
  const form = useForm<ResetValues>({
    resolver: zodResolver(passwordResetSchema),
    defaultValues: { id: user.id, password: '' },
    mode: 'onTouched',
  });
  const submit = form.handleSubmit(async (values) => {
    setBanner('');
    const result = await call('users.resetPassword', values);
    if (result.ok) onSaved();
    else setBanner(showRefusal(form, result.error, ['password'], i18n));
  });
  return (
    <form className="panel" noValidate onSubmit={(event) => void submit(event)}>
      <h2>
        {u.reset}: {user.displayName}
      </h2>
      <div className="form-grid">
        <Field label={u.newPassword} error={form.formState.errors.password} required hint={u.passwordHint}>
          {(aria) => (
            <input {...aria} type="password" autoComplete="new-password" {...form.register('password')} />
          )}
        </Field>
      </div>
      <FormFooter
        banner={banner}
        busy={form.formState.isSubmitting}
        submitLabel={i18n.t.common.save}
        onCancel={onCancel}
        needs="admin"
      />
    </form>
  );
}
