import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../main/db/migrations';
import { type OpenedDatabase, openDatabase, schemaVersion } from '../../../main/db/open';

// Found by name: the number is whichever was free when the migration landed.
const VERSION = migrations.find((m) => m.name === '006_meetings_yearend')?.version ?? 0;

let dir: string;
let current: OpenedDatabase | null = null;

async function reopen(targetVersion?: number) {
  await current?.close();
  current = await openDatabase(join(dir, 'sahakum.db'), targetVersion === undefined ? {} : { targetVersion });
  return current.sqlite;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-m006-'));
});

afterEach(async () => {
  await current?.close();
  current = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('migration: meetings and the year end', () => {
  it('keeps the earlier books, adds the payables, funds and surplus accounts once, and keeps a closed year closed', async () => {
    const before = await reopen(VERSION - 1);
    before
      .prepare(
        `INSERT INTO cooperative (id, name_km, founded_on, share_par, created_at, updated_at)
         VALUES (1, 'សហគមន៍កសិកម្ម ព្រៃខ្លា', '2016-03-15', 20000, 'x', 'x')`,
      )
      .run();
    const accounts = before.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number };
    const migrated = await reopen(VERSION);
    expect(schemaVersion(migrated)).toBe(VERSION);
    expect(migrated.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: accounts.n + 7 });
    expect(
      migrated
        .prepare(
          `SELECT code, type, currency, (SELECT code FROM accounts p WHERE p.id = a.parent_id) AS parent
           FROM accounts a WHERE role IN ('dividends_payable', 'development_fund', 'year_surplus_usd') ORDER BY code`,
        )
        .all(),
    ).toEqual([
      { code: '2401', type: 'liability', currency: 'KHR', parent: '24' },
      { code: '3204', type: 'equity', currency: 'KHR', parent: '3' },
      { code: '3303', type: 'equity', currency: 'USD', parent: '3' },
    ]);
    migrated
      .prepare(
        `INSERT INTO meetings (number, kind, date, place, held, created_at, updated_at)
         VALUES ('MT-0001', 'general_assembly', '2017-02-14', 'សាលាឃុំ', 1, 'x', 'x')`,
      )
      .run();
    migrated
      .prepare(
        `INSERT INTO year_closes (year, first_day, last_day, meeting_id, surplus, loss_covered, reserve, development,
           social, dividends, patronage, result_usd, paddy_counted, closed_at, closed_by)
         VALUES (2016, '2016-01-01', '2016-12-31', 1, 100, 0, 100, 0, 0, 0, 0, 0, 0, 'x', 'x')`,
      )
      .run();
    expect(() => migrated.prepare('DELETE FROM year_closes').run()).toThrow('a closed year stays closed');
    expect(() => migrated.prepare('UPDATE year_closes SET surplus = 0').run()).toThrow(
      'a closed year stays closed',
    );
    // The allocation percentages add up to 100 in the database too.
    expect(() =>
      migrated.prepare("INSERT INTO bylaws (id, reserve_percent, updated_at) VALUES (1, 50, 'x')").run(),
    ).toThrow(/CHECK/);
  });
});
