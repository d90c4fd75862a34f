import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linesDigest } from '../../main/audit/digest';
import { verifyAudit } from '../../main/audit/verify';
import { type OpenedDatabase, openDatabase, schemaVersion } from '../../main/db/open';

// Migration 007: the audit log, its seals, the triggers' record and the entries' lines digest.
let dir: string;
let current: OpenedDatabase | null = null;

async function reopen(targetVersion?: number) {
  await current?.close();
  current = await openDatabase(join(dir, 'sahakum.db'), targetVersion === undefined ? {} : { targetVersion });
  return current.sqlite;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-m007-'));
});
afterEach(async () => {
  await current?.close();
  current = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('migration 007: audit log', () => {
  it('digests a version-6 file’s entries, logs every row as a baseline, sealed, and verifies', async () => {
    const v6 = await reopen(6);
    v6.prepare(
      `INSERT INTO cooperative (id, name_km, founded_on, share_par, created_at, updated_at)
       VALUES (1, 'សហគមន៍កសិកម្ម ព្រៃខ្លា', '2016-03-15', 20000, 'x', 'x')`,
    ).run();
    v6.prepare(
      `INSERT INTO members (number, name_km, sex, join_date, created_at, updated_at)
       VALUES (1, 'សុខ ស្រីមុំ', 'F', '2018-02-20', 'x', 'x')`,
    ).run();
    const [cash, income] = v6
      .prepare(
        "SELECT id FROM accounts WHERE currency = 'KHR' AND is_control = 0 AND is_cash = 1 OR type = 'income' AND currency = 'KHR' ORDER BY is_cash DESC LIMIT 2",
      )
      .pluck()
      .all() as number[];
    v6.prepare(
      `INSERT INTO journal_entries (id, date, kind, memo, created_by, created_at)
       VALUES (1, '2026-01-05', 'receipt', 'ការលក់', 'x', 'x')`,
    ).run();
    const line = v6.prepare(
      'INSERT INTO journal_lines (entry_id, account_id, date, amount) VALUES (1, ?, ?, ?)',
    );
    line.run(cash, '2026-01-05', 5000);
    line.run(income, '2026-01-05', -5000);
    const guard = v6
      .prepare("SELECT sql FROM sqlite_master WHERE name = 'journal_entries_no_update'")
      .pluck()
      .get();
    const rowsBefore = (table: string) => v6.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    const accounts = rowsBefore('accounts');

    const migrated = await reopen();
    expect(schemaVersion(migrated)).toBeGreaterThanOrEqual(7);
    expect(migrated.prepare('SELECT lines_digest FROM journal_entries WHERE id = 1').pluck().get()).toBe(
      linesDigest([
        { accountId: cash as number, memberId: null, date: '2026-01-05', amount: 5000 },
        { accountId: income as number, memberId: null, date: '2026-01-05', amount: -5000 },
      ]),
    );
    // The immutability trigger dropped for the backfill is back, word for word.
    expect(
      migrated
        .prepare("SELECT sql FROM sqlite_master WHERE name = 'journal_entries_no_update'")
        .pluck()
        .get(),
    ).toBe(guard);
    const baseline = (table: string) =>
      migrated
        .prepare("SELECT count(*) FROM audit_log WHERE table_name = ? AND action = 'baseline'")
        .pluck()
        .get(table);
    expect(baseline('members')).toBe(1);
    expect(baseline('cooperative')).toBe(1);
    expect(baseline('journal_entries')).toBe(1);
    // Every account: those of the first migrations and any a later one adds before the triggers exist.
    expect(baseline('accounts')).toBe(migrated.prepare('SELECT count(*) FROM accounts').pluck().get());
    expect(accounts).toBeGreaterThan(0);
    expect(baseline('journal_lines')).toBe(0);
    expect(migrated.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(
      migrated.prepare('SELECT count(*) FROM audit_seal').pluck().get(),
    );
    expect(verifyAudit(migrated)).toMatchObject({ intact: true, findings: [] });
  });

  it('leaves the triggers as found when it opens a file with nothing to migrate', async () => {
    await reopen();
    current?.sqlite.exec('DROP TRIGGER audit_members_update');
    const again = await reopen();
    expect(
      again.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'audit_members_update'").pluck().get(),
    ).toBe(0);
    expect(verifyAudit(again).findings).toEqual([{ kind: 'trigger_missing', name: 'audit_members_update' }]);
  });
});
