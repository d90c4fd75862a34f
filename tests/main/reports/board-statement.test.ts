// The monthly board statement: a small cooperative whose February 2026 is known line by line, its figures
// checked one by one, and its PDF read back as a reader would (pdftotext), with the chart drawn as vectors.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCooperative, getCooperative, updateCooperative } from '../../../main/cooperative/profile';
import { openDatabase } from '../../../main/db/open';
import type { Database } from '../../../main/db/schema';
import { accountByRole } from '../../../main/ledger/accounts';
import { postOpeningBalances } from '../../../main/ledger/opening';
import { type Actor, reverseEntry } from '../../../main/ledger/posting';
import { balanceAt, balanceSheet, trialBalance } from '../../../main/ledger/statements';
import { postVoucher } from '../../../main/ledger/vouchers';
import { createMember, exitMember } from '../../../main/members/register';
import { type BoardStatement, boardStatement } from '../../../main/reports/board-data';
import { boardStatementPdf } from '../../../main/reports/board-statement';
import { chartAxis, renderReport } from '../../../main/reports/layout';
import { depositSavings, openSavingsAccount, withdrawSavings } from '../../../main/savings/accounts';
import { postInterest } from '../../../main/savings/interest';
import { createProduct } from '../../../main/savings/products';
import { purchaseShares, redeemShares, transferShares } from '../../../main/shares/shares';
import { formatAmount, formatNumber } from '../../../shared/khmer';
import type { SavingsProductInput } from '../../../shared/savings';
import { memberInputSchema } from '../../../shared/schemas';
import { ordinaryRielSavings, preyKhla } from '../../support/cooperative';
import { PdfFile, type PdfValue, parseValues } from './pdf-reader';

const ACTOR: Actor = { today: '2026-03-31', timestamp: '2026-03-31T03:00:00.000Z', user: 'លី ចន្ធូ' };
const TODAY = '2026-04-02';

const ORDINARY_KHR: SavingsProductInput = ordinaryRielSavings;
const ORDINARY_USD: SavingsProductInput = {
  ...ORDINARY_KHR,
  nameKm: 'ប្រាក់សន្សំដុល្លារ',
  nameEn: 'Dollar savings',
  currency: 'USD',
  minOpeningDeposit: 500,
};

let dir: string;
let db: Kysely<Database>;
let close: () => Promise<void>;
let statement: BoardStatement;

/** What the story below puts on the books, kept to check the statement against. */
const known = {
  janInterest: 0,
  febInterest: 0,
  /** What member G was paid back on 3 February: 1 share at par and every riel of savings. */
  paidToG: 0,
  cashKhr: 0,
  savingsKhrIds: [] as number[],
  capitalId: 0,
};

const km = (amount: number, currency: 'KHR' | 'USD') =>
  formatAmount(amount, currency, { digits: 'khmer', brackets: true });
const en = (amount: number, currency: 'KHR' | 'USD') =>
  formatAmount(amount, currency, { digits: 'latin', brackets: true });
const squeeze = (s: string) => s.replace(/\s+/g, '');

function pdftotext(pdf: Buffer): string {
  const file = join(dir, `board-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-raw', file, '-'], { encoding: 'utf8' });
}

async function member(nameKm: string, sex: 'F' | 'M', joinDate: string) {
  return createMember(
    db,
    memberInputSchema.parse({
      nameKm,
      nameLatin: '',
      sex,
      birthDate: '',
      nationalId: '',
      phone: '',
      village: 'ព្រៃខ្លា',
      commune: '',
      joinDate,
      nextOfKin: '',
      notes: '',
    }),
    ACTOR,
  );
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'board-statement-'));
  const opened = await openDatabase(join(dir, 'books.db'));
  db = opened.db;
  close = opened.close;
  await createCooperative(db, { ...preyKhla, foundedOn: '2025-01-01', shareCapPerMember: 0 }, ACTOR);
  const id = async (role: string) => (await accountByRole(db, role)).id;
  const cashKhr = await id('cash_khr');
  const cashUsd = await id('cash_usd');
  known.capitalId = await id('share_capital');
  await postOpeningBalances(
    db,
    {
      date: '2025-01-01',
      lines: [
        { accountId: cashKhr, memberId: null, amount: 10_000_000 },
        { accountId: await id('bank_khr'), memberId: null, amount: 2_000_000 },
        { accountId: await id('opening_khr'), memberId: null, amount: 12_000_000 },
        { accountId: cashUsd, memberId: null, amount: 100_000 },
        { accountId: await id('opening_usd'), memberId: null, amount: 100_000 },
      ],
    },
    ACTOR,
  );
  const khr = await createProduct(db, ORDINARY_KHR, ACTOR);
  const usd = await createProduct(db, ORDINARY_USD, ACTOR);
  known.savingsKhrIds = [khr.accountId];
  const voucher = (
    direction: 'receipt' | 'payment',
    date: string,
    headAccountId: number,
    amount: number,
    currency: 'KHR' | 'USD' = 'KHR',
    memberId: number | null = null,
  ) =>
    postVoucher(
      db,
      {
        direction,
        date,
        cashAccountId: currency === 'KHR' ? cashKhr : cashUsd,
        headAccountId,
        currency,
        amount,
        party: '',
        memberId,
        memo: '',
      },
      ACTOR,
    );
  const buy = (memberId: number, date: string, shares: number) =>
    purchaseShares(db, { memberId, date, shares, cashAccountId: cashKhr }, ACTOR);
  const open = (memberId: number, productId: number, date: string, amount: number, cash = cashKhr) =>
    openSavingsAccount(db, { memberId, productId, date, amount, cashAccountId: cash }, ACTOR);

  // 2025: members A, B, E and G join and buy shares; G and A save.
  const a = await member('សុខ ស្រីនាង', 'F', '2025-01-10');
  const b = await member('ចាន់ ដារ៉ា', 'M', '2025-03-01');
  const e = await member('ម៉ៅ សុភី', 'F', '2025-05-01');
  const g = await member('ហេង ស្រីពៅ', 'F', '2025-06-01');
  await buy(a.id, '2025-01-15', 5);
  await buy(b.id, '2025-03-05', 3);
  await buy(e.id, '2025-05-10', 2);
  await buy(g.id, '2025-06-05', 1);
  await open(g.id, khr.id, '2025-06-02', 15_000);
  const aKhr = await open(a.id, khr.id, '2025-12-01', 500_000);
  await voucher('payment', '2025-12-10', await id('transport'), 5_000);

  // January 2026: B saves, A saves dollars, G leaves; a receipt; interest.
  const bKhr = await open(b.id, khr.id, '2026-01-05', 200_000);
  const aUsd = await open(a.id, usd.id, '2026-01-10', 5_000, cashUsd);
  await exitMember(db, { id: g.id, status: 'left', exitDate: '2026-01-10', reason: '' }, ACTOR);
  await voucher('receipt', '2026-01-20', await id('other_income'), 50_000);
  known.janInterest = (await postInterest(db, khr.id, '2026-01', ACTOR)).total;

  // February 2026, the month of the statement.
  const c = await member('គឹម សុជាតា', 'F', '2026-02-05');
  const d = await member('លី វិបុល', 'M', '2026-02-10');
  known.paidToG = (
    await redeemShares(
      db,
      { memberId: g.id, date: '2026-02-03', cashAccountId: cashKhr, settle: true },
      ACTOR,
    )
  ).paidOut.KHR;
  await depositSavings(
    db,
    { savingsAccountId: aKhr.savingsAccountId, date: '2026-02-03', amount: 100_000, cashAccountId: cashKhr },
    ACTOR,
  );
  await depositSavings(
    db,
    { savingsAccountId: aUsd.savingsAccountId, date: '2026-02-03', amount: 2_000, cashAccountId: cashUsd },
    ACTOR,
  );
  await voucher('receipt', '2026-02-04', await id('service_fees'), 25_000);
  await buy(c.id, '2026-02-06', 4);
  await open(c.id, khr.id, '2026-02-06', 30_000);
  await voucher('payment', '2026-02-08', await id('stationery'), 12_000);
  await voucher('payment', '2026-02-08', await id('bank_fees_usd'), 150, 'USD');
  // Paddy money paid into A's savings by voucher: neither a deposit nor a withdrawal, so "other".
  await voucher('receipt', '2026-02-09', khr.accountId, 10_000, 'KHR', a.id);
  await withdrawSavings(
    db,
    { savingsAccountId: bKhr.savingsAccountId, date: '2026-02-10', amount: 50_000, cashAccountId: cashKhr },
    ACTOR,
  );
  await buy(d.id, '2026-02-11', 2);
  await transferShares(
    db,
    {
      fromMemberId: a.id,
      toMemberId: c.id,
      date: '2026-02-12',
      shares: 1,
      decisionRef: 'សេចក្តីសម្រេចលេខ ០២/២០២៦',
    },
    ACTOR,
  );
  // A deposit typed by mistake and reversed: no deposit at all.
  const mistake = await depositSavings(
    db,
    { savingsAccountId: bKhr.savingsAccountId, date: '2026-02-12', amount: 7_000, cashAccountId: cashKhr },
    ACTOR,
  );
  await reverseEntry(db, { entryId: mistake.entryId ?? 0, reason: 'វាយខុស', date: '2026-02-13' }, ACTOR);
  await exitMember(db, { id: e.id, status: 'deceased', exitDate: '2026-02-15', reason: '' }, ACTOR);
  await redeemShares(
    db,
    { memberId: e.id, date: '2026-02-16', cashAccountId: cashKhr, settle: false },
    ACTOR,
  );
  await exitMember(db, { id: d.id, status: 'left', exitDate: '2026-02-20', reason: '' }, ACTOR);
  await redeemShares(
    db,
    { memberId: d.id, date: '2026-02-25', cashAccountId: cashKhr, settle: false },
    ACTOR,
  );
  known.febInterest = (await postInterest(db, khr.id, '2026-02', ACTOR)).total;

  // March: after the month, so in none of its figures.
  const f = await member('សួន វណ្ណៈ', 'M', '2026-03-02');
  await buy(f.id, '2026-03-03', 10);
  await depositSavings(
    db,
    { savingsAccountId: aKhr.savingsAccountId, date: '2026-03-03', amount: 40_000, cashAccountId: cashKhr },
    ACTOR,
  );

  known.cashKhr =
    10_000_000 +
    // Shares: A, B, E, G, C and D bought; G, E and D were paid back.
    (5 + 3 + 2 + 1 + 4 + 2) * 20_000 -
    known.paidToG -
    2 * 20_000 -
    2 * 20_000 +
    // Savings: opening deposits of G, A, B and C; A's deposit; B's withdrawal (the mistake nets out).
    15_000 +
    500_000 +
    200_000 +
    30_000 +
    100_000 -
    50_000 +
    // Vouchers.
    -5_000 +
    50_000 +
    25_000 -
    12_000 +
    10_000;

  statement = await boardStatement(db, '2026-02');
}, 60_000);

afterAll(async () => {
  await close();
  rmSync(dir, { recursive: true, force: true });
});

describe('board statement figures', () => {
  it('covers the month and its fiscal year', () => {
    expect(statement).toMatchObject({
      month: '2026-02',
      from: '2026-02-01',
      to: '2026-02-28',
      yearFrom: '2026-01-01',
    });
    expect(known.janInterest).toBeGreaterThan(0);
    expect(known.febInterest).toBeGreaterThan(0);
  });

  it('counts members at both ends of the month, who joined, left and died, and the women', () => {
    // A (F), B, E (F) at the start; C (F) and D join; D leaves, E dies; G left in January, F joins in March.
    expect(statement.membership).toEqual({
      opening: { members: 3, women: 2 },
      joined: { members: 2, women: 1 },
      left: { members: 1, women: 0 },
      deceased: { members: 1, women: 1 },
      closing: { members: 3, women: 2 },
    });
  });

  it('moves share capital: bought, transferred, redeemed, as the register and the ledger hold it', async () => {
    expect(statement.shares).toEqual({
      par: 20_000,
      opening: { shares: 11, capital: 220_000 },
      bought: { shares: 6, capital: 120_000 },
      transferred: { shares: 1, capital: 20_000 },
      redeemed: { shares: 5, capital: 100_000 },
      other: { shares: 0, capital: 0 },
      closing: { shares: 12, capital: 240_000 },
    });
    const ledger = (await balanceAt(db, [known.capitalId], '2026-02-28')).get(known.capitalId);
    expect(-(ledger ?? 0)).toBe(statement.shares.closing.capital);
  });

  it('moves savings per currency, and closing = opening + deposits − withdrawals + interest + other', async () => {
    const gSavings = known.paidToG - 20_000;
    expect(gSavings).toBeGreaterThanOrEqual(15_000);
    const [khr, usd] = statement.savings;
    expect(statement.savings.map((s) => s.currency)).toEqual(['KHR', 'USD']);
    expect(khr).toMatchObject({
      opening: 715_000 + known.janInterest,
      deposits: 130_000,
      withdrawals: 50_000 + gSavings,
      interest: known.febInterest,
      other: 10_000,
    });
    expect(usd).toEqual({
      currency: 'USD',
      opening: 5_000,
      deposits: 2_000,
      withdrawals: 0,
      interest: 0,
      other: 0,
      closing: 7_000,
    });
    for (const s of statement.savings) {
      expect(s.closing).toBe(s.opening + s.deposits - s.withdrawals + s.interest + s.other);
    }
    // The closing balance read straight from the lines, independently of the monthly totals.
    const lines = await db
      .selectFrom('journal_lines')
      .select((eb) => eb.fn.sum<number>('amount').as('sum'))
      .where('account_id', 'in', known.savingsKhrIds)
      .where('date', '<=', '2026-02-28')
      .executeTakeFirstOrThrow();
    expect(khr?.closing).toBe(-lines.sum);
  });

  it('shows cash and bank at the month end per currency, as the trial balance has them', async () => {
    expect(statement.cash.map((c) => [c.currency, c.cash, c.bank, c.total])).toEqual([
      ['KHR', known.cashKhr, 2_000_000, known.cashKhr + 2_000_000],
      ['USD', 100_000 + 5_000 + 2_000 - 150, 0, 106_850],
    ]);
    const trial = await trialBalance(db, '2026-02-28');
    for (const c of statement.cash) {
      for (const account of c.accounts) {
        const row = trial.rows.find((r) => r.accountId === account.accountId);
        expect(account.balance).toBe((row?.debit ?? 0) - (row?.credit ?? 0));
      }
    }
    expect(statement.cash[0]?.accounts.map((a) => [a.code, a.kind])).toEqual([
      ['1101', 'cash'],
      ['1201', 'bank'],
    ]);
  });

  it('sets the month’s income and expenses beside the year to date', () => {
    const [khr, usd] = statement.income;
    const lines = (section: { lines: { code: string; month: number; yearToDate: number }[] }) =>
      section.lines.map((l) => [l.code, l.month, l.yearToDate]);
    expect(khr?.currency).toBe('KHR');
    expect(lines(khr?.income ?? { lines: [] })).toEqual([
      ['4', 25_000, 75_000],
      ['4201', 25_000, 25_000],
      ['4901', 0, 50_000],
    ]);
    expect(khr?.income).toMatchObject({ month: 25_000, yearToDate: 75_000 });
    // December's transport is last fiscal year's.
    expect(lines(khr?.expenses ?? { lines: [] })).toEqual([
      ['5', 12_000 + known.febInterest, 12_000 + known.febInterest + known.janInterest],
      ['5401', 12_000, 12_000],
      ['5601', known.febInterest, known.febInterest + known.janInterest],
    ]);
    expect(khr?.surplus).toEqual({
      month: 25_000 - 12_000 - known.febInterest,
      yearToDate: 75_000 - 12_000 - known.febInterest - known.janInterest,
    });
    expect(usd).toMatchObject({
      currency: 'USD',
      income: { lines: [], month: 0, yearToDate: 0 },
      expenses: { month: 150, yearToDate: 150 },
      surplus: { month: -150, yearToDate: -150 },
    });
  });

  it('sums up the balance sheet at the month end exactly as balanceSheet() does', async () => {
    const sheet = await balanceSheet(db, '2026-02-28');
    expect(statement.balance).toEqual(
      sheet.currencies.map((c) => ({
        currency: c.currency,
        assets: c.assets.total,
        liabilities: c.liabilities.total,
        equity: c.equity.total,
        surplus: c.surplus,
        difference: 0,
      })),
    );
    const [khr] = statement.balance;
    expect(khr?.assets).toBe(known.cashKhr + 2_000_000);
  });

  it('gives twelve month ends of riel savings and share capital, the last being the month’s', async () => {
    expect(statement.trend.map((p) => p.month)).toEqual([
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(statement.trend.map((p) => p.shareCapital)).toEqual([
      160_000, 160_000, 200_000, 220_000, 220_000, 220_000, 220_000, 220_000, 220_000, 220_000, 220_000,
      240_000,
    ]);
    expect(statement.trend.map((p) => p.savingsKhr)).toEqual([
      0,
      0,
      0,
      15_000,
      15_000,
      15_000,
      15_000,
      15_000,
      15_000,
      515_000,
      715_000 + known.janInterest,
      statement.savings[0]?.closing,
    ]);
    expect(statement.trend.map((p) => p.savingsUsd)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5_000, 7_000]);
    // The series (monthly totals) meets the month's own opening and closing (balanceAt).
    expect(statement.trend[10]?.savingsKhr).toBe(statement.savings[0]?.opening);
    expect(statement.trend[11]?.shareCapital).toBe(statement.shares.closing.capital);
    // Each point as the lines themselves add up.
    const linesUpTo = async (accountIds: number[], month: string) => {
      const { rows } = await sql<{ sum: number | null }>`
        SELECT sum(amount) AS sum FROM journal_lines
        WHERE account_id IN (SELECT value FROM json_each(${JSON.stringify(accountIds)}))
          AND date <= ${`${month}-31`}`.execute(db);
      return 0 - (rows[0]?.sum ?? 0);
    };
    for (const point of statement.trend) {
      expect(point.shareCapital).toBe(await linesUpTo([known.capitalId], point.month));
      expect(point.savingsKhr).toBe(await linesUpTo(known.savingsKhrIds, point.month));
    }
  });

  it('refuses a month that is not YYYY-MM', async () => {
    await expect(boardStatement(db, '2026-13')).rejects.toMatchObject({ error: { code: 'validation' } });
    await expect(boardStatement(db, '2026-2')).rejects.toMatchObject({ error: { code: 'validation' } });
  });

  it('starts the year to date at the fiscal year’s first month', async () => {
    const cooperative = await getCooperative(db);
    await updateCooperative(db, { ...cooperative, fiscalYearStartMonth: 12 }, ACTOR);
    try {
      const december = await boardStatement(db, '2026-02');
      expect(december.yearFrom).toBe('2025-12-01');
      const transport = december.income[0]?.expenses.lines.find((l) => l.code === '5301');
      expect(transport).toMatchObject({ month: 0, yearToDate: 5_000 });
      const march = await updateCooperative(db, { ...cooperative, fiscalYearStartMonth: 3 }, ACTOR);
      expect(march.fiscalYearStartMonth).toBe(3);
      expect((await boardStatement(db, '2026-02')).yearFrom).toBe('2025-03-01');
      expect((await boardStatement(db, '2026-03')).yearFrom).toBe('2026-03-01');
    } finally {
      await updateCooperative(db, cooperative, ACTOR);
    }
  });
});

describe('chart axis', () => {
  it('takes 3 to 5 nice steps from zero', () => {
    expect(chartAxis([4_300_000_000, 5_100_000_000, 500_000_000])).toEqual({
      low: 0,
      high: 6_000_000_000,
      step: 2_000_000_000,
    });
    expect(chartAxis([0, 715_500])).toEqual({ low: 0, high: 800_000, step: 200_000 });
    expect(chartAxis([0, 240_000])).toEqual({ low: 0, high: 250_000, step: 50_000 });
    expect(chartAxis([0, 0])).toMatchObject({ low: 0 });
    expect(chartAxis([-30, 100])).toEqual({ low: -50, high: 100, step: 50 });
    for (const values of [[1], [7], [99], [101], [12_345_678], [3, -3]]) {
      const { low, high, step } = chartAxis(values);
      const steps = Math.round((high - low) / step);
      expect(steps).toBeGreaterThanOrEqual(2);
      expect(steps).toBeLessThanOrEqual(5);
      expect(high).toBeGreaterThanOrEqual(Math.max(...values));
      expect(low).toBeLessThanOrEqual(Math.min(0, ...values));
    }
  });
});

describe('chart block', () => {
  it('draws lines as one stroked path per series with a square at each point, its words as text', async () => {
    const pdf = await renderReport({
      blocks: [
        {
          kind: 'chart',
          style: 'line',
          height: 200,
          title: 'និន្នាការ',
          unit: 'លានរៀល',
          labels: ['មករា', 'កុម្ភៈ', 'មីនា'],
          series: [
            { label: 'ក្រុម', color: '#2f6f9f', values: [1, 3, 2] },
            { label: 'ស្ត្រី', color: '#e0a030', values: [-1, 0, 4] },
          ],
          format: (n) => formatNumber(n, 'khmer'),
        },
      ],
      footer: () => ({ left: '', right: '' }),
    });
    const ops = pageOperators(pdf)[0] ?? [];
    // Every rule is one move and one line; a series of three points is one move and two lines.
    const moves = ops.filter((o) => o.op === 'm').length;
    const lines = ops.filter((o) => o.op === 'l').length;
    expect(moves).toBeGreaterThan(2);
    expect(lines - moves).toBe(2);
    const squares = filledRects(ops).filter((r) => r.box[2] === 3.5 && r.box[3] === 3.5);
    expect(squares).toHaveLength(6);
    const text = squeeze(pdftotext(pdf));
    for (const word of ['និន្នាការ', 'លានរៀល', 'មករា', 'កុម្ភៈ', 'មីនា', 'ក្រុម', 'ស្ត្រី', '៤', '-១']) {
      expect(text).toContain(word);
    }
  });
});

/** Each page's content stream as operators, each with its operands. */
function pageOperators(pdf: Buffer): { op: string; operands: PdfValue[] }[][] {
  const file = new PdfFile(pdf);
  return file.pages().map((page) => {
    const dict = file.resolve(page);
    const raw = dict && typeof dict === 'object' && 'dict' in dict ? dict.dict.get('Contents') : undefined;
    const refs = Array.isArray(raw) ? raw : [raw];
    const content = Buffer.concat(refs.map((r) => file.streamOf(r) ?? Buffer.alloc(0))).toString('latin1');
    const out: { op: string; operands: PdfValue[] }[] = [];
    let operands: PdfValue[] = [];
    for (const token of parseValues(content)) {
      if (token && typeof token === 'object' && 'op' in token) {
        out.push({ op: token.op, operands });
        operands = [];
      } else operands.push(token);
    }
    return out;
  });
}

/** The filled rectangles of a page (x, y, w, h), each with the colour it is filled in. */
function filledRects(ops: { op: string; operands: PdfValue[] }[]) {
  const rects: { fill: string; box: number[] }[] = [];
  let pending: number[][] = [];
  let fill = '';
  for (const { op, operands } of ops) {
    if (op === 're') pending.push(operands.map(Number));
    else if (op === 'scn' || op === 'rg') fill = operands.map((n) => Number(n).toFixed(3)).join(' ');
    else if (op === 'f') {
      for (const box of pending) rects.push({ fill, box });
      pending = [];
    } else if (op === 'n' || op === 'S') pending = [];
  }
  return rects;
}

const rgb = (hex: string) =>
  [1, 3, 5].map((i) => (Number.parseInt(hex.slice(i, i + 2), 16) / 255).toFixed(3)).join(' ');

/** The top of the chart's y axis, in thousands of riel as the chart writes it. */
function axisTop(digits: 'khmer' | 'latin'): string {
  const values = statement.trend.flatMap((p) => [p.savingsKhr, p.shareCapital]);
  return formatNumber(chartAxis(values).high / 1000, digits);
}

describe('board statement PDF', () => {
  let khmer: Buffer;
  let english: Buffer;
  beforeAll(async () => {
    khmer = await boardStatementPdf(db, { lang: 'km', today: TODAY, month: '2026-02' });
    english = await boardStatementPdf(db, { lang: 'en', digits: 'latin', today: TODAY, month: '2026-02' });
  }, 60_000);

  it('prints the title, the month and the figures as the shared formatting writes them (Khmer)', () => {
    const text = squeeze(pdftotext(khmer));
    const [savings] = statement.savings;
    for (const expected of [
      'របាយការណ៍ប្រចាំខែជូនក្រុមប្រឹក្សាភិបាល',
      'ខែកុម្ភៈឆ្នាំ២០២៦',
      '១.សមាជិកភាព',
      'សមាជិកចុងខែ៣២',
      'សមាជិកថ្មី២១',
      `ទិញភាគហ៊ុន៦${km(120_000, 'KHR')}`,
      `ផ្ទេររវាងសមាជិក(សរុបមិនប្រែប្រួល)១${km(20_000, 'KHR')}`,
      `ដកភាគហ៊ុនវិញ(៥)${km(-100_000, 'KHR')}`,
      `សមតុល្យចុងខែ១២${km(240_000, 'KHR')}`,
      `ដាក់ប្រាក់${km(130_000, 'KHR')}${km(2_000, 'USD')}`,
      `ដកប្រាក់${km(-(savings?.withdrawals ?? 0), 'KHR')}${km(0, 'USD')}`,
      `ការប្រាក់${km(known.febInterest, 'KHR')}`,
      `ផ្សេងៗ${km(10_000, 'KHR')}`,
      `សាច់ប្រាក់ក្នុងដៃ${km(known.cashKhr, 'KHR')}${km(106_850, 'USD')}`,
      `កម្រៃសេវា${km(25_000, 'KHR')}${km(25_000, 'KHR')}`,
      `ចំណូលផ្សេងៗ${km(0, 'KHR')}${km(50_000, 'KHR')}`,
      `ប្រាក់ចំណេញ(ខាត)${km(-150, 'USD')}${km(-150, 'USD')}`,
      `សរុបទ្រព្យសកម្ម${km(statement.balance[0]?.assets ?? 0, 'KHR')}`,
      // The chart: its heading, unit, legend and months.
      '៦.និន្នាការ១២ខែ',
      'ពាន់រៀល',
      'ប្រាក់សន្សំ(ប្រាក់រៀល)',
      'ដើមទុនភាគហ៊ុន',
      'មីនា',
      'មករា',
      'កុម្ភៈ',
      'ធ្នូ',
      '២០២៥',
      '២០២៦',
      axisTop('khmer'),
    ]) {
      expect(text).toContain(squeeze(expected));
    }
  });

  it('prints the English version with Latin digits', () => {
    const text = squeeze(pdftotext(english));
    for (const expected of [
      'Monthly board statement',
      'February 2026',
      '1. Membership',
      'Members at the end of the month 3 2',
      `Shares redeemed (5) ${en(-100_000, 'KHR')}`,
      `Deposits ${en(130_000, 'KHR')} ${en(2_000, 'USD')}`,
      `Other ${en(10_000, 'KHR')}`,
      `Cash on hand ${en(known.cashKhr, 'KHR')} ${en(106_850, 'USD')}`,
      'This month: 1 February 2026 to 28 February 2026',
      'Year to date: 1 January 2026 to 28 February 2026',
      `Service fees ${en(25_000, 'KHR')} ${en(25_000, 'KHR')}`,
      `Total liabilities, equity and surplus ${en(statement.balance[0]?.assets ?? 0, 'KHR')}`,
      '6. 12-month trend',
      'thousand riel',
      'Savings (riel)',
      'Share capital',
      'Mar',
      'Jan',
      '2025',
      '2026',
      axisTop('latin'),
    ]) {
      expect(text).toContain(squeeze(expected));
    }
  });

  it('draws the chart as vectors: a bar per non-zero month and series, in the series’ colours, no image', () => {
    const pages = pageOperators(khmer);
    const rects = pages.flatMap(filledRects);
    const savingsBars = rects.filter((r) => r.fill === rgb('#2f6f9f'));
    const capitalBars = rects.filter((r) => r.fill === rgb('#e0a030'));
    // Savings from June 2025 (9 months), capital every month; one legend swatch each.
    expect(savingsBars).toHaveLength(9 + 1);
    expect(capitalBars).toHaveLength(12 + 1);
    // Gridlines and axes are stroked paths.
    expect(pages.flat().filter((o) => o.op === 'S').length).toBeGreaterThan(20);
    // The twelve capital bars: the tallest is February's, February's is 240/220 of January's.
    const heights = capitalBars.slice(0, 12).map((r) => Math.abs(r.box[3] ?? 0));
    expect(heights[11]).toBeCloseTo(((heights[10] ?? 0) * 240) / 220, 1);
    expect(Math.max(...heights)).toBe(heights[11]);
    // pdfimages lists a two-line header and no image.
    const file = join(dir, 'chart.pdf');
    writeFileSync(file, khmer);
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n');
    expect(images).toHaveLength(2);
    expect(Buffer.from(khmer).includes('/Subtype /Image')).toBe(false);
  });
});
