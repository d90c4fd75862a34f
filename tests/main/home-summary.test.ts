import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenedDatabase, openDatabase } from '../../main/db/open';
import type { Database } from '../../main/db/schema';
import { createDemoCooperative } from '../../main/demo/cooperative';
import { homeSummary } from '../../main/home/summary';
import { creditAging } from '../../main/inputs/credit';
import { accountByRole } from '../../main/ledger/accounts';
import { listMonths } from '../../main/ledger/months';
import { reverseEntry } from '../../main/ledger/posting';
import { trialBalance } from '../../main/ledger/statements';
import { boardStatement } from '../../main/reports/board-data';
import { depositSavings } from '../../main/savings/accounts';

// A Tuesday late in a month: the month we are in has collection days of its own, the one before is open.
const NOW = { today: '2026-03-24', timestamp: '2026-03-24T08:00:00.000Z' };
const ACTOR = { ...NOW, user: 'test' };

let dir: string;
let opened: OpenedDatabase;
let db: Kysely<Database>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-home-'));
  opened = await openDatabase(join(dir, 'books.db'));
  db = opened.db;
  await createDemoCooperative(db, { members: 60, seed: 11, years: 2, now: NOW });
  // A deposit entered by mistake and reversed the same month: no deposit, and no withdrawal either.
  const account = await db
    .selectFrom('savings_accounts')
    .innerJoin('savings_products', 'savings_products.id', 'savings_accounts.product_id')
    .select('savings_accounts.id')
    .where('savings_products.currency', '=', 'KHR')
    .where('savings_accounts.closed_on', 'is', null)
    .executeTakeFirstOrThrow();
  const cash = await accountByRole(db, 'cash_khr');
  const posted = await depositSavings(
    db,
    { savingsAccountId: account.id, date: '2026-03-20', amount: 777_000, cashAccountId: cash.id },
    ACTOR,
  );
  if (posted.entryId === null) throw new Error('the deposit posted nothing');
  await reverseEntry(db, { entryId: posted.entryId, date: '2026-03-21', reason: 'ដាក់ខុសគណនី' }, ACTOR);
}, 120_000);

afterAll(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The trial balance's own figure for an account: debit-positive. */
async function trialFigure(accountIds: readonly number[]): Promise<number> {
  const tb = await trialBalance(db, NOW.today);
  return tb.rows.filter((r) => accountIds.includes(r.accountId)).reduce((s, r) => s + r.debit - r.credit, 0);
}

describe('home summary', () => {
  it('shows the trial balance’s cash, bank, savings and share capital, per currency', async () => {
    const home = await homeSummary(db, NOW.today, null);
    const accounts = await db.selectFrom('accounts').selectAll().execute();
    for (const currency of ['KHR', 'USD'] as const) {
      const ids = (flag: 'is_cash' | 'is_bank') =>
        accounts.filter((a) => a[flag] === 1 && a.currency === currency).map((a) => a.id);
      expect(home.cash.find((c) => c.currency === currency)?.amount).toBe(await trialFigure(ids('is_cash')));
      expect(home.bank.find((c) => c.currency === currency)?.amount).toBe(await trialFigure(ids('is_bank')));
      const products = await db
        .selectFrom('savings_products')
        .select('account_id')
        .where('currency', '=', currency)
        .execute();
      const savings = -(await trialFigure(products.map((p) => p.account_id)));
      expect(savings).toBeGreaterThan(0);
      expect(home.savings.find((c) => c.currency === currency)?.amount).toBe(savings);
    }
    const capital = await accountByRole(db, 'share_capital');
    expect(home.shareCapital).toBe(-(await trialFigure([capital.id])));
    expect(home.shareCapital).toBeGreaterThan(0);
  });

  it('shows the aging’s input credit, equal to the input credit account', async () => {
    const home = await homeSummary(db, NOW.today, null);
    const aging = await creditAging(db, NOW.today);
    const account = await accountByRole(db, 'input_credit_khr');
    expect(home.inputCredit?.outstanding).toBe(await trialFigure([account.id]));
    expect(home.inputCredit?.outstanding).toBe(aging.totals.total);
    expect(home.inputCredit?.overdue).toBe(
      aging.totals.days1to30 + aging.totals.days31to90 + aging.totals.over90,
    );
  });

  it('counts members, women and newcomers from the register', async () => {
    const home = await homeSummary(db, NOW.today, '2026-03-23T18:00:00.000Z');
    const members = await db.selectFrom('members').selectAll().execute();
    const active = members.filter((m) => m.status === 'active');
    expect(home.members).toEqual({
      active: active.length,
      women: active.filter((m) => m.sex === 'F').length,
      newThisMonth: members.filter((m) => m.join_date >= '2026-03-01').length,
    });
    expect(home.lastBackup).toBe('2026-03-23T18:00:00.000Z');
  });

  it('names the months that have ended and are not closed', async () => {
    const home = await homeSummary(db, NOW.today, null);
    const months = await listMonths(db, NOW.today);
    const open = months
      .filter((m) => !m.closed && m.month < '2026-03')
      .map((m) => m.month)
      .reverse();
    expect(open.length).toBeGreaterThan(0);
    expect(home.openMonths).toEqual(open);
  });

  it('draws twelve month ends that agree with each month’s board statement', async () => {
    const home = await homeSummary(db, NOW.today, null);
    expect(home.trend.map((p) => p.month)).toEqual([
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
      '2026-03',
    ]);
    for (const point of home.trend) {
      const board = await boardStatement(db, point.month);
      const riel = board.savings.find((s) => s.currency === 'KHR');
      expect({ month: point.month, deposits: point.depositsKhr, withdrawals: point.withdrawalsKhr }).toEqual({
        month: point.month,
        deposits: riel?.deposits ?? 0,
        withdrawals: riel?.withdrawals ?? 0,
      });
      expect(point.members).toBe(board.membership.closing.members);
      expect(point.shareCapital).toBe(board.shares.closing.capital);
      expect(point.savingsKhr).toBe(riel?.closing ?? 0);
    }
    const last = home.trend.at(-1);
    expect(last?.savingsKhr).toBe(home.savings.find((s) => s.currency === 'KHR')?.amount);
    expect(home.trend.some((p) => p.depositsKhr > 0 && p.withdrawalsKhr > 0)).toBe(true);
  });
});
