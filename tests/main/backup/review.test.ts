import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Backend, startBackend } from '../../../main/backend';
import { createBackup } from '../../../main/backup/create';
import { REVIEW_CHANNELS } from '../../../main/ipc/roles';
import { inProcessRunner } from '../../../main/reports/runner';
import { DATA_FILE } from '../../../main/session';
import { type AppStatus, channels } from '../../../shared/contract';
import type { Result } from '../../../shared/errors';
import { signInAdmin } from '../../support/users';
import { AT, anotherCooperative, demoBooks, preyKhlaBooks, scratchDir } from './books';

let scratch: ReturnType<typeof scratchDir>;
let backend: Backend;
let theirBackup: string;
const logged: unknown[] = [];

beforeEach(async () => {
  scratch = scratchDir();
  mkdirSync(join(scratch.dir, 'data'));
  // The reviewer's laptop keeps books of its own; the backup under review is another cooperative's.
  const own = await preyKhlaBooks(join(scratch.dir, 'data', DATA_FILE), anotherCooperative);
  await own.close();
  const theirs = await demoBooks(join(scratch.dir, 'theirs.db'));
  theirBackup = (
    await createBackup(theirs.sqlite, {
      dir: join(scratch.dir, 'usb'),
      appVersion: '0.1.0',
      at: AT,
      passphrase: 'ស្រូវ',
    })
  ).file;
  await theirs.close();
  logged.length = 0;
  backend = await startBackend(join(scratch.dir, 'data'), () => AT, {
    logError: (e) => logged.push(e),
    reports: inProcessRunner,
  });
});
afterEach(async () => {
  await backend.close();
  scratch.done();
  expect(logged).toEqual([]);
});

const call = <T>(channel: string, payload: unknown = {}) =>
  backend.router.dispatch(channel, payload) as Promise<Result<T>>;

describe('a review copy', () => {
  it('opens apart from the books, every screen reads it, every write channel is refused', async () => {
    const ownBytes = readFileSync(join(scratch.dir, 'data', DATA_FILE));
    const opened = await call<AppStatus>('review.open', { file: theirBackup, passphrase: 'ស្រូវ' });
    expect(opened.ok && opened.value.mode).toBe('review');
    expect(opened.ok && opened.value.review).toEqual({ createdAt: AT.toISOString(), appVersion: '0.1.0' });
    expect(opened.ok && opened.value.dataFile).toMatch(/\/data\/reviews\/[^/]+\.db$/);
    expect(opened.ok && opened.value.memberCount).toBe(12);

    const writes = channels.filter((c) => !REVIEW_CHANNELS.has(c));
    expect(writes).toContain('members.create');
    expect(writes).toContain('ledger.postVoucher');
    expect(writes).toContain('backup.restore');
    for (const channel of writes) {
      // Refused whatever the payload, before it is even checked.
      expect(await call(channel, { anything: 1 }), channel).toEqual({
        ok: false,
        error: { code: 'read_only' },
      });
    }
    const members = await call<unknown[]>('members.list', {
      text: '',
      status: 'all',
      sex: 'all',
      sort: 'number',
    });
    expect(members.ok && members.value.length).toBe(12);
    const trial = await call<{ rows: unknown[] }>('reports.trialBalance', { asOf: '2026-11-20' });
    expect(trial.ok).toBe(true);
    const health = await call<{ healthy: boolean }>('health.check');
    expect(health.ok && health.value.healthy).toBe(true);
    // SQLite itself refuses, should a handler ever slip past the router.
    expect(() =>
      backend.session.database.sqlite.prepare("UPDATE cooperative SET village = 'x'").run(),
    ).toThrow(/readonly|read-only|query_only/i);

    const closed = await call<AppStatus>('review.close');
    expect(closed.ok && closed.value.mode).toBe('ready');
    expect(closed.ok && closed.value.cooperative?.nameKm).toBe(anotherCooperative.nameKm);
    expect(readFileSync(join(scratch.dir, 'data', DATA_FILE)).equals(ownBytes)).toBe(true);
    expect((await call('members.create', {})).ok).toBe(false);
  });

  it('keeps any number of review copies, one per backup', async () => {
    const again = await call<AppStatus>('review.open', { file: theirBackup, passphrase: 'ស្រូវ' });
    expect(again.ok).toBe(true);
    const second = await call<AppStatus>('review.open', { file: theirBackup, passphrase: 'ស្រូវ' });
    expect(second.ok && second.value.mode).toBe('review');
    const dbs = readdirSync(join(scratch.dir, 'data', 'reviews')).filter((n) => n.endsWith('.db'));
    expect(dbs).toHaveLength(1);
  });

  it('a wrong passphrase opens nothing and the books stay open', async () => {
    expect(await call('review.open', { file: theirBackup, passphrase: 'rice' })).toEqual({
      ok: false,
      error: { code: 'backup_wrong_passphrase', field: 'passphrase' },
    });
    const status = await call<AppStatus>('app.status');
    expect(status.ok && status.value.mode).toBe('ready');
  });

  it("a restore of another cooperative's backup is refused", async () => {
    // Restoring is the administrator's, on the laptop's own books.
    await signInAdmin(backend);
    expect(await call('backup.restore', { file: theirBackup, passphrase: 'ស្រូវ' })).toEqual({
      ok: false,
      error: { code: 'backup_foreign', field: 'file', params: { cooperative: expect.any(String) } },
    });
  });
});
