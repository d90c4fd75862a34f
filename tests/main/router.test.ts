import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Backend, startBackend } from '../../main/backend';
import type { Clock } from '../../main/clock';
import { inProcessRunner } from '../../main/reports/runner';
import type { AppStatus, Preferences } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { CooperativeInput, Member, MemberInput, MemberRow } from '../../shared/schemas';
import { preyKhla } from '../support/cooperative';
import { signInAdmin } from '../support/users';

// 28 November 2026, mid-morning on the cooperative's own (local) clock.
const clock: Clock = () => new Date(2026, 10, 28, 9, 30, 0);

const cooperative: CooperativeInput = preyKhla;

const memberPayload = (overrides: Partial<Record<keyof MemberInput, unknown>> = {}) => ({
  nameKm: 'សុខ ស្រីមុំ',
  nameLatin: 'Sok Sreymom',
  sex: 'F',
  birthDate: '1984-07-09',
  nationalId: '010203040',
  phone: '+855 12 345 678',
  village: 'ព្រៃខ្លា',
  commune: 'ព្រះស្តេច',
  joinDate: '2018-02-20',
  nextOfKin: 'សុខ ដារា',
  notes: '',
  ...overrides,
});

let dir: string;
let backends: Backend[];
let logError: ReturnType<typeof vi.fn<(error: unknown) => void>>;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-'));
  backends = [];
  logError = vi.fn<(error: unknown) => void>();
});

afterEach(async () => {
  for (const backend of backends) await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<Backend> {
  const backend = await startBackend(dir, clock, { logError, reports: inProcessRunner });
  backends.push(backend);
  return backend;
}

async function stop(backend: Backend): Promise<void> {
  backends = backends.filter((b) => b !== backend);
  await backend.close();
}

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected a value, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const memberCount = async (backend: Backend) =>
  Number(
    (
      await backend.session.db
        .selectFrom('members')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function withCooperative(): Promise<Backend> {
  const backend = await start();
  value<AppStatus>(await backend.router.dispatch('cooperative.create', cooperative));
  await signInAdmin(backend);
  return backend;
}

describe('the router refuses what the contract does not allow', () => {
  it('answers an unknown channel with a validation error on the channel', async () => {
    const backend = await withCooperative();
    for (const channel of ['members.delete', 'toString', '__proto__', 'constructor', '']) {
      expect(await backend.router.dispatch(channel, {})).toEqual({
        ok: false,
        error: { code: 'validation', field: 'channel' },
      });
    }
  });

  it('refuses a member without a Khmer name before any handler runs', async () => {
    const backend = await withCooperative();
    const { nameKm: _omitted, ...withoutName } = memberPayload();
    expect(await backend.router.dispatch('members.create', withoutName)).toEqual({
      ok: false,
      error: { code: 'required', field: 'nameKm' },
    });
    expect(await memberCount(backend)).toBe(0);
  });

  it('refuses a Khmer name of spaces only as required', async () => {
    const backend = await withCooperative();
    expect(await backend.router.dispatch('members.create', memberPayload({ nameKm: '   ' }))).toEqual({
      ok: false,
      error: { code: 'required', field: 'nameKm' },
    });
    expect(await memberCount(backend)).toBe(0);
  });

  it('refuses a payload with a key the contract does not know', async () => {
    const backend = await withCooperative();
    expect(
      await backend.router.dispatch('members.create', memberPayload({ isAdmin: true } as object)),
    ).toEqual({
      ok: false,
      error: { code: 'validation' },
    });
    expect(await backend.router.dispatch('app.status', { mode: 'demo' })).toEqual({
      ok: false,
      error: { code: 'validation' },
    });
    expect(await memberCount(backend)).toBe(0);
  });

  it('refuses a payload with the wrong types', async () => {
    const backend = await withCooperative();
    value<Member>(await backend.router.dispatch('members.create', memberPayload()));
    expect(await backend.router.dispatch('members.get', { id: '1' })).toEqual({
      ok: false,
      error: { code: 'validation', field: 'id' },
    });
    expect(await backend.router.dispatch('members.get', { id: 1.5 })).toEqual({
      ok: false,
      error: { code: 'validation', field: 'id' },
    });
    expect(await backend.router.dispatch('members.get', null)).toEqual({
      ok: false,
      error: { code: 'validation' },
    });
    expect(
      await backend.router.dispatch('cooperative.update', { ...cooperative, fiscalYearStartMonth: '1' }),
    ).toEqual({ ok: false, error: { code: 'validation', field: 'fiscalYearStartMonth' } });
    const status = value<AppStatus>(await backend.router.dispatch('app.status', {}));
    expect(status.cooperative?.fiscalYearStartMonth).toBe(1);
  });

  it('refuses an invalid phone number and an invalid national ID on their fields', async () => {
    const backend = await withCooperative();
    expect(await backend.router.dispatch('members.create', memberPayload({ phone: '12345' }))).toEqual({
      ok: false,
      error: { code: 'phone_invalid', field: 'phone' },
    });
    expect(await backend.router.dispatch('members.create', memberPayload({ nationalId: '12-34' }))).toEqual({
      ok: false,
      error: { code: 'national_id_invalid', field: 'nationalId' },
    });
    expect(
      await backend.router.dispatch('members.create', memberPayload({ joinDate: '2026-02-30' })),
    ).toEqual({
      ok: false,
      error: { code: 'date_invalid', field: 'joinDate' },
    });
    expect(await memberCount(backend)).toBe(0);
  });
});

describe('the router answers with values and typed errors', () => {
  it('creates a member through the contract, normalised', async () => {
    const backend = await withCooperative();
    const created = value<Member>(await backend.router.dispatch('members.create', memberPayload()));
    expect(created).toMatchObject({ number: 1, nameKm: 'សុខ ស្រីមុំ', phone: '012345678', status: 'active' });
    const rows = value<MemberRow[]>(
      await backend.router.dispatch('members.list', {
        text: 'ស្រីម',
        status: 'all',
        sex: 'all',
        sort: 'name',
      }),
    );
    expect(rows.map((r) => r.number)).toEqual([1]);
  });

  it('returns a refusal of the business rules as a typed error', async () => {
    const backend = await start();
    // Without a cooperative there is nobody to be signed in.
    expect(await backend.router.dispatch('members.create', memberPayload())).toEqual({
      ok: false,
      error: { code: 'signed_out' },
    });
    value<AppStatus>(await backend.router.dispatch('cooperative.create', cooperative));
    expect(await backend.router.dispatch('cooperative.create', cooperative)).toEqual({
      ok: false,
      error: { code: 'cooperative_exists' },
    });
    await signInAdmin(backend);
    expect(
      await backend.router.dispatch('members.create', memberPayload({ joinDate: '2026-11-29' })),
    ).toEqual({
      ok: false,
      error: { code: 'date_in_future', field: 'joinDate' },
    });
    value<Member>(await backend.router.dispatch('members.create', memberPayload()));
    expect(
      await backend.router.dispatch(
        'members.create',
        memberPayload({ nameKm: 'ចាន់ សុភា', nationalId: '០១០២០៣០៤០' }),
      ),
    ).toEqual({
      ok: false,
      error: { code: 'national_id_taken', field: 'nationalId', params: { number: 1 } },
    });
    expect(await backend.router.dispatch('members.get', { id: 77 })).toEqual({
      ok: false,
      error: { code: 'not_found', field: 'id' },
    });
    expect(logError).not.toHaveBeenCalled();
  });

  it('turns an unexpected failure into a bare "unexpected" and logs it', async () => {
    const backend = await withCooperative();
    await backend.session.database.close();
    const result = await backend.router.dispatch('members.list', {
      text: '',
      status: 'all',
      sex: 'all',
      sort: 'number',
    });
    expect(result).toEqual({ ok: false, error: { code: 'unexpected' } });
    expect(logError).toHaveBeenCalledTimes(1);
    const logged = logError.mock.calls[0]?.[0];
    expect(logged).toBeInstanceOf(Error);
    const text = JSON.stringify(result);
    expect(text).not.toContain((logged as Error).message);
    expect(text).not.toMatch(/\bat\s|\.ts|Error/);
  });
});

describe('app status, demo and preferences', () => {
  it('is in setup before the cooperative exists, and ready after', async () => {
    const backend = await start();
    expect(value<AppStatus>(await backend.router.dispatch('app.status', {}))).toEqual({
      mode: 'setup',
      auth: 'none',
      user: null,
      lockMinutes: 10,
      cooperative: null,
      dataFile: join(dir, 'sahakum.db'),
      memberCount: 0,
    });
    const created = value<AppStatus>(await backend.router.dispatch('cooperative.create', cooperative));
    // The wizard's last step is the administrator: until there is one, nothing but that answers.
    expect(created).toEqual({
      mode: 'ready',
      auth: 'createAdmin',
      user: null,
      lockMinutes: 10,
      cooperative,
      dataFile: join(dir, 'sahakum.db'),
      memberCount: 0,
    });
    expect(await backend.router.dispatch('members.create', memberPayload())).toEqual({
      ok: false,
      error: { code: 'signed_out' },
    });
    await signInAdmin(backend);
    value<Member>(await backend.router.dispatch('members.create', memberPayload()));
    const status = value<AppStatus>(await backend.router.dispatch('app.status', {}));
    expect([status.mode, status.memberCount]).toEqual(['ready', 1]);
  });

  it('stays ready after a restart on the same folder', async () => {
    const first = await withCooperative();
    value<Member>(await first.router.dispatch('members.create', memberPayload()));
    await stop(first);
    const second = await start();
    const status = value<AppStatus>(await second.router.dispatch('app.status', {}));
    expect([status.mode, status.auth, status.memberCount, status.cooperative?.nameKm]).toEqual([
      'ready',
      'signIn',
      1,
      'សហគមន៍កសិកម្ម ព្រៃខ្លា សាមគ្គី',
    ]);
  });

  it('opens a demo of 150 members in its own file and leaves the real books untouched', async () => {
    const first = await withCooperative();
    value<Member>(await first.router.dispatch('members.create', memberPayload()));
    value<Member>(
      await first.router.dispatch(
        'members.create',
        memberPayload({ nameKm: 'ចាន់ សុភា', nationalId: '', sex: 'M' }),
      ),
    );
    // Restart so that everything written so far is in the main file, then take its bytes.
    await stop(first);
    const backend = await start();
    const realFile = join(dir, 'sahakum.db');
    const before = readFileSync(realFile);

    const demo = value<AppStatus>(await backend.router.dispatch('app.openDemo', {}));
    expect(demo.mode).toBe('demo');
    expect(demo.memberCount).toBe(150);
    expect(demo.dataFile).toBe(join(dir, 'demo.db'));
    expect(demo.cooperative?.nameKm).toBe('សហគមន៍កសិកម្ម ព្រះស្តេច សាមគ្គី');
    expect(existsSync(join(dir, 'demo.db'))).toBe(true);
    const demoRows = value<MemberRow[]>(
      await backend.router.dispatch('members.list', { text: '', status: 'all', sex: 'all', sort: 'number' }),
    );
    expect(demoRows).toHaveLength(150);
    expect(demoRows.map((r) => r.number)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));

    // The real file: the same bytes, and read on its own it still holds the real cooperative only.
    expect(readFileSync(realFile).equals(before)).toBe(true);
    const raw = new BetterSqlite3(realFile, { readonly: true });
    try {
      expect(raw.prepare('SELECT name_km, is_demo FROM cooperative').all()).toEqual([
        { name_km: cooperative.nameKm, is_demo: 0 },
      ]);
      expect(raw.prepare('SELECT name_km FROM members ORDER BY number').pluck().all()).toEqual([
        'សុខ ស្រីមុំ',
        'ចាន់ សុភា',
      ]);
    } finally {
      raw.close();
    }

    const back = value<AppStatus>(await backend.router.dispatch('app.leaveDemo', {}));
    // Back on the real books, which ask for their own password again.
    expect(back).toEqual({
      mode: 'ready',
      auth: 'signIn',
      user: null,
      lockMinutes: 10,
      cooperative,
      dataFile: realFile,
      memberCount: 2,
    });
    expect(await backend.router.dispatch('app.leaveDemo', {})).toEqual({
      ok: false,
      error: { code: 'validation' },
    });
  });

  it('starts every demo visit from the same story', async () => {
    const backend = await withCooperative();
    value<AppStatus>(await backend.router.dispatch('app.openDemo', {}));
    const first = value<MemberRow[]>(
      await backend.router.dispatch('members.list', { text: '', status: 'all', sex: 'all', sort: 'number' }),
    );
    // A change made while exploring the demo is gone on the next visit.
    value<Member>(
      await backend.router.dispatch(
        'members.create',
        memberPayload({ nationalId: '', joinDate: '2026-11-28' }),
      ),
    );
    value<AppStatus>(await backend.router.dispatch('app.leaveDemo', {}));
    const again = value<AppStatus>(await backend.router.dispatch('app.openDemo', {}));
    expect(again.memberCount).toBe(150);
    const second = value<MemberRow[]>(
      await backend.router.dispatch('members.list', { text: '', status: 'all', sex: 'all', sort: 'number' }),
    );
    expect(second).toEqual(first);
  });

  it('defaults the language to Khmer and keeps a change across a restart', async () => {
    const first = await start();
    expect(await first.router.dispatch('prefs.get', {})).toEqual({ ok: true, value: { language: 'km' } });
    expect(await first.router.dispatch('prefs.set', { language: 'en' })).toEqual({
      ok: true,
      value: { language: 'en' },
    });
    expect(await first.router.dispatch('prefs.set', { language: 'fr' })).toEqual({
      ok: false,
      error: { code: 'validation', field: 'language' },
    });
    await stop(first);

    const second = await start();
    expect(value<Preferences>(await second.router.dispatch('prefs.get', {}))).toEqual({ language: 'en' });
    expect(JSON.parse(readFileSync(join(dir, 'preferences.json'), 'utf8'))).toEqual({ language: 'en' });
  });
});
