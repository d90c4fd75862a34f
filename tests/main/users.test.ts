import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Backend, startBackend } from '../../main/backend';
import { inProcessRunner } from '../../main/reports/runner';
import { checkPassword, hashPassword } from '../../main/users/passwords';
import type { AppStatus } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { UserRow } from '../../shared/users';
import { preyKhla } from '../support/cooperative';
import { signInAdmin, TEST_ADMIN } from '../support/users';

let dir: string;
let backend: Backend;
let at: number;
const logged: unknown[] = [];
// The session's clock, moved by hand: the idle lock and the pause after wrong passwords read it.
const clock = () => new Date(at);
const minutes = (n: number) => n * 60_000;

const call = <T = unknown>(channel: string, payload: unknown = {}) =>
  backend.router.dispatch(channel, payload) as Promise<Result<T>>;

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected a value, got ${JSON.stringify(result.error)}`);
  return result.value;
}

const MEMBER = {
  nameKm: 'សុខ ស្រីមុំ',
  nameLatin: '',
  sex: 'F',
  birthDate: '',
  nationalId: '',
  phone: '',
  village: '',
  commune: '',
  joinDate: '2026-11-02',
  nextOfKin: '',
  notes: '',
};

const listMembers = () => call('members.list', { text: '', status: 'all', sex: 'all', sort: 'number' });

beforeEach(async () => {
  at = new Date(2026, 10, 28, 9, 30, 0).getTime();
  dir = mkdtempSync(join(tmpdir(), 'sahakum-users-'));
  backend = await startBackend(dir, clock, {
    logError: (error) => logged.push(error),
    reports: inProcessRunner,
  });
  value(await call('cooperative.create', preyKhla));
});

afterEach(async () => {
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
  expect(logged).toEqual([]);
});

describe('passwords', () => {
  it('are kept as salted scrypt hashes that only the same password matches', async () => {
    const first = await hashPassword('ស្រូវ​សម្បូរ 2026');
    const second = await hashPassword('ស្រូវ​សម្បូរ 2026');
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('2026');
    expect(await checkPassword('ស្រូវ​សម្បូរ 2026', first)).toBe(true);
    expect(await checkPassword('ស្រូវ​សម្បូរ 2025', first)).toBe(false);
    expect(await checkPassword('anything', 'plain text')).toBe(false);
  });
});

describe('the first administrator', () => {
  it('is asked for before anything else, signed in once made, and cannot be made twice', async () => {
    const status = value(await call<AppStatus>('app.status'));
    expect([status.auth, status.user]).toEqual(['createAdmin', null]);
    expect(await listMembers()).toEqual({ ok: false, error: { code: 'signed_out' } });
    expect(await call('auth.createFirstAdmin', { ...TEST_ADMIN, password: 'short' })).toEqual({
      ok: false,
      error: { code: 'password_too_short', field: 'password' },
    });
    const made = value(await call<AppStatus>('auth.createFirstAdmin', { ...TEST_ADMIN, username: 'Admin' }));
    expect([made.auth, made.user?.username, made.user?.role]).toEqual(['signedIn', 'admin', 'admin']);
    expect((await listMembers()).ok).toBe(true);
    expect(await call('auth.createFirstAdmin', { ...TEST_ADMIN, username: 'second' })).toEqual({
      ok: false,
      error: { code: 'forbidden' },
    });
    // The database keeps the hash, never the password.
    const sqlite = new BetterSqlite3(join(dir, 'sahakum.db'), { readonly: true });
    const rows = sqlite.prepare('SELECT username, role, password_hash FROM users').all() as Record<
      string,
      string
    >[];
    sqlite.close();
    expect(rows.map((row) => [row.username, row.role])).toEqual([['admin', 'admin']]);
    expect(rows[0]?.password_hash).not.toContain(TEST_ADMIN.password);
  });
});

describe('signing in', () => {
  beforeEach(async () => {
    await signInAdmin(backend);
    value(await call('auth.signOut'));
  });

  it('refuses a wrong password and an unknown name alike, and lets the right one in', async () => {
    expect(await call('auth.signIn', { username: 'admin', password: 'wrong password' })).toEqual({
      ok: false,
      error: { code: 'wrong_password', field: 'password' },
    });
    expect(await call('auth.signIn', { username: 'nobody', password: TEST_ADMIN.password })).toEqual({
      ok: false,
      error: { code: 'wrong_password', field: 'password' },
    });
    // Names are compared without case, as people type them.
    const status = value(
      await call<AppStatus>('auth.signIn', { username: 'ADMIN', password: TEST_ADMIN.password }),
    );
    expect([status.auth, status.user?.displayName]).toEqual(['signedIn', TEST_ADMIN.displayName]);
  });

  it('makes a guesser wait thirty seconds after five wrong passwords', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await call('auth.signIn', { username: 'admin', password: `guess ${i}` })).ok).toBe(false);
    }
    expect(await call('auth.signIn', { username: 'admin', password: TEST_ADMIN.password })).toEqual({
      ok: false,
      error: { code: 'too_many_attempts', field: 'password', params: { seconds: 30 } },
    });
    at += 29_000;
    expect(await call('auth.signIn', { username: 'admin', password: TEST_ADMIN.password })).toEqual({
      ok: false,
      error: { code: 'too_many_attempts', field: 'password', params: { seconds: 1 } },
    });
    at += 1_001;
    expect((await call('auth.signIn', { username: 'admin', password: TEST_ADMIN.password })).ok).toBe(true);
  });

  it('switches to another user without closing the app, and records what each does in their name', async () => {
    value(await call('auth.signIn', { username: 'admin', password: TEST_ADMIN.password }));
    value(
      await call('users.create', {
        username: 'chanthou',
        displayName: 'លី ចន្ធូ',
        role: 'bookkeeper',
        password: 'បញ្ជីល្អ ២០២៦',
      }),
    );
    const switched = value(
      await call<AppStatus>('auth.signIn', { username: 'chanthou', password: 'បញ្ជីល្អ ២០២៦' }),
    );
    expect([switched.user?.username, switched.user?.role]).toEqual(['chanthou', 'bookkeeper']);
    expect((await backend.session.actor()).user).toBe('លី ចន្ធូ');
    // The audit trail seals their changes in their name.
    value(await call('members.create', { ...MEMBER }));
    const seal = backend.session.database.sqlite
      .prepare('SELECT user FROM audit_seal ORDER BY id DESC LIMIT 1')
      .get();
    expect(seal).toEqual({ user: 'chanthou' });
    expect(await call('users.list')).toEqual({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('the lock', () => {
  beforeEach(async () => {
    await signInAdmin(backend);
  });

  it('locks by hand, refuses everything until the same password unlocks it', async () => {
    expect(value(await call<AppStatus>('auth.lock')).auth).toBe('locked');
    const status = value(await call<AppStatus>('app.status'));
    // The lock screen names who locked it.
    expect([status.auth, status.user?.username]).toEqual(['locked', 'admin']);
    expect(await listMembers()).toEqual({ ok: false, error: { code: 'locked' } });
    expect(await call('auth.unlock', { password: 'not it at all' })).toEqual({
      ok: false,
      error: { code: 'wrong_password', field: 'password' },
    });
    expect(value(await call<AppStatus>('auth.unlock', { password: TEST_ADMIN.password })).auth).toBe(
      'signedIn',
    );
    expect((await listMembers()).ok).toBe(true);
  });

  it('locks itself after the profile’s idle minutes, and each call that is someone’s doing restarts the wait', async () => {
    value(await call('cooperative.update', { ...preyKhla, lockMinutes: 5 }));
    expect(value(await call<AppStatus>('app.status')).lockMinutes).toBe(5);
    at += minutes(4);
    expect((await listMembers()).ok).toBe(true);
    at += minutes(4);
    // Polling a backup's progress is not someone at the keyboard.
    expect((await call('backup.progress')).ok).toBe(true);
    at += minutes(1) + 1;
    expect(await listMembers()).toEqual({ ok: false, error: { code: 'locked' } });
    expect(value(await call<AppStatus>('app.status')).auth).toBe('locked');
    expect(value(await call<AppStatus>('auth.unlock', { password: TEST_ADMIN.password })).auth).toBe(
      'signedIn',
    );
  });

  it('lets someone else sign in from the lock screen', async () => {
    value(
      await call('users.create', {
        username: 'sophak',
        displayName: 'សុខ សុភ័ក្រ',
        role: 'board',
        password: 'board password',
      }),
    );
    value(await call('auth.lock'));
    const status = value(
      await call<AppStatus>('auth.signIn', { username: 'sophak', password: 'board password' }),
    );
    expect([status.auth, status.user?.role]).toEqual(['signedIn', 'board']);
  });
});

describe('the users screen', () => {
  beforeEach(async () => {
    await signInAdmin(backend);
  });

  const bookkeeper = {
    username: 'chanthou',
    displayName: 'លី ចន្ធូ',
    role: 'bookkeeper',
    password: 'a long password',
  };

  it('adds users with unique names and lists them', async () => {
    const made = value(await call<UserRow>('users.create', bookkeeper));
    expect(made).toMatchObject({
      username: 'chanthou',
      role: 'bookkeeper',
      active: true,
    });
    expect(await call('users.create', { ...bookkeeper, username: 'ChanThou' })).toEqual({
      ok: false,
      error: { code: 'username_taken', field: 'username' },
    });
    expect(await call('users.create', { ...bookkeeper, username: 'ចន្ធូ' })).toEqual({
      ok: false,
      error: { code: 'username_invalid', field: 'username' },
    });
    const users = value(await call<UserRow[]>('users.list'));
    expect(users.map((user) => [user.username, user.role])).toEqual([
      ['admin', 'admin'],
      ['chanthou', 'bookkeeper'],
    ]);
  });

  it('never leaves the books without an administrator, nor lets one deactivate themselves', async () => {
    const me = value(await call<UserRow[]>('users.list'))[0] as UserRow;
    expect(
      await call('users.update', { id: me.id, displayName: me.displayName, role: 'board', active: true }),
    ).toEqual({
      ok: false,
      error: { code: 'last_admin', field: 'role' },
    });
    expect(
      await call('users.update', { id: me.id, displayName: me.displayName, role: 'admin', active: false }),
    ).toEqual({
      ok: false,
      error: { code: 'own_account', field: 'active' },
    });
    // With a second administrator, the first may become a board member, and is a board member at once.
    value(await call('users.create', { ...bookkeeper, role: 'admin' }));
    value(
      await call('users.update', { id: me.id, displayName: me.displayName, role: 'board', active: true }),
    );
    expect(value(await call<AppStatus>('app.status')).user?.role).toBe('board');
    expect(await call('users.list')).toEqual({ ok: false, error: { code: 'forbidden' } });
  });

  it('keeps a deactivated user out, and a reset password replaces the old one', async () => {
    const made = value(await call<UserRow>('users.create', bookkeeper));
    value(
      await call('users.update', {
        id: made.id,
        displayName: made.displayName,
        role: 'bookkeeper',
        active: false,
      }),
    );
    expect(await call('auth.signIn', { username: 'chanthou', password: bookkeeper.password })).toEqual({
      ok: false,
      error: { code: 'wrong_password', field: 'password' },
    });
    value(
      await call('users.update', {
        id: made.id,
        displayName: made.displayName,
        role: 'bookkeeper',
        active: true,
      }),
    );
    value(await call('users.resetPassword', { id: made.id, password: 'a brand new one' }));
    expect((await call('auth.signIn', { username: 'chanthou', password: bookkeeper.password })).ok).toBe(
      false,
    );
    expect((await call('auth.signIn', { username: 'chanthou', password: 'a brand new one' })).ok).toBe(true);
    // Their own password, changed by themselves, needs the current one.
    expect(await call('auth.changePassword', { current: 'wrong', password: 'another new one' })).toEqual({
      ok: false,
      error: { code: 'wrong_password', field: 'current' },
    });
    value(await call('auth.changePassword', { current: 'a brand new one', password: 'another new one' }));
    expect((await call('auth.signIn', { username: 'chanthou', password: 'another new one' })).ok).toBe(true);
  });
});

describe('books opened and left', () => {
  it('opens the demo as its administrator, and the laptop’s own books ask for a password again after it', async () => {
    await signInAdmin(backend);
    const demo = value(await call<AppStatus>('app.openDemo'));
    expect([demo.mode, demo.auth, demo.user?.username, demo.user?.role]).toEqual([
      'demo',
      'signedIn',
      'admin',
      'admin',
    ]);
    const users = value(await call<UserRow[]>('users.list'));
    expect(users.map((user) => user.role)).toEqual(['admin', 'bookkeeper', 'board', 'reviewer']);
    const back = value(await call<AppStatus>('app.leaveDemo'));
    expect([back.mode, back.auth, back.user]).toEqual(['ready', 'signIn', null]);
  });
});
