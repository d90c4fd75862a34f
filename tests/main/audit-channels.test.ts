import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Backend, startBackend } from '../../main/backend';
import type { Clock } from '../../main/clock';
import { inProcessRunner } from '../../main/reports/runner';
import type { AuditLogPage, AuditReport } from '../../shared/audit';
import type { Result } from '../../shared/errors';
import type { Member } from '../../shared/schemas';
import { preyKhla } from '../support/cooperative';
import { signInAdmin } from '../support/users';

// Through the real router, as the screens call it: every write leaves its audit rows sealed, and the
// log reads back newest first, filtered.
const clock: Clock = () => new Date(2026, 10, 28, 9, 30, 0);
let dir: string;
let backend: Backend;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-audit-'));
  backend = await startBackend(dir, clock, { logError: () => {}, reports: inProcessRunner });
});
afterEach(async () => {
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected a value, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}
const call = async <T>(channel: string, payload: unknown = {}) =>
  value<T>(await backend.router.dispatch(channel, payload));

const unsealed = () =>
  backend.session.database.sqlite
    .prepare(
      'SELECT count(*) FROM audit_log l WHERE NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.id = l.id)',
    )
    .pluck()
    .get();

const member = {
  nameKm: 'សុខ ស្រីមុំ',
  nameLatin: 'Sok Sreymom',
  sex: 'F',
  birthDate: '1984-07-09',
  nationalId: '010203040',
  phone: '',
  village: 'ព្រៃខ្លា',
  commune: 'ព្រះស្តេច',
  joinDate: '2018-02-20',
  nextOfKin: '',
  notes: '',
};

describe('the audit trail through the router', () => {
  it('seals every write channel’s rows in its own transaction, and reads the log back', async () => {
    await call('cooperative.create', preyKhla);
    await signInAdmin(backend);
    const sqlite = backend.session.database.sqlite;
    const account = (where: string) =>
      sqlite
        .prepare(`SELECT id FROM accounts WHERE currency = 'KHR' AND is_control = 0 AND ${where}`)
        .pluck()
        .get();
    const writes: [string, () => unknown][] = [
      ['members.create', () => member],
      ['members.update', () => ({ id: 1, ...member, village: 'ត្រពាំងវែង' })],
      ['cooperative.update', () => ({ ...preyKhla, village: 'ព្រៃខ្លាថ្មី' })],
      [
        'ledger.postVoucher',
        () => ({
          direction: 'receipt',
          date: '2026-11-02',
          cashAccountId: account('is_cash = 1'),
          headAccountId: account("type = 'income'"),
          currency: 'KHR',
          amount: 50_000,
          party: 'ហាងស្រូវ សុខា',
          memberId: null,
          memo: 'កម្រៃសេវាដឹកស្រូវ',
        }),
      ],
      ['ledger.closeMonth', () => ({ month: '2026-10' })],
      ['ledger.reopenMonth', () => ({ month: '2026-10', reason: 'កែកំហុស' })],
      ['members.exit', () => ({ id: 1, status: 'left', exitDate: '2026-11-20', reason: '' })],
    ];
    for (const [channel, payload] of writes) {
      const before = sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
      const result = await backend.router.dispatch(channel, payload());
      expect({ channel, ok: result.ok }).toEqual({ channel, ok: true });
      expect({ channel, unsealed: unsealed() }).toEqual({ channel, unsealed: 0 });
      expect(sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBeGreaterThan(before);
    }
    expect(await call<AuditReport>('audit.verify')).toMatchObject({ intact: true, findings: [] });

    const members = await call<AuditLogPage>('audit.list', { tableName: 'members' });
    expect(members.rows.map((r) => r.action)).toEqual(['update', 'update', 'insert']);
    const [exit, edit] = members.rows;
    expect(exit?.after).toMatchObject({ status: 'left', exit_date: '2026-11-20' });
    expect(edit?.before).toMatchObject({ village: 'ព្រៃខ្លា' });
    expect(edit?.after).toMatchObject({ village: 'ត្រពាំងវែង' });
    expect(members.rows.every((r) => r.sealed)).toBe(true);
    expect(members.tables).toContain('journal_entries');
    const updates = await call<AuditLogPage>('audit.list', { action: 'update', limit: 1 });
    expect(updates.rows).toHaveLength(1);
    expect(updates.more).toBe(true);
    const older = await call<AuditLogPage>('audit.list', { action: 'update', beforeId: updates.rows[0]?.id });
    expect(older.rows.every((r) => r.id < (updates.rows[0]?.id ?? 0))).toBe(true);
    const none = await call<AuditLogPage>('audit.list', { from: '2030-01-01' });
    expect(none.rows).toEqual([]);
    const got = await call<Member>('members.get', { id: 1 });
    expect(got.status).toBe('left');
  });

  it('seals the demo’s thousands of rows, written month by month', async () => {
    await call('app.openDemo');
    expect(unsealed()).toBe(0);
    expect(await call<AuditReport>('audit.verify')).toMatchObject({ intact: true, findings: [] });
  }, 120_000);
});
