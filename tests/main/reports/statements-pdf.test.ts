// The statement PDFs read back the way a reader would: pdftotext for the figures, the PDF's own glyph
// positions (pdf-reader.ts) for the margins.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCooperative } from '../../../main/cooperative/profile';
import { openDatabase } from '../../../main/db/open';
import type { Database } from '../../../main/db/schema';
import { accountByRole } from '../../../main/ledger/accounts';
import { postOpeningBalances } from '../../../main/ledger/opening';
import type { Actor } from '../../../main/ledger/posting';
import { trialBalance } from '../../../main/ledger/statements';
import { postExchange, postVoucher } from '../../../main/ledger/vouchers';
import {
  balanceSheetPdf,
  cashBookPdf,
  incomeStatementPdf,
  trialBalancePdf,
} from '../../../main/reports/statements';
import { formatAmount } from '../../../shared/khmer';
import { blankCooperative } from '../../../shared/schemas';
import { PdfFile, readTextSpans } from './pdf-reader';

const ACTOR: Actor = { today: '2025-12-31', timestamp: '2025-12-31T00:00:00.000Z', user: 'test' };
const TODAY = '2026-01-15';
const MM = 72 / 25.4;
const MARGIN = 15 * MM;
const A4 = { width: 595.28, height: 841.89 };

let db: Kysely<Database>;
let close: () => Promise<void>;
let dir: string;
let open = true;

const squeeze = (s: string) => s.replace(/\s+/g, '');

function pdftotext(pdf: Buffer, ...args: string[]): string {
  const file = join(dir, `report-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', ...args, file, '-'], { encoding: 'utf8' });
}

/** Every glyph of every page lies inside the 15 mm margins. */
function expectWithinMargins(pdf: Buffer): void {
  const spans = readTextSpans(new PdfFile(pdf));
  expect(spans.length).toBeGreaterThan(20);
  for (const span of spans) {
    for (const g of span.glyphs) {
      expect(g.x).toBeGreaterThanOrEqual(MARGIN - 0.01);
      expect(g.x).toBeLessThanOrEqual(A4.width - MARGIN);
      expect(g.y).toBeGreaterThanOrEqual(MARGIN);
      expect(g.y).toBeLessThanOrEqual(A4.height - MARGIN);
    }
  }
}

const km = (amount: number, currency: 'KHR' | 'USD') =>
  formatAmount(amount, currency, { digits: 'khmer', brackets: true });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'statements-pdf-'));
  const opened = await openDatabase(join(dir, 'books.db'));
  db = opened.db;
  close = opened.close;
  await createCooperative(
    db,
    {
      ...blankCooperative,
      nameKm: 'សហគមន៍កសិកម្ម អូរស្វាយ',
      nameLatin: 'Ou Svay Agricultural Cooperative',
      foundedOn: '2020-01-01',
      province: 'ព្រៃវែង',
      chair: 'ហេង សុខា',
      bookkeeper: 'លី ចន្ធូ',
      reportDigits: 'khmer',
    },
    ACTOR,
  );
  const id = async (role: string) => (await accountByRole(db, role)).id;
  await postOpeningBalances(
    db,
    {
      date: '2025-01-01',
      lines: [
        { accountId: await id('cash_khr'), memberId: null, amount: 1_000_000 },
        { accountId: await id('bank_khr'), memberId: null, amount: 500_000 },
        { accountId: await id('payables_khr'), memberId: null, amount: 200_000 },
        { accountId: await id('opening_khr'), memberId: null, amount: 1_300_000 },
        { accountId: await id('cash_usd'), memberId: null, amount: 25_050 },
        { accountId: await id('opening_usd'), memberId: null, amount: 25_050 },
      ],
    },
    ACTOR,
  );
  const voucher = async (direction: 'receipt' | 'payment', date: string, head: string, amount: number) =>
    postVoucher(
      db,
      {
        direction,
        date,
        cashAccountId: await id('cash_khr'),
        headAccountId: await id(head),
        currency: 'KHR',
        amount,
        party: '',
        memberId: null,
        memo: direction === 'receipt' ? 'ចំណូលពីការជួលម៉ាស៊ីន' : 'ទិញក្រដាស និងប៊ិច',
      },
      ACTOR,
    );
  await voucher('receipt', '2025-02-03', 'other_income', 40_000);
  await voucher('payment', '2025-02-03', 'stationery', 15_500);
  await voucher('payment', '2025-02-10', 'transport', 60_000);
  // Dollars changed into riel: the dollar conversion account holds a debit, shown in brackets as equity.
  await postExchange(
    db,
    {
      date: '2025-03-01',
      fromAccountId: await id('cash_usd'),
      toAccountId: await id('cash_khr'),
      amountGiven: 5_000,
      rate: '4100',
      amountReceived: 205_000,
      memo: 'ប្តូរដុល្លារ',
    },
    ACTOR,
  );
}, 60_000);

afterAll(async () => {
  if (open) await close();
  rmSync(dir, { recursive: true, force: true });
});

describe('trial balance PDF', () => {
  it('prints each currency’s totals as formatAmount writes them in Khmer digits', async () => {
    const trial = await trialBalance(db, '2025-12-31');
    expect(trial.totals.KHR).toEqual({ debit: 1_745_000, credit: 1_745_000 });
    expect(km(trial.totals.KHR.debit, 'KHR')).toBe('១.៧៤៥.០០០៛');
    const pdf = await trialBalancePdf(db, { asOf: '2025-12-31', lang: 'km', today: TODAY });
    const text = squeeze(pdftotext(pdf, '-raw'));
    expect(text).toContain(squeeze(`សរុប ${km(1_745_000, 'KHR')} ${km(1_745_000, 'KHR')}`));
    expect(text).toContain(squeeze(`សរុប ${km(25_050, 'USD')} ${km(25_050, 'USD')}`));
    for (const word of ['តារាងតុល្យភាពសាកល្បង', 'គិតត្រឹមថ្ងៃទី៣១ខែធ្នូឆ្នាំ២០២៥', 'រូបិយប័ណ្ណរៀល(KHR)']) {
      expect(text).toContain(word);
    }
    // Riel before dollars.
    expect(text.indexOf('(KHR)')).toBeLessThan(text.indexOf('(USD)'));
    expectWithinMargins(pdf);
  });
});

describe('balance sheet PDF', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await balanceSheetPdf(db, { asOf: '2025-12-31', lang: 'km', today: TODAY });
  }, 60_000);

  it('prints the equation assets = liabilities + equity + surplus in each currency', () => {
    const text = squeeze(pdftotext(pdf, '-raw'));
    // Riel: assets 1,229,500 cash + 500,000 bank; liabilities 200,000; equity 1,300,000 opening + 205,000
    // conversion; surplus 40,000 − 75,500.
    expect(text).toContain(
      squeeze(
        `ទ្រព្យសកម្ម ${km(1_669_500, 'KHR')} = បំណុល ${km(200_000, 'KHR')} + មូលធន ${km(1_505_000, 'KHR')} + ប្រាក់ចំណេញ ${km(-35_500, 'KHR')}`,
      ),
    );
    expect(text).toContain(
      squeeze(
        `ទ្រព្យសកម្ម ${km(20_050, 'USD')} = បំណុល ${km(0, 'USD')} + មូលធន ${km(20_050, 'USD')} + ប្រាក់ចំណេញ ${km(0, 'USD')}`,
      ),
    );
    expect(text).not.toContain('លម្អៀង');
  });

  it('puts a negative amount in brackets', () => {
    const text = squeeze(pdftotext(pdf, '-raw'));
    expect(km(-5_000, 'USD')).toBe('(៥០,០០$)');
    expect(text).toContain(squeeze(`ការប្តូររូបិយប័ណ្ណ (ដុល្លារ) ${km(-5_000, 'USD')}`));
    expect(text).toContain(km(-35_500, 'KHR'));
    expectWithinMargins(pdf);
  });

  it('prints in English with Latin digits on request', async () => {
    const english = await balanceSheetPdf(db, {
      asOf: '2025-12-31',
      lang: 'en',
      digits: 'latin',
      today: TODAY,
    });
    const text = pdftotext(english);
    expect(text).toContain('Balance sheet');
    expect(text).toContain('As of 31 December 2025');
    expect(text).toContain('Assets $200.50 = Liabilities $0.00 + Equity $200.50 + Surplus $0.00');
    expect(text).toContain('($50.00)');
  });
});

describe('income statement PDF', () => {
  it('prints income, expenses and the deficit in brackets for the period', async () => {
    const pdf = await incomeStatementPdf(db, {
      from: '2025-01-01',
      to: '2025-12-31',
      lang: 'km',
      today: TODAY,
    });
    const text = squeeze(pdftotext(pdf, '-raw'));
    expect(text).toContain(squeeze(`សរុបចំណូល ${km(40_000, 'KHR')}`));
    expect(text).toContain(squeeze(`សរុបចំណាយ ${km(75_500, 'KHR')}`));
    expect(text).toContain(squeeze(`ប្រាក់ចំណេញ (ខាត) ${km(-35_500, 'KHR')}`));
    expect(text).toContain('ពីថ្ងៃទី១ខែមករាឆ្នាំ២០២៥ដល់ថ្ងៃទី៣១ខែធ្នូឆ្នាំ២០២៥');
    expectWithinMargins(pdf);
  });
});

describe('cash book PDF', () => {
  it('prints the opening, each movement with its memo, the day totals and the closing', async () => {
    const pdf = await cashBookPdf(db, {
      from: '2025-02-01',
      to: '2025-12-31',
      currency: 'KHR',
      lang: 'km',
      today: TODAY,
    });
    const text = squeeze(pdftotext(pdf, '-raw'));
    expect(text).toContain(squeeze(`សមតុល្យដើមគ្រា ${km(1_000_000, 'KHR')}`));
    expect(text).toContain('ចំណូលពីការជួលម៉ាស៊ីន');
    // 3 February: 40,000 in, 15,500 out, closing at 1,024,500.
    expect(text).toContain(
      squeeze(`សរុបប្រចាំថ្ងៃ ${km(40_000, 'KHR')} ${km(15_500, 'KHR')} ${km(1_024_500, 'KHR')}`),
    );
    expect(text).toContain(squeeze(`សមតុល្យចុងគ្រា ${km(1_169_500, 'KHR')}`));
    expect(text).not.toContain('(USD)');
    expectWithinMargins(pdf);
  });
});

describe('report <statement> --format pdf on the command line', () => {
  it('writes the PDF, and CSV still comes out of the same command', async () => {
    await close();
    open = false;
    const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const file = join(dir, 'books.db');
    const out = join(dir, 'cli.pdf');
    const cli = (...args: string[]) => spawnSync(tsx, ['main/cli.ts', ...args], { encoding: 'utf8' });
    const ok = cli(
      'report',
      'balance-sheet',
      '--db',
      file,
      '--as-of',
      '2025-12-31',
      '--format',
      'pdf',
      '--lang',
      'en',
      '--out',
      out,
    );
    expect([ok.status, ok.stderr]).toEqual([0, '']);
    expect(pdftotext(readFileSync(out))).toContain('Balance sheet');
    const cash = cli('report', 'cash-book', '--db', file, '--to', '2025-12-31', '--currency', 'USD');
    expect(cash.status).toBe(0);
    expect(cash.stdout.split('\n')[0]).toContain('line,currency,date');
    const refused = cli('report', 'trial-balance', '--db', file, '--to', '2025-12-31', '--out', out);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--out is only for --format pdf');
  }, 60_000);
});
