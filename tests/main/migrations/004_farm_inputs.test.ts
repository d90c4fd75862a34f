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
  dir = mkdtempSync(join(tmpdir(), 'sahakum-m004-'));
});

afterEach(async () => {
  await current?.close();
  current = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('migration 004: farm inputs', () => {
  it('keeps a version-3 cooperative, its members and books, and adds the stock losses account once', async () => {
    const v3 = await reopen(3);
    v3.prepare(
      `INSERT INTO cooperative (id, name_km, founded_on, share_par, created_at, updated_at)
       VALUES (1, 'សហគមន៍កសិកម្ម ព្រៃខ្លា', '2016-03-15', 20000, 'x', 'x')`,
    ).run();
    v3.prepare(
      `INSERT INTO members (number, name_km, sex, join_date, created_at, updated_at)
       VALUES (1, 'សុខ ស្រីមុំ', 'F', '2018-02-20', 'x', 'x')`,
    ).run();
    const accounts = v3.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number };
    // Migrated to 4 only: later migrations add accounts of their own.
    const migrated = await reopen(4);
    expect(schemaVersion(migrated)).toBe(4);
    expect(migrated.prepare('SELECT count(*) AS n FROM members').get()).toEqual({ n: 1 });
    expect(migrated.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: accounts.n + 1 });
    expect(
      migrated
        .prepare(
          "SELECT code, type, currency, role, (SELECT code FROM accounts p WHERE p.id = a.parent_id) AS parent FROM accounts a WHERE role = 'stock_losses'",
        )
        .get(),
    ).toEqual({ code: '5102', type: 'expense', currency: 'KHR', role: 'stock_losses', parent: '5' });
  });

  it('keeps the inputs documents immutable once written', async () => {
    const db = await reopen();
    db.prepare(
      `INSERT INTO members (number, name_km, sex, join_date, created_at, updated_at)
       VALUES (1, 'សុខ ស្រីមុំ', 'F', '2018-02-20', 'x', 'x')`,
    ).run();
    db.prepare(
      `INSERT INTO journal_entries (id, date, kind, memo, created_by, created_at)
       VALUES (1, '2026-05-10', 'input_sale', 'ជីអ៊ុយរ៉េ', 'x', 'x')`,
    ).run();
    db.prepare(
      `INSERT INTO input_sales (number, member_id, date, payment, due_date, charge_kind, goods, charge, cost, entry_id)
       VALUES ('IS-000001', 1, '2026-05-10', 'credit', '2026-12-15', 'none', 115000, 0, 100000, 1)`,
    ).run();
    expect(() => db.prepare('UPDATE input_sales SET goods = 1').run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM input_sales').run()).toThrow(/immutable/);
    // A credit sale has a due date; a cash sale carries no charge.
    expect(() =>
      db
        .prepare(
          `INSERT INTO input_sales (number, member_id, date, payment, due_date, charge_kind, goods, charge, cost, entry_id)
           VALUES ('IS-000002', 1, '2026-05-10', 'credit', NULL, 'none', 115000, 0, 100000, 1)`,
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(db.prepare('SELECT count(*) AS n FROM input_sales').get()).toEqual({ n: 1 });
  });
});
