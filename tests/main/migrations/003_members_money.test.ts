import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type OpenedDatabase, openDatabase, schemaVersion } from '../../../main/db/open';

let dir: string;
let current: OpenedDatabase | null = null;

async function reopen(targetVersion?: number) {
  await current?.close();
  current = await openDatabase(join(dir, 'sahakum.db'), targetVersion === undefined ? {} : { targetVersion });
  return current.sqlite;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-m003-'));
});

afterEach(async () => {
  await current?.close();
  current = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('migration 003: members’ money', () => {
  it('keeps a version-2 cooperative and its books, and gives the profile a percentage cap of 0', async () => {
    const v2 = await reopen(2);
    v2.prepare(
      `INSERT INTO cooperative (id, name_km, founded_on, share_par, created_at, updated_at)
       VALUES (1, 'សហគមន៍កសិកម្ម ព្រៃខ្លា', '2016-03-15', 20000, 'x', 'x')`,
    ).run();
    v2.prepare(
      `INSERT INTO members (number, name_km, sex, join_date, created_at, updated_at)
       VALUES (1, 'សុខ ស្រីមុំ', 'F', '2018-02-20', 'x', 'x')`,
    ).run();
    const migrated = await reopen(3);
    expect(schemaVersion(migrated)).toBe(3);
    expect(migrated.prepare('SELECT share_cap_percent, share_par FROM cooperative').get()).toEqual({
      share_cap_percent: 0,
      share_par: 20000,
    });
    expect(migrated.prepare('SELECT count(*) AS n FROM members').get()).toEqual({ n: 1 });
  });

  it('allows one open account per member and product, refuses a second, and keeps share movements immutable', async () => {
    const db = await reopen();
    db.prepare(
      `INSERT INTO members (number, name_km, sex, join_date, created_at, updated_at)
       VALUES (1, 'សុខ ស្រីមុំ', 'F', '2018-02-20', 'x', 'x')`,
    ).run();
    db.prepare(
      `INSERT INTO savings_products (name_km, name_en, currency, kind, term_months, annual_rate_bp, posting,
         min_opening_deposit, early_withdrawal, early_penalty_bp, account_id, created_at)
       VALUES ('សន្សំធម្មតា', 'Ordinary', 'KHR', 'ordinary', NULL, 500, 'monthly', 0, 1, 0,
         (SELECT id FROM accounts WHERE code = '2101'), 'x')`,
    ).run();
    const open = db.prepare(
      `INSERT INTO savings_accounts (number, member_id, product_id, opened_on, closed_on) VALUES (?, 1, 1, ?, ?)`,
    );
    open.run('S-000001', '2020-01-01', '2021-01-01');
    open.run('S-000002', '2021-02-01', null);
    expect(() => open.run('S-000003', '2021-03-01', null)).toThrow(/UNIQUE/);
    // A fixed-term product needs a term, and only fixed terms post at maturity.
    expect(() =>
      db
        .prepare(
          `INSERT INTO savings_products (name_km, name_en, currency, kind, term_months, annual_rate_bp, posting,
             min_opening_deposit, early_withdrawal, early_penalty_bp, account_id, created_at)
           VALUES ('x', 'x', 'KHR', 'ordinary', NULL, 500, 'maturity', 0, 1, 0,
             (SELECT id FROM accounts WHERE code = '2102'), 'x')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    db.prepare(
      `INSERT INTO journal_entries (id, date, kind, memo, created_by, created_at)
       VALUES (1, '2020-01-01', 'share_purchase', 'x', 'x', 'x')`,
    ).run();
    db.prepare(
      `INSERT INTO share_movements (member_id, date, kind, shares, certificate_number, entry_id)
       VALUES (1, '2020-01-01', 'purchase', 5, 1, 1)`,
    ).run();
    expect(() => db.prepare('UPDATE share_movements SET shares = 50').run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM share_movements').run()).toThrow(/immutable/);
  });
});
