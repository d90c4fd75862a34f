import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../main/db/migrations';
import { type OpenedDatabase, openDatabase, schemaVersion } from '../../../main/db/open';

const VERSION = migrations.findIndex((m) => m.name.endsWith('_collective_sales')) + 1;

let dir: string;
let current: OpenedDatabase | null = null;

async function reopen(targetVersion?: number) {
  await current?.close();
  current = await openDatabase(join(dir, 'sahakum.db'), targetVersion === undefined ? {} : { targetVersion });
  return current.sqlite;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-m-sales-'));
});

afterEach(async () => {
  await current?.close();
  current = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('migration: collective sales', () => {
  it('keeps the cooperative and adds the campaign accounts under their groups, once', async () => {
    const before = await reopen(VERSION - 1);
    before
      .prepare(
        `INSERT INTO cooperative (id, name_km, founded_on, share_par, created_at, updated_at)
         VALUES (1, 'សហគមន៍កសិកម្ម ព្រៃខ្លា', '2016-03-15', 20000, 'x', 'x')`,
      )
      .run();
    const count = (before.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
    const after = await reopen(VERSION);
    expect(schemaVersion(after)).toBe(VERSION);
    expect(after.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: count + 10 });
    expect(
      after
        .prepare(
          `SELECT a.code, a.type, a.currency, a.role, p.code AS parent FROM accounts a
           JOIN accounts p ON p.id = a.parent_id WHERE a.code IN ('2301', '1501', '4501', '5303') ORDER BY a.code`,
        )
        .all(),
    ).toEqual([
      { code: '1501', type: 'asset', currency: 'KHR', role: 'buyer_receivable_khr', parent: '15' },
      { code: '2301', type: 'liability', currency: 'KHR', role: 'sales_clearing_khr', parent: '23' },
      { code: '4501', type: 'income', currency: 'KHR', role: 'sales_fees_khr', parent: '4' },
      { code: '5303', type: 'expense', currency: 'USD', role: 'sales_costs_usd', parent: '5' },
    ]);
  });

  it('lets a payout row change only once, when its cash is collected', async () => {
    const db = await reopen(VERSION);
    db.prepare(
      `INSERT INTO members (number, name_km, sex, join_date, created_at, updated_at)
       VALUES (1, 'សុខ ស្រីមុំ', 'F', '2018-02-20', 'x', 'x')`,
    ).run();
    db.prepare(
      `INSERT INTO sales_campaigns (number, name, crop, buyer_name, start_date, currency, fee_kind, fee_value, created_at)
       VALUES ('SC-000001', 'ស្រូវវស្សា', 'ស្រូវ', 'ហេង ហួត', '2026-11-01', 'KHR', 'per_kg', 20000, 'x')`,
    ).run();
    db.prepare(
      `INSERT INTO sales_payout_runs (campaign_id, date, proceeds, fees, credit, to_pay, created_at)
       VALUES (1, '2026-11-20', 100000, 2000, 0, 98000, 'x')`,
    ).run();
    db.prepare(
      `INSERT INTO sales_payouts (campaign_id, member_id, net_g, gross, fee, credit, net, method)
       VALUES (1, 1, 100000, 100000, 2000, 0, 98000, 'cash')`,
    ).run();
    // Every part of a payout must add up: gross = fee + credit + net.
    expect(() =>
      db
        .prepare(
          `INSERT INTO sales_payouts (campaign_id, member_id, net_g, gross, fee, credit, net, method)
           VALUES (1, 2, 100000, 100000, 2000, 0, 97000, 'cash')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE sales_payouts SET net = 1').run()).toThrow(/immutable/);
    db.prepare(
      `INSERT INTO journal_entries (id, date, kind, memo, created_by, created_at)
       VALUES (1, '2026-11-21', 'sales_payment', 'x', 'x', 'x')`,
    ).run();
    db.prepare("UPDATE sales_payouts SET paid_on = '2026-11-21', paid_entry_id = 1").run();
    expect(() => db.prepare("UPDATE sales_payouts SET paid_on = '2026-11-22'").run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM sales_payout_runs').run()).toThrow(/immutable/);
  });
});
