import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCooperative } from '../../main/cooperative/profile';
import { openDatabase } from '../../main/db/open';
import { accountByRole } from '../../main/ledger/accounts';
import { type Actor, post } from '../../main/ledger/posting';
import { balanceSheet, cashBook } from '../../main/ledger/statements';
import { blankCooperative } from '../../shared/schemas';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const ACTOR: Actor = { today: '2026-11-28', timestamp: '2026-11-28T00:00:00.000Z', user: 'test' };

let dir: string;
let file: string;

function cli(...args: string[]) {
  const run = spawnSync(TSX, ['main/cli.ts', ...args], { cwd: process.cwd(), encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const csv = (text: string) => parse(text, { columns: true }) as Record<string, string>[];

/** The columns a test looks at, in order, so that an expected table reads like the printout. */
const pick = (rows: Record<string, string>[], columns: string[]) =>
  rows.map((row) => columns.map((column) => row[column]));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-cli-reports-'));
  file = join(dir, 'books.db');
  const opened = await openDatabase(file);
  const db = opened.db;
  try {
    await createCooperative(
      db,
      {
        ...blankCooperative,
        nameKm: 'សហគមន៍កសិកម្ម អូរស្វាយ',
        foundedOn: '2020-01-01',
        sharePar: 10_000,
      },
      ACTOR,
    );
    const id = async (role: string) => (await accountByRole(db, role)).id;
    const khr = async (role: string, amount: number) => ({
      accountId: await id(role),
      currency: 'KHR' as const,
      amount,
    });
    const usd = async (role: string, amount: number) => ({
      accountId: await id(role),
      currency: 'USD' as const,
      amount,
    });
    const entry = async (
      date: string,
      kind: string,
      lines: Promise<{ accountId: number; currency: 'KHR' | 'USD'; amount: number }>[],
    ) => post(db, { date, kind, memo: kind, lines: await Promise.all(lines) }, ACTOR);
    await entry('2025-01-10', 'opening', [
      khr('cash_khr', 1_000_000),
      khr('opening_khr', -1_000_000),
      usd('cash_usd', 25_050),
      usd('opening_usd', -25_050),
    ]);
    await entry('2025-02-03', 'receipt', [khr('cash_khr', 40_000), khr('other_income', -40_000)]);
    await entry('2025-02-03', 'payment', [khr('stationery', 15_500), khr('cash_khr', -15_500)]);
    await entry('2026-01-05', 'exchange', [
      usd('cash_usd', -5_000),
      usd('conversion_usd', 5_000),
      khr('conversion_khr', -205_000),
      khr('cash_khr', 205_000),
    ]);
  } finally {
    await opened.close();
  }
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run cli -- report', () => {
  it('is in the usage text', () => {
    const run = cli('--help');
    expect(run.stdout).toContain('report trial-balance --db FILE --to DATE [--format csv|json]');
    expect(run.stdout).toContain('report cash-book --db FILE --to DATE [--from DATE] [--currency KHR|USD]');
  });

  it('trial-balance prints each account and each currency’s totals as plain decimals', () => {
    const run = cli('report', 'trial-balance', '--db', file, '--to', '2025-12-31');
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(run.stdout.split('\n')[0]).toBe('line,currency,code,name_km,name_en,type,debit,credit');
    const rows = csv(run.stdout);
    expect(pick(rows, ['line', 'currency', 'code', 'debit', 'credit'])).toEqual([
      ['account', 'KHR', '1101', '1024500', '0'],
      ['account', 'KHR', '3901', '0', '1000000'],
      ['account', 'KHR', '4901', '0', '40000'],
      ['account', 'KHR', '5401', '15500', '0'],
      ['total', 'KHR', '', '1040000', '1040000'],
      ['account', 'USD', '1102', '250.50', '0.00'],
      ['account', 'USD', '3902', '0.00', '250.50'],
      ['total', 'USD', '', '250.50', '250.50'],
    ]);
    expect(rows[0]).toMatchObject({
      name_km: 'សាច់ប្រាក់ក្នុងដៃ (រៀល)',
      name_en: 'Cash on hand (riel)',
      type: 'asset',
    });
    const asOf = cli('report', 'trial-balance', '--db', file, '--as-of', '2025-12-31');
    expect(asOf.stdout).toBe(run.stdout);
  });

  it('balance-sheet in JSON is the statement itself; in CSV it carries the surplus and the difference', async () => {
    const json = cli('report', 'balance-sheet', '--db', file, '--as-of', '2026-01-31', '--format', 'json');
    expect(json.status).toBe(0);
    const opened = await openDatabase(file);
    try {
      expect(JSON.parse(json.stdout)).toEqual(await balanceSheet(opened.db, '2026-01-31'));
    } finally {
      await opened.close();
    }
    const rows = csv(cli('report', 'balance-sheet', '--db', file, '--to', '2026-01-31').stdout);
    expect(pick(rows, ['line', 'currency', 'section', 'code', 'depth', 'amount'])).toEqual([
      ['group', 'KHR', 'asset', '11', '0', '1229500'],
      ['account', 'KHR', 'asset', '1101', '1', '1229500'],
      ['total', 'KHR', 'asset', '', '', '1229500'],
      ['total', 'KHR', 'liability', '', '', '0'],
      ['group', 'KHR', 'equity', '39', '0', '1205000'],
      ['account', 'KHR', 'equity', '3901', '1', '1000000'],
      ['account', 'KHR', 'equity', '3951', '1', '205000'],
      ['total', 'KHR', 'equity', '', '', '1205000'],
      ['surplus', 'KHR', '', '', '', '24500'],
      ['difference', 'KHR', '', '', '', '0'],
      ['group', 'USD', 'asset', '11', '0', '200.50'],
      ['account', 'USD', 'asset', '1102', '1', '200.50'],
      ['total', 'USD', 'asset', '', '', '200.50'],
      ['total', 'USD', 'liability', '', '', '0.00'],
      ['group', 'USD', 'equity', '39', '0', '200.50'],
      ['account', 'USD', 'equity', '3902', '1', '250.50'],
      ['account', 'USD', 'equity', '3952', '1', '-50.00'],
      ['total', 'USD', 'equity', '', '', '200.50'],
      ['surplus', 'USD', '', '', '', '0.00'],
      ['difference', 'USD', '', '', '', '0.00'],
    ]);
  });

  it('income-statement runs from 1 January of the --to year unless --from says otherwise', () => {
    const year = JSON.parse(
      cli('report', 'income-statement', '--db', file, '--to', '2025-12-31', '--format', 'json').stdout,
    );
    expect([year.from, year.to, year.currencies[0].surplus]).toEqual(['2025-01-01', '2025-12-31', 24_500]);
    const rows = csv(
      cli('report', 'income-statement', '--db', file, '--from', '2025-02-04', '--to', '2026-06-30').stdout,
    );
    expect(rows).toEqual([]);
    const february = csv(cli('report', 'income-statement', '--db', file, '--to', '2025-02-28').stdout);
    expect(pick(february, ['line', 'section', 'code', 'name_en', 'amount'])).toEqual([
      ['group', 'income', '4', 'Income', '40000'],
      ['account', 'income', '4901', 'Other income', '40000'],
      ['total', 'income', '', '', '40000'],
      ['group', 'expense', '5', 'Expenses', '15500'],
      ['account', 'expense', '5401', 'Stationery', '15500'],
      ['total', 'expense', '', '', '15500'],
      ['surplus', '', '', '', '24500'],
    ]);
  });

  it('cash-book gives both currencies day by day unless --currency names one', async () => {
    const run = cli('report', 'cash-book', '--db', file, '--from', '2025-01-01', '--to', '2026-01-31');
    expect(run.status).toBe(0);
    expect(
      pick(csv(run.stdout), ['line', 'currency', 'date', 'kind', 'receipt', 'payment', 'balance']),
    ).toEqual([
      ['opening', 'KHR', '2025-01-01', '', '', '', '0'],
      ['entry', 'KHR', '2025-01-10', 'opening', '1000000', '', '1000000'],
      ['day', 'KHR', '2025-01-10', '', '1000000', '0', '1000000'],
      ['entry', 'KHR', '2025-02-03', 'receipt', '40000', '', '1040000'],
      ['entry', 'KHR', '2025-02-03', 'payment', '', '15500', '1024500'],
      ['day', 'KHR', '2025-02-03', '', '40000', '15500', '1024500'],
      ['entry', 'KHR', '2026-01-05', 'exchange', '205000', '', '1229500'],
      ['day', 'KHR', '2026-01-05', '', '205000', '0', '1229500'],
      ['closing', 'KHR', '2026-01-31', '', '', '', '1229500'],
      ['opening', 'USD', '2025-01-01', '', '', '', '0.00'],
      ['entry', 'USD', '2025-01-10', 'opening', '250.50', '', '250.50'],
      ['day', 'USD', '2025-01-10', '', '250.50', '0.00', '250.50'],
      ['entry', 'USD', '2026-01-05', 'exchange', '', '50.00', '200.50'],
      ['day', 'USD', '2026-01-05', '', '0.00', '50.00', '200.50'],
      ['closing', 'USD', '2026-01-31', '', '', '', '200.50'],
    ]);
    const dollars = cli(
      'report',
      'cash-book',
      '--db',
      file,
      '--to',
      '2026-12-31',
      '--currency',
      'USD',
      '--format',
      'json',
    );
    const opened = await openDatabase(file);
    try {
      expect(JSON.parse(dollars.stdout)).toEqual([
        await cashBook(opened.db, 'USD', '2026-01-01', '2026-12-31'),
      ]);
    } finally {
      await opened.close();
    }
  });

  it('refuses a mistyped command line with exit code 2, and a missing file with exit code 1', () => {
    const refusals: [string[], number, string][] = [
      [['trial-balance', '--to', '2025-02-30'], 2, '--to must be a real date written YYYY-MM-DD'],
      [
        ['trial-balance', '--to', '2025-12-31', '--as-of', '2025-12-31'],
        2,
        '--to and --as-of mean the same: give one',
      ],
      [['balance-sheet'], 2, '--to is required'],
      [['trial-balance', '--to', '2025-12-31', '--currency', 'KHR'], 2, 'unknown option --currency'],
      [
        ['income-statement', '--from', '2025-03-01', '--to', '2025-02-01'],
        2,
        '--from must not be after --to',
      ],
      [['cash-book', '--to', '2025-12-31', '--currency', 'EUR'], 2, '--currency must be one of: KHR, USD'],
      // A PDF goes to a file, never to standard output.
      [['cash-book', '--to', '2025-12-31', '--format', 'pdf'], 2, '--out is required'],
    ];
    for (const [args, status, message] of refusals) {
      const run = cli('report', ...args, '--db', file);
      expect([run.status, run.stdout, run.stderr.split(' (npm run cli')[0]]).toEqual([status, '', message]);
    }
    const missing = cli('report', 'trial-balance', '--db', join(dir, 'none.db'), '--to', '2025-12-31');
    expect([missing.status, missing.stderr]).toEqual([1, `no database at ${join(dir, 'none.db')}\n`]);
  });
});
