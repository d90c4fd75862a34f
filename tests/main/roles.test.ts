import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, startBackend } from '../../main/backend';
import { CHANNEL_PERMISSIONS } from '../../main/ipc/roles';
import { inProcessRunner } from '../../main/reports/runner';
import { type Channel, channels } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { type Permission, type Role, roleMay } from '../../shared/users';
import { preyKhla } from '../support/cooperative';
import { signInAdmin, TEST_ADMIN } from '../support/users';

// 28 November 2026, mid-morning.
const clock = () => new Date(2026, 10, 28, 9, 30, 0);
const PASSWORD = 'a good long password';

let dir: string;
let backend: Backend;
const logged: unknown[] = [];

const call = (channel: string, payload: unknown = {}) => backend.router.dispatch(channel, payload);

async function signInAs(role: Role): Promise<void> {
  const result = await call('auth.signIn', {
    username: role,
    password: role === 'admin' ? TEST_ADMIN.password : PASSWORD,
  });
  expect(result.ok, `${role} signs in`).toBe(true);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-roles-'));
  backend = await startBackend(dir, clock, {
    logError: (error) => logged.push(error),
    reports: inProcessRunner,
  });
  await call('cooperative.create', preyKhla);
  await signInAdmin(backend);
  for (const role of ['bookkeeper', 'board', 'reviewer'] as const) {
    const made = await call('users.create', { username: role, displayName: role, role, password: PASSWORD });
    expect(made.ok).toBe(true);
  }
});

afterAll(async () => {
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

// A payload no schema accepts: a channel the role may use answers 'validation' (or runs, for the few
// that take nothing); one it may not answers 'forbidden' before the payload is looked at.
const PROBE = { probe: 'not a field of any channel' };

// The roles, written out here rather than read from shared/users.ts, so that a wrong grant there fails.
const MAY: Record<Role, readonly Permission[]> = {
  admin: ['read', 'self', 'backup', 'enter', 'approve', 'admin'],
  bookkeeper: ['read', 'self', 'backup', 'enter'],
  board: ['read', 'self', 'backup', 'approve'],
  reviewer: ['read', 'self'],
};
// Signing out or locking would end the very session the loop runs in; they are tested on their own.
const SESSION_ENDERS = new Set<Channel>(['auth.signOut', 'auth.lock']);

describe('every channel, for every role, in the main process', () => {
  for (const role of ['admin', 'bookkeeper', 'board', 'reviewer'] as const) {
    it(`lets a ${role} use exactly what the role allows`, async () => {
      await signInAs(role);
      for (const channel of channels) {
        const permission = CHANNEL_PERMISSIONS[channel];
        if (permission === 'open' || SESSION_ENDERS.has(channel)) continue;
        const result = (await call(channel, PROBE)) as Result<unknown>;
        expect(roleMay(role, permission), `${role} may ${permission}`).toBe(MAY[role].includes(permission));
        if (MAY[role].includes(permission)) {
          expect(result.ok ? 'ok' : result.error.code, `${role} on ${channel}`).not.toBe('forbidden');
        } else {
          expect(result, `${role} on ${channel}`).toEqual({ ok: false, error: { code: 'forbidden' } });
        }
      }
    });
  }

  it('refuses every channel that needs someone signed in once nobody is, whatever the payload', async () => {
    await signInAs('admin');
    expect((await call('auth.signOut')).ok).toBe(true);
    for (const channel of channels) {
      if (CHANNEL_PERMISSIONS[channel] === 'open') continue;
      expect(await call(channel, PROBE), channel).toEqual({ ok: false, error: { code: 'signed_out' } });
    }
  });
});

describe('what each role is for', () => {
  it('does not let a bookkeeper manage users or the profile, but lets them enter a member', async () => {
    await signInAs('bookkeeper');
    expect(await call('users.list')).toEqual({ ok: false, error: { code: 'forbidden' } });
    expect(
      await call('users.create', { username: 'x', displayName: 'x', role: 'admin', password: PASSWORD }),
    ).toEqual({ ok: false, error: { code: 'forbidden' } });
    expect(await call('cooperative.update', preyKhla)).toEqual({ ok: false, error: { code: 'forbidden' } });
    const member = await call('members.create', {
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
    });
    expect(member.ok).toBe(true);
    expect(await call('ledger.closeMonth', { month: '2026-10' })).toEqual({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('lets the board close a month and read, never post', async () => {
    await signInAs('board');
    expect(await call('ledger.closeMonth', { month: '2026-10' })).toEqual({ ok: true, value: null });
    const months = await call('ledger.months');
    expect(months.ok).toBe(true);
    expect(
      await call('ledger.postVoucher', {
        kind: 'receipt',
        date: '2026-11-27',
        currency: 'KHR',
        amount: 1000,
        cashAccountId: 1,
        otherAccountId: 2,
        memberId: null,
        party: '',
        reference: '',
        memo: 'x',
      }),
    ).toEqual({ ok: false, error: { code: 'forbidden' } });
    expect(
      (await call('ledger.reopenMonth', { month: '2026-10', reason: 'a receipt was left out' })).ok,
    ).toBe(true);
  });

  it('lets a reviewer read and print and change nothing', async () => {
    await signInAs('reviewer');
    const list = await call('members.list', { text: '', status: 'all', sex: 'all', sort: 'number' });
    expect(list.ok && (list.value as unknown[]).length).toBe(1);
    expect((await call('reports.trialBalance', { asOf: '2026-11-28' })).ok).toBe(true);
    expect((await call('health.check')).ok).toBe(true);
    expect(await call('members.exit', { id: 1, status: 'left', exitDate: '2026-11-28', reason: '' })).toEqual(
      {
        ok: false,
        error: { code: 'forbidden' },
      },
    );
    expect(await call('backup.create', {})).toEqual({ ok: false, error: { code: 'forbidden' } });
    // Their own password is theirs to change.
    expect(await call('auth.changePassword', { current: PASSWORD, password: `${PASSWORD}!` })).toEqual({
      ok: true,
      value: null,
    });
    expect(await call('auth.changePassword', { current: `${PASSWORD}!`, password: PASSWORD })).toEqual({
      ok: true,
      value: null,
    });
  });

  it('logged nothing unexpected', () => {
    expect(logged).toEqual([]);
  });
});
