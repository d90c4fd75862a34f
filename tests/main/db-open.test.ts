import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../main/db/migrations';
import { type OpenedDatabase, openDatabase, schemaVersion } from '../../main/db/open';
import { DomainError } from '../../shared/errors';

let dir: string;
let opened: OpenedDatabase[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-'));
  opened = [];
});

afterEach(async () => {
  for (const database of opened) await database.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(file: string): Promise<OpenedDatabase> {
  const database = await openDatabase(file);
  opened.push(database);
  return database;
}

async function closeAll(): Promise<void> {
  for (const database of opened.splice(0)) await database.close();
}

const TIMESTAMP = '2026-11-28T03:00:00.000Z';

function insertCooperative(sqlite: BetterSqlite3.Database): void {
  sqlite
    .prepare(
      `INSERT INTO cooperative (id, name_km, founded_on, share_par, created_at, updated_at)
       VALUES (1, ?, '2016-03-15', 20000, ?, ?)`,
    )
    .run('សហគមន៍កសិកម្ម ព្រៃខ្លា', TIMESTAMP, TIMESTAMP);
}

const memberSql = `INSERT INTO members (number, name_km, sex, join_date, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?)`;

describe('openDatabase', () => {
  it('sets WAL, FULL sync, foreign keys and a 5 s busy timeout on every open', async () => {
    const { sqlite } = await open(join(dir, 'sahakum.db'));
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('brings a new file to the latest schema version', async () => {
    const { sqlite, file } = await open(join(dir, 'sahakum.db'));
    expect(LATEST_SCHEMA_VERSION).toBe(8);
    expect(schemaVersion(sqlite)).toBe(LATEST_SCHEMA_VERSION);
    expect(file).toBe(join(dir, 'sahakum.db'));
    const tables = sqlite
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
      .pluck()
      .all() as string[];
    expect(tables).toEqual([
      'account_month_totals',
      'accounts',
      'audit_log',
      'audit_schema',
      'audit_seal',
      'bylaws',
      'closed_months',
      'cooperative',
      'input_items',
      'input_movements',
      'input_purchases',
      'input_repayments',
      'input_sales',
      'input_supplier_payments',
      'input_suppliers',
      'interest_runs',
      'journal_entries',
      'journal_lines',
      'meeting_agenda',
      'meeting_attendees',
      'meeting_proxies',
      'meetings',
      'members',
      'month_close_log',
      'sales_buyer_sales',
      'sales_campaigns',
      'sales_consents',
      'sales_costs',
      'sales_deliveries',
      'sales_payout_runs',
      'sales_payouts',
      'sales_receipts',
      'savings_accounts',
      'savings_products',
      'sequences',
      'share_movements',
      'users',
      'year_closes',
      'year_distributions',
    ]);
  });

  it('creates STRICT tables: a TEXT in an INTEGER column of members is refused', async () => {
    const { sqlite } = await open(join(dir, 'sahakum.db'));
    insertCooperative(sqlite);
    const insert = sqlite.prepare(memberSql);
    expect(() => insert.run('មួយ', 'សុខ ស្រីមុំ', 'F', '2020-01-10', TIMESTAMP, TIMESTAMP)).toThrow(
      /cannot store TEXT value in INTEGER column members\.number/,
    );
    expect(sqlite.prepare('SELECT count(*) FROM members').pluck().get()).toBe(0);
    // The same row with an integer number goes in, so the refusal above was about the type alone.
    insert.run(1, 'សុខ ស្រីមុំ', 'F', '2020-01-10', TIMESTAMP, TIMESTAMP);
    expect(sqlite.prepare('SELECT count(*) FROM members').pluck().get()).toBe(1);
    const strict = sqlite
      .prepare(`SELECT name FROM pragma_table_list WHERE schema = 'main' AND strict = 1 ORDER BY name`)
      .pluck()
      .all();
    expect(strict).toEqual([
      'account_month_totals',
      'accounts',
      'audit_log',
      'audit_schema',
      'audit_seal',
      'bylaws',
      'closed_months',
      'cooperative',
      'input_items',
      'input_movements',
      'input_purchases',
      'input_repayments',
      'input_sales',
      'input_supplier_payments',
      'input_suppliers',
      'interest_runs',
      'journal_entries',
      'journal_lines',
      'meeting_agenda',
      'meeting_attendees',
      'meeting_proxies',
      'meetings',
      'members',
      'month_close_log',
      'sales_buyer_sales',
      'sales_campaigns',
      'sales_consents',
      'sales_costs',
      'sales_deliveries',
      'sales_payout_runs',
      'sales_payouts',
      'sales_receipts',
      'savings_accounts',
      'savings_products',
      'sequences',
      'share_movements',
      'users',
      'year_closes',
      'year_distributions',
    ]);
  });

  it('reopens an existing file without changing its schema or its rows', async () => {
    const file = join(dir, 'sahakum.db');
    const first = await open(file);
    insertCooperative(first.sqlite);
    first.sqlite.prepare(memberSql).run(1, 'ចាន់ សុភា', 'M', '2019-05-02', TIMESTAMP, TIMESTAMP);
    const schemaBefore = first.sqlite
      .prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name')
      .all();
    await closeAll();

    const second = await open(file);
    expect(schemaVersion(second.sqlite)).toBe(LATEST_SCHEMA_VERSION);
    expect(second.sqlite.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all()).toEqual(
      schemaBefore,
    );
    expect(second.sqlite.prepare('SELECT number, name_km, sex FROM members').all()).toEqual([
      { number: 1, name_km: 'ចាន់ សុភា', sex: 'M' },
    ]);
    const name = second.sqlite.prepare('SELECT name_km FROM cooperative').pluck().get();
    expect(name).toBe('សហគមន៍កសិកម្ម ព្រៃខ្លា');
    await closeAll();

    const third = await open(file);
    expect(schemaVersion(third.sqlite)).toBe(LATEST_SCHEMA_VERSION);
    expect(third.sqlite.prepare('SELECT count(*) FROM members').pluck().get()).toBe(1);
  });

  it('refuses a file written by a newer Sahakum and leaves it byte-for-byte unchanged', async () => {
    const file = join(dir, 'sahakum.db');
    const raw = new BetterSqlite3(file);
    raw.exec(`CREATE TABLE future_ledger (id INTEGER PRIMARY KEY, account TEXT NOT NULL, amount INTEGER)`);
    raw.prepare('INSERT INTO future_ledger (account, amount) VALUES (?, ?)').run('ភាគហ៊ុន', 40000);
    raw.pragma('user_version = 99');
    raw.close();
    const before = readFileSync(file);
    expect(existsSync(`${file}-wal`)).toBe(false);

    let caught: unknown;
    try {
      await openDatabase(file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).error).toEqual({
      code: 'database_too_new',
      params: { found: 99, supported: LATEST_SCHEMA_VERSION },
    });

    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(existsSync(`${file}-shm`)).toBe(false);
    expect(existsSync(`${file}-journal`)).toBe(false);

    // Still the newer app's file: its version, its table and its row, in its own journal mode.
    const check = new BetterSqlite3(file, { readonly: true });
    try {
      expect(check.pragma('user_version', { simple: true })).toBe(99);
      expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(check.prepare('SELECT account, amount FROM future_ledger').all()).toEqual([
        { account: 'ភាគហ៊ុន', amount: 40000 },
      ]);
    } finally {
      check.close();
    }
  });

  it('is refused again on a second attempt: the first refusal changed nothing', async () => {
    const file = join(dir, 'sahakum.db');
    const raw = new BetterSqlite3(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await expect(openDatabase(file)).rejects.toMatchObject({
        error: { code: 'database_too_new', params: { found: LATEST_SCHEMA_VERSION + 1 } },
      });
    }
  });
});
