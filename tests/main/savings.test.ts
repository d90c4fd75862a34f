import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCooperative } from '../../main/cooperative/profile';
import { type OpenedDatabase, openDatabase } from '../../main/db/open';
import { accountByRole } from '../../main/ledger/accounts';
import { closeMonth } from '../../main/ledger/months';
import { postOpeningBalances } from '../../main/ledger/opening';
import type { Actor } from '../../main/ledger/posting';
import { createMember, exitMember } from '../../main/members/register';
import {
  closeSavingsAccount,
  depositSavings,
  findDepositors,
  openSavingsAccount,
  postCollectionDay,
  withdrawSavings,
} from '../../main/savings/accounts';
import { interestRunPeriods, postInterest, previewInterest } from '../../main/savings/interest';
import { createProduct } from '../../main/savings/products';
import { DomainError } from '../../shared/errors';
import type { SavingsProductInput } from '../../shared/savings';
import { blankCooperative, memberInputSchema } from '../../shared/schemas';
import { ordinaryRielSavings } from '../support/cooperative';

const ACTOR: Actor = { today: '2026-11-28', timestamp: '2026-11-28T03:00:00.000Z', user: 'លី ចន្ធូ' };

const ORDINARY_KHR: SavingsProductInput = ordinaryRielSavings;
const FIXED_KHR: SavingsProductInput = {
  ...ORDINARY_KHR,
  nameKm: 'ប្រាក់បញ្ញើ ១២ ខែ',
  nameEn: '12-month deposit',
  kind: 'fixed',
  termMonths: 12,
  posting: 'maturity',
  earlyWithdrawal: false,
};

let dir: string;
let opened: OpenedDatabase;
const db = () => opened.db;
let cashKhr: number;
let cashUsd: number;

async function member(nameKm: string, joinDate = '2020-01-01') {
  return createMember(
    db(),
    memberInputSchema.parse({
      nameKm,
      nameLatin: '',
      sex: 'F',
      birthDate: '',
      nationalId: '',
      phone: '',
      village: '',
      commune: '',
      joinDate,
      nextOfKin: '',
      notes: '',
    }),
    ACTOR,
  );
}

async function refusal(work: Promise<unknown>): Promise<DomainError['error']> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return error.error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** Everything the books hold, to prove a refusal wrote nothing. */
const dump = async () => ({
  entries: await db().selectFrom('journal_entries').selectAll().execute(),
  lines: await db().selectFrom('journal_lines').selectAll().execute(),
  accounts: await db().selectFrom('savings_accounts').selectAll().execute(),
  sequences: await db().selectFrom('sequences').selectAll().execute(),
  runs: await db().selectFrom('interest_runs').selectAll().execute(),
});

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-savings-'));
  opened = await openDatabase(join(dir, 'sahakum.db'));
  await createCooperative(
    db(),
    { ...blankCooperative, nameKm: 'សហគមន៍កសិកម្ម ព្រៃខ្លា', foundedOn: '2019-01-01' },
    ACTOR,
  );
  cashKhr = (await accountByRole(db(), 'cash_khr')).id;
  cashUsd = (await accountByRole(db(), 'cash_usd')).id;
  await postOpeningBalances(
    db(),
    {
      date: '2019-01-01',
      lines: [
        { accountId: cashKhr, memberId: null, amount: 50_000_000 },
        { accountId: (await accountByRole(db(), 'opening_khr')).id, memberId: null, amount: 50_000_000 },
      ],
    },
    ACTOR,
  );
});

afterEach(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('savings products', () => {
  it('the first product of a kind and currency uses the chart’s own account, later ones get their own', async () => {
    const first = await createProduct(db(), ORDINARY_KHR, ACTOR);
    const second = await createProduct(
      db(),
      { ...ORDINARY_KHR, nameKm: 'សន្សំកុមារ', nameEn: 'Children' },
      ACTOR,
    );
    const fixed = await createProduct(db(), FIXED_KHR, ACTOR);
    expect([first.accountCode, second.accountCode, fixed.accountCode]).toEqual(['2101', '2105', '2103']);
    const account = await db()
      .selectFrom('accounts')
      .selectAll()
      .where('code', '=', '2105')
      .executeTakeFirstOrThrow();
    expect(account).toMatchObject({ type: 'liability', currency: 'KHR', is_control: 1, name_km: 'សន្សំកុមារ' });
  });
});

describe('savings accounts', () => {
  it('opens with a deposit, takes deposits, refuses an overdraft, pays out and closes', async () => {
    const product = await createProduct(db(), ORDINARY_KHR, ACTOR);
    const sokha = await member('សុខ សុខា');
    const opening = await openSavingsAccount(
      db(),
      {
        memberId: sokha.id,
        productId: product.id,
        date: '2026-06-01',
        amount: 100_000,
        cashAccountId: cashKhr,
      },
      ACTOR,
    );
    expect(opening).toMatchObject({ receiptNumber: 'DP-000001', balance: 100_000 });
    const account = opening.savingsAccountId;
    const deposit = await depositSavings(
      db(),
      { savingsAccountId: account, date: '2026-06-10', amount: 25_000, cashAccountId: cashKhr },
      ACTOR,
    );
    expect(deposit).toMatchObject({ receiptNumber: 'DP-000002', balance: 125_000 });

    const before = await dump();
    expect(
      await refusal(
        withdrawSavings(
          db(),
          { savingsAccountId: account, date: '2026-06-11', amount: 125_001, cashAccountId: cashKhr },
          ACTOR,
        ),
      ),
    ).toEqual({ code: 'insufficient_savings', field: 'amount', params: { balance: 125_000 } });
    expect(
      await refusal(
        openSavingsAccount(
          db(),
          {
            memberId: sokha.id,
            productId: product.id,
            date: '2026-06-12',
            amount: 50_000,
            cashAccountId: cashKhr,
          },
          ACTOR,
        ),
      ),
    ).toEqual({ code: 'savings_account_exists', field: 'productId' });
    expect(
      await refusal(
        depositSavings(
          db(),
          { savingsAccountId: account, date: '2026-06-12', amount: 5_000, cashAccountId: cashUsd },
          ACTOR,
        ),
      ),
    ).toEqual({ code: 'currency_mismatch', field: 'cashAccountId' });
    expect(await dump()).toEqual(before);

    const withdrawal = await withdrawSavings(
      db(),
      { savingsAccountId: account, date: '2026-06-15', amount: 40_000, cashAccountId: cashKhr },
      ACTOR,
    );
    expect(withdrawal).toMatchObject({ receiptNumber: 'WD-000001', balance: 85_000 });
    const closed = await closeSavingsAccount(
      db(),
      { savingsAccountId: account, date: '2026-07-01', cashAccountId: cashKhr },
      ACTOR,
    );
    expect(closed).toMatchObject({ receiptNumber: 'WD-000002', balance: 0 });
    expect(
      await refusal(
        depositSavings(
          db(),
          { savingsAccountId: account, date: '2026-07-02', amount: 5_000, cashAccountId: cashKhr },
          ACTOR,
        ),
      ),
    ).toEqual({ code: 'savings_account_closed', field: 'savingsAccountId' });
  });

  it('refuses a member who left, an opening below the minimum, and a closed month, writing nothing', async () => {
    const product = await createProduct(db(), ORDINARY_KHR, ACTOR);
    const gone = await member('ចាន់ ដារ៉ា');
    await exitMember(
      db(),
      { id: gone.id, status: 'left', exitDate: '2025-01-01', reason: 'ផ្លាស់ទីលំនៅ' },
      ACTOR,
    );
    const stays = await member('ហេង សុភា');
    await closeMonth(db(), '2026-05', ACTOR);
    const before = await dump();
    const open = (memberId: number, amount: number, date = '2026-06-01') =>
      refusal(
        openSavingsAccount(
          db(),
          { memberId, productId: product.id, date, amount, cashAccountId: cashKhr },
          ACTOR,
        ),
      );
    expect(await open(gone.id, 50_000)).toEqual({ code: 'member_not_active', field: 'memberId' });
    expect(await open(stays.id, 9_999)).toEqual({
      code: 'amount_below_minimum',
      field: 'amount',
      params: { minimum: 10_000 },
    });
    expect(await open(stays.id, 50_000, '2026-05-20')).toMatchObject({ code: 'month_closed', field: 'date' });
    expect(await dump()).toEqual(before);
  });

  it('a fixed-term deposit takes no more money and cannot be withdrawn early unless the product allows it', async () => {
    const locked = await createProduct(db(), FIXED_KHR, ACTOR);
    const open = await createProduct(
      db(),
      {
        ...FIXED_KHR,
        nameKm: 'បញ្ញើបត់បែន',
        nameEn: 'Flexible term',
        earlyWithdrawal: true,
        earlyPenaltyBp: 200,
      },
      ACTOR,
    );
    const sokha = await member('សុខ សុខា');
    const a = await openSavingsAccount(
      db(),
      {
        memberId: sokha.id,
        productId: locked.id,
        date: '2026-01-15',
        amount: 1_000_000,
        cashAccountId: cashKhr,
      },
      ACTOR,
    );
    const maturity = await db()
      .selectFrom('savings_accounts')
      .select('maturity_on')
      .where('id', '=', a.savingsAccountId)
      .executeTakeFirstOrThrow();
    expect(maturity.maturity_on).toBe('2027-01-15');
    const before = await dump();
    expect(
      await refusal(
        depositSavings(
          db(),
          { savingsAccountId: a.savingsAccountId, date: '2026-02-01', amount: 5_000, cashAccountId: cashKhr },
          ACTOR,
        ),
      ),
    ).toEqual({ code: 'fixed_term_no_deposit', field: 'savingsAccountId' });
    expect(
      await refusal(
        withdrawSavings(
          db(),
          {
            savingsAccountId: a.savingsAccountId,
            date: '2026-06-01',
            amount: 100_000,
            cashAccountId: cashKhr,
          },
          ACTOR,
        ),
      ),
    ).toEqual({ code: 'not_matured', field: 'date', params: { date: '2027-01-15' } });
    expect(await dump()).toEqual(before);

    // Early withdrawal allowed: 2 % of 500,000 = 10,000 riel penalty, kept against interest paid.
    const b = await openSavingsAccount(
      db(),
      {
        memberId: sokha.id,
        productId: open.id,
        date: '2026-01-15',
        amount: 1_000_000,
        cashAccountId: cashKhr,
      },
      ACTOR,
    );
    const w = await withdrawSavings(
      db(),
      { savingsAccountId: b.savingsAccountId, date: '2026-06-01', amount: 500_000, cashAccountId: cashKhr },
      ACTOR,
    );
    const lines = await db()
      .selectFrom('journal_lines')
      .innerJoin('accounts', 'accounts.id', 'journal_lines.account_id')
      .select(['accounts.code', 'journal_lines.amount'])
      .where('entry_id', '=', w.entryId ?? 0)
      .orderBy('journal_lines.id')
      .execute();
    expect(lines).toEqual([
      { code: open.accountCode, amount: 500_000 },
      { code: '1101', amount: -490_000 },
      { code: '5601', amount: -10_000 },
    ]);
  });
});

describe('collection day', () => {
  it('posts every deposit as its own receipt in one batch, opening first accounts, or refuses the whole batch', async () => {
    const product = await createProduct(db(), ORDINARY_KHR, ACTOR);
    const [a, b, c] = [await member('សុខ សុខា'), await member('ចាន់ ធីតា'), await member('ហេង សុភា')];
    if (!a || !b || !c) throw new Error('members');
    await openSavingsAccount(
      db(),
      { memberId: a.id, productId: product.id, date: '2026-06-01', amount: 20_000, cashAccountId: cashKhr },
      ACTOR,
    );
    const gone = await member('គឹម វណ្ណា');
    await exitMember(db(), { id: gone.id, status: 'left', exitDate: '2026-01-01', reason: '' }, ACTOR);
    const before = await dump();
    expect(
      await refusal(
        postCollectionDay(
          db(),
          {
            productId: product.id,
            date: '2026-06-05',
            cashAccountId: cashKhr,
            deposits: [
              { memberId: a.id, amount: 10_000 },
              { memberId: gone.id, amount: 10_000 },
            ],
          },
          ACTOR,
        ),
      ),
    ).toEqual({ code: 'member_not_active', field: 'deposits', params: { line: 1 } });
    expect(await dump()).toEqual(before);

    const day = await postCollectionDay(
      db(),
      {
        productId: product.id,
        date: '2026-06-05',
        cashAccountId: cashKhr,
        deposits: [
          { memberId: a.id, amount: 10_000 },
          { memberId: b.id, amount: 50_000 },
          { memberId: c.id, amount: 15_000 },
        ],
      },
      ACTOR,
    );
    expect(day).toEqual({
      count: 3,
      total: 75_000,
      receipts: [
        { memberId: a.id, receiptNumber: 'DP-000002', balance: 30_000, opened: false },
        { memberId: b.id, receiptNumber: 'DP-000003', balance: 50_000, opened: true },
        { memberId: c.id, receiptNumber: 'DP-000004', balance: 15_000, opened: true },
      ],
    });
    const found = await findDepositors(db(), product.id, 'ចាន់');
    expect(found).toEqual([
      {
        memberId: b.id,
        memberNumber: b.number,
        nameKm: 'ចាន់ ធីតា',
        nameLatin: '',
        savingsAccountId: expect.any(Number),
        balance: 50_000,
      },
    ]);
  });
});

describe('interest', () => {
  it('posts a month’s interest on the daily balance, once, as one entry whose lines add up to the expense', async () => {
    const product = await createProduct(db(), ORDINARY_KHR, ACTOR);
    const a = await member('សុខ សុខា');
    const b = await member('ចាន់ ធីតា');
    const c = await member('ហេង សុភា');
    // a: 1,000,000 all June at 6 % → 1,000,000 × 6 % × 30/365 = 4,931.51 → 4,932
    await openSavingsAccount(
      db(),
      {
        memberId: a.id,
        productId: product.id,
        date: '2026-05-20',
        amount: 1_000_000,
        cashAccountId: cashKhr,
      },
      ACTOR,
    );
    // b: 500,000 from 1 June, 300,000 more on 16 June → (500,000 × 30 + 300,000 × 15) × 6 % / 365 = 3,205.48 → 3,205
    const bAccount = await openSavingsAccount(
      db(),
      { memberId: b.id, productId: product.id, date: '2026-06-01', amount: 500_000, cashAccountId: cashKhr },
      ACTOR,
    );
    await depositSavings(
      db(),
      {
        savingsAccountId: bAccount.savingsAccountId,
        date: '2026-06-16',
        amount: 300_000,
        cashAccountId: cashKhr,
      },
      ACTOR,
    );
    // c: 10,000 on 30 June, withdrawn the same day → a zero balance earns 0, and c is left out.
    const cAccount = await openSavingsAccount(
      db(),
      { memberId: c.id, productId: product.id, date: '2026-06-30', amount: 10_000, cashAccountId: cashKhr },
      ACTOR,
    );
    await withdrawSavings(
      db(),
      {
        savingsAccountId: cAccount.savingsAccountId,
        date: '2026-06-30',
        amount: 10_000,
        cashAccountId: cashKhr,
      },
      ACTOR,
    );

    const preview = await previewInterest(db(), product.id, '2026-06', ACTOR.today);
    expect(preview.lines.map((l) => [l.nameKm, l.interest])).toEqual([
      ['សុខ សុខា', 4_932],
      ['ចាន់ ធីតា', 3_205],
    ]);
    const run = await postInterest(db(), product.id, '2026-06', ACTOR);
    expect(run.total).toBe(8_137);
    const lines = await db()
      .selectFrom('journal_lines')
      .innerJoin('accounts', 'accounts.id', 'journal_lines.account_id')
      .select(['accounts.code', 'journal_lines.member_id', 'journal_lines.amount', 'journal_lines.date'])
      .where('entry_id', '=', run.entryId ?? 0)
      .orderBy('journal_lines.id')
      .execute();
    expect(lines).toEqual([
      { code: '5601', member_id: null, amount: 8_137, date: '2026-06-30' },
      { code: '2101', member_id: a.id, amount: -4_932, date: '2026-06-30' },
      { code: '2101', member_id: b.id, amount: -3_205, date: '2026-06-30' },
    ]);

    expect(await interestRunPeriods(db(), product.id)).toEqual(['2026-06']);
    const before = await dump();
    expect(await refusal(postInterest(db(), product.id, '2026-06', ACTOR))).toEqual({
      code: 'interest_already_posted',
      field: 'period',
    });
    expect(await refusal(postInterest(db(), product.id, '2026-11', ACTOR))).toEqual({
      code: 'period_not_ended',
      field: 'period',
    });
    expect(await refusal(postInterest(db(), product.id, '2026-Q2', ACTOR))).toEqual({
      code: 'validation',
      field: 'period',
    });
    await closeMonth(db(), '2026-07', ACTOR);
    expect(await refusal(postInterest(db(), product.id, '2026-07', ACTOR))).toMatchObject({
      code: 'month_closed',
    });
    expect(await dump()).toEqual(before);
  });

  it('rounds dollars to the cent and pays a fixed-term deposit over its whole term in its month of maturity', async () => {
    const usd = await createProduct(
      db(),
      {
        ...ORDINARY_KHR,
        nameKm: 'សន្សំដុល្លារ',
        nameEn: 'Dollar savings',
        currency: 'USD',
        annualRateBp: 350,
        posting: 'quarterly',
        minOpeningDeposit: 0,
      },
      ACTOR,
    );
    const fixed = await createProduct(db(), FIXED_KHR, ACTOR);
    const a = await member('សុខ សុខា');
    // $1,234.56 all of 2026-Q1 (90 days) at 3.5 %: 123,456 × 3.5 % × 90/365 = 1,065.44 cents → $10.65
    await openSavingsAccount(
      db(),
      { memberId: a.id, productId: usd.id, date: '2025-12-31', amount: 123_456, cashAccountId: cashUsd },
      ACTOR,
    );
    expect((await postInterest(db(), usd.id, '2026-Q1', ACTOR)).total).toBe(1_065);
    // 1,000,000 riel from 2025-06-15 to its maturity 2026-06-15 at 6 %: 365 days → exactly 60,000.
    await openSavingsAccount(
      db(),
      { memberId: a.id, productId: fixed.id, date: '2025-06-15', amount: 1_000_000, cashAccountId: cashKhr },
      ACTOR,
    );
    expect((await postInterest(db(), fixed.id, '2026-05', ACTOR)).total).toBe(0);
    expect((await postInterest(db(), fixed.id, '2026-06', ACTOR)).lines).toEqual([
      expect.objectContaining({ memberId: a.id, interest: 60_000 }),
    ]);
  });
});
