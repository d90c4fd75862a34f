// The figures of the monthly board statement (SPEC 2.9): membership, share capital, savings, cash and bank,
// income and expenses, the balance sheet in brief, and a 12-month trend. Balances come from the ledger's own
// functions (balanceAt, incomeStatement, balanceSheet), which read the monthly totals the database keeps;
// the trend adds those monthly totals up from one balanceAt; only the month's own lines are read, to tell
// deposits from withdrawals and interest and purchases from redemptions.

import { type Kysely, sql } from 'kysely';
import { DomainError } from '../../shared/errors';
import type { Currency } from '../../shared/khmer';
import {
  type Account,
  currencySchema,
  isDebitNormal,
  type StatementLine,
  type StatementSection,
} from '../../shared/ledger';
import { getCooperative } from '../cooperative/profile';
import type { Database } from '../db/schema';
import { type BoardInputs, boardInputs, hasInputsBusiness } from '../inputs/board-figures';
import { accountByRole, listAccounts } from '../ledger/accounts';
import { balanceAt, balanceSheet, incomeStatement } from '../ledger/statements';

const CURRENCIES: readonly Currency[] = currencySchema.options;

/** A number of members, and how many of them are women. */
export interface MemberCount {
  members: number;
  women: number;
}

export interface BoardMembership {
  /** Members at the end of the month before. */
  opening: MemberCount;
  joined: MemberCount;
  left: MemberCount;
  deceased: MemberCount;
  /** Members at the end of the month: opening + joined − left − deceased. */
  closing: MemberCount;
}

/** Shares (a count, from the share register) and their value (riel, from the share capital account). */
export interface ShareFigure {
  shares: number;
  capital: number;
}

export interface BoardShares {
  /** The value of one share, in riel. */
  par: number;
  opening: ShareFigure;
  bought: ShareFigure;
  /** Passed from one member to another: the total does not change. */
  transferred: ShareFigure;
  /** Paid back to members who left (a positive figure, taken off). */
  redeemed: ShareFigure;
  /** Anything else (opening balances, corrections): closing − opening − bought + redeemed. */
  other: ShareFigure;
  closing: ShareFigure;
}

/** The month's movement on the savings products' control accounts of one currency (what members hold). */
export interface BoardSavings {
  currency: Currency;
  opening: number;
  deposits: number;
  /** Paid out to members, closures and settlements on leaving included (a positive figure, taken off). */
  withdrawals: number;
  interest: number;
  /** Anything else (opening balances, vouchers): closing − opening − deposits + withdrawals − interest. */
  other: number;
  closing: number;
}

export interface BoardMoneyAccount {
  accountId: number;
  code: string;
  nameKm: string;
  nameEn: string;
  kind: 'cash' | 'bank';
  balance: number;
}

export interface BoardCash {
  currency: Currency;
  accounts: BoardMoneyAccount[];
  cash: number;
  bank: number;
  total: number;
}

/** A line of the income statement, for the month and for the year to date. */
export interface BoardIncomeLine {
  code: string;
  nameKm: string;
  nameEn: string;
  /** 0 for a group's own line, 1 for an account in it (as in the income statement). */
  depth: number;
  isGroup: boolean;
  month: number;
  yearToDate: number;
}

export interface BoardIncomeSection {
  lines: BoardIncomeLine[];
  month: number;
  yearToDate: number;
}

export interface BoardIncome {
  currency: Currency;
  income: BoardIncomeSection;
  expenses: BoardIncomeSection;
  surplus: { month: number; yearToDate: number };
}

export interface BoardBalance {
  currency: Currency;
  assets: number;
  liabilities: number;
  equity: number;
  surplus: number;
  /** assets − (liabilities + equity + surplus): zero on sound books. */
  difference: number;
}

export interface BoardTrendPoint {
  /** YYYY-MM: the figures are at the end of this month. */
  month: string;
  /** What members hold in riel savings (the riel savings products' control accounts). */
  savingsKhr: number;
  savingsUsd: number;
  /** Share capital, riel. */
  shareCapital: number;
}

export interface BoardStatement {
  /** YYYY-MM. */
  month: string;
  /** The month's first and last days. */
  from: string;
  to: string;
  /** The first day of the fiscal year the month is in: the year to date runs from it to `to`. */
  yearFrom: string;
  membership: BoardMembership;
  shares: BoardShares;
  /** KHR then USD; a currency with no savings product, or nothing at all in the month, is left out. */
  savings: BoardSavings[];
  /** KHR then USD: every cash and bank account with a currency (inactive ones only if they hold money). */
  cash: BoardCash[];
  /** Each currency with income or expenses in the year to date. */
  income: BoardIncome[];
  /** Each currency the balance sheet shows (balanceSheet at `to`). */
  balance: BoardBalance[];
  /** Twelve month ends, oldest first, ending with `month`. */
  trend: BoardTrendPoint[];
  /** The farm-inputs business, or null for a cooperative that has no input items. */
  inputs: BoardInputs | null;
}

// ---------------------------------------------------------------------------------------------------------
// Months.

const MONTH = /^([0-9]{4})-(0[1-9]|1[0-2])$/;

function splitMonth(month: string): { year: number; m: number } {
  const match = MONTH.exec(month);
  const year = Number(match?.[1]);
  if (!match || year < 1900 || year > 2999) throw new DomainError('validation', 'month');
  return { year, m: Number(match[2]) };
}

const monthText = (year: number, m: number) => `${year}-${String(m).padStart(2, '0')}`;

/** The month `delta` months after (or before) `month`. */
export function addMonth(month: string, delta: number): string {
  const { year, m } = splitMonth(month);
  const index = year * 12 + (m - 1) + delta;
  return monthText(Math.floor(index / 12), (index % 12) + 1);
}

export function lastDayOf(month: string): string {
  const { year, m } = splitMonth(month);
  const day = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** The first day of the fiscal year that `month` belongs to. */
function fiscalYearStart(month: string, startMonth: number): string {
  const { year, m } = splitMonth(month);
  return `${monthText(m >= startMonth ? year : year - 1, startMonth)}-01`;
}

// ---------------------------------------------------------------------------------------------------------
// Membership.

async function membership(db: Kysely<Database>, from: string, to: string): Promise<BoardMembership> {
  // Members at the end of a day: joined by then and not yet gone. A member who leaves on a day is gone at
  // its end; so opening + joined − left − deceased = closing by construction.
  const row = await sql<Record<string, number | null>>`
    SELECT
      sum(join_date < ${from} AND (exit_date IS NULL OR exit_date >= ${from})) AS opening,
      sum(join_date < ${from} AND (exit_date IS NULL OR exit_date >= ${from}) AND sex = 'F') AS opening_f,
      sum(join_date BETWEEN ${from} AND ${to}) AS joined,
      sum(join_date BETWEEN ${from} AND ${to} AND sex = 'F') AS joined_f,
      sum(status = 'left' AND exit_date BETWEEN ${from} AND ${to}) AS leaving,
      sum(status = 'left' AND exit_date BETWEEN ${from} AND ${to} AND sex = 'F') AS leaving_f,
      sum(status = 'deceased' AND exit_date BETWEEN ${from} AND ${to}) AS deceased,
      sum(status = 'deceased' AND exit_date BETWEEN ${from} AND ${to} AND sex = 'F') AS deceased_f,
      sum(join_date <= ${to} AND (exit_date IS NULL OR exit_date > ${to})) AS closing,
      sum(join_date <= ${to} AND (exit_date IS NULL OR exit_date > ${to}) AND sex = 'F') AS closing_f
    FROM members
  `.execute(db);
  const r = row.rows[0] ?? {};
  const count = (key: string): MemberCount => ({ members: r[key] ?? 0, women: r[`${key}_f`] ?? 0 });
  return {
    opening: count('opening'),
    joined: count('joined'),
    left: count('leaving'),
    deceased: count('deceased'),
    closing: count('closing'),
  };
}

// ---------------------------------------------------------------------------------------------------------
// The month's lines on some accounts, by the kind of business event. A reversal counts as the kind of the
// entry it reverses: a deposit entered by mistake and reversed in the month is no deposit.

interface KindTotal {
  accountId: number;
  kind: string;
  /** Signed, debit-positive. */
  amount: number;
  /** The credits alone, as a positive figure. */
  credits: number;
}

async function monthByKind(
  db: Kysely<Database>,
  accountIds: readonly number[],
  from: string,
  to: string,
): Promise<KindTotal[]> {
  if (accountIds.length === 0) return [];
  const ids = sql<number>`(SELECT value FROM json_each(${JSON.stringify(accountIds)}))`;
  const rows = await db
    .selectFrom('journal_lines as line')
    .innerJoin('journal_entries as entry', 'entry.id', 'line.entry_id')
    .leftJoin('journal_entries as original', 'original.id', 'entry.reverses_id')
    .select((eb) => [
      'line.account_id',
      eb.fn.coalesce('original.kind', 'entry.kind').as('event'),
      eb.fn.sum<number>('line.amount').as('amount'),
      sql<number>`sum(CASE WHEN line.amount < 0 THEN -line.amount ELSE 0 END)`.as('credits'),
    ])
    .where('line.account_id', 'in', ids)
    .where('line.date', '>=', from)
    .where('line.date', '<=', to)
    .groupBy(['line.account_id', 'event'])
    .execute();
  return rows.map((row) => ({
    accountId: row.account_id,
    kind: row.event,
    amount: row.amount,
    credits: row.credits,
  }));
}

/** Credit-normal accounts (savings, share capital): what they hold is the credit balance. */
const held = (signed: number) => 0 - signed;

// ---------------------------------------------------------------------------------------------------------
// Share capital.

async function shareMovement(
  db: Kysely<Database>,
  from: string,
  to: string,
  capitalId: number,
  opening: number,
  closing: number,
): Promise<BoardShares> {
  const { sharePar } = await getCooperative(db);
  const counts = await db
    .selectFrom('share_movements')
    .select((eb) => [
      sql<number>`coalesce(sum(CASE WHEN date < ${from} THEN shares ELSE 0 END), 0)`.as('opening'),
      sql<number>`coalesce(sum(CASE WHEN date >= ${from} AND kind = 'purchase' THEN shares ELSE 0 END), 0)`.as(
        'bought',
      ),
      sql<number>`coalesce(sum(CASE WHEN date >= ${from} AND kind = 'transfer_in' THEN shares ELSE 0 END), 0)`.as(
        'transferred',
      ),
      sql<number>`coalesce(sum(CASE WHEN date >= ${from} AND kind = 'redemption' THEN -shares ELSE 0 END), 0)`.as(
        'redeemed',
      ),
      eb.fn.coalesce(eb.fn.sum<number>('shares'), eb.val(0)).as('closing'),
    ])
    .where('date', '<=', to)
    .executeTakeFirstOrThrow();
  const byKind = await monthByKind(db, [capitalId], from, to);
  const sumOf = (kind: string) => byKind.filter((k) => k.kind === kind).reduce((s, k) => s + k.amount, 0);
  const bought = held(sumOf('share_purchase'));
  const redeemed = sumOf('share_redemption');
  const transferred = byKind.filter((k) => k.kind === 'share_transfer').reduce((s, k) => s + k.credits, 0);
  return {
    par: sharePar,
    opening: { shares: counts.opening, capital: opening },
    bought: { shares: counts.bought, capital: bought },
    transferred: { shares: counts.transferred, capital: transferred },
    redeemed: { shares: counts.redeemed, capital: redeemed },
    other: {
      shares: counts.closing - counts.opening - counts.bought + counts.redeemed,
      capital: closing - opening - bought + redeemed,
    },
    closing: { shares: counts.closing, capital: closing },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Savings.

const WITHDRAWAL_KINDS = new Set(['savings_withdrawal', 'savings_close', 'share_redemption']);

function savingsMovement(
  currency: Currency,
  accountIds: readonly number[],
  opening: number,
  closing: number,
  byKind: readonly KindTotal[],
): BoardSavings {
  const mine = new Set(accountIds);
  let deposits = 0;
  let withdrawals = 0;
  let interest = 0;
  for (const k of byKind) {
    if (!mine.has(k.accountId)) continue;
    if (k.kind === 'savings_deposit') deposits += held(k.amount);
    else if (k.kind === 'interest') interest += held(k.amount);
    else if (WITHDRAWAL_KINDS.has(k.kind)) withdrawals += k.amount;
  }
  // What the kinds above do not explain; zero unless something else touched the accounts this month.
  const other = closing - opening - deposits + withdrawals - interest;
  return { currency, opening, deposits, withdrawals, interest, other, closing };
}

// ---------------------------------------------------------------------------------------------------------
// Income and expenses: the month beside the year to date.

function mergeSections(
  month: StatementSection | undefined,
  year: StatementSection | undefined,
): BoardIncomeSection {
  // Lines keyed by code, placed after their group: a line may appear in one period only.
  const merged = new Map<string, BoardIncomeLine & { order: string }>();
  const add = (section: StatementSection | undefined, field: 'month' | 'yearToDate') => {
    let group = '';
    for (const line of (section?.lines ?? []) as StatementLine[]) {
      if (line.depth === 0) group = line.code;
      const order = line.depth === 0 ? `${line.code}` : `${group}\u0000${line.code}`;
      const entry = merged.get(order) ?? {
        order,
        code: line.code,
        nameKm: line.nameKm,
        nameEn: line.nameEn,
        depth: line.depth,
        isGroup: line.isGroup,
        month: 0,
        yearToDate: 0,
      };
      entry[field] = line.amount;
      merged.set(order, entry);
    }
  };
  add(month, 'month');
  add(year, 'yearToDate');
  const lines = [...merged.values()]
    .sort((a, b) => (a.order < b.order ? -1 : 1))
    .map(({ order: _order, ...line }) => line);
  return { lines, month: month?.total ?? 0, yearToDate: year?.total ?? 0 };
}

// ---------------------------------------------------------------------------------------------------------

/**
 * Savings and share capital at twelve month ends. The balance before the first comes from balanceAt; each
 * month then adds its own total, kept by the database per account and month, so that no line is read for
 * the eleven month ends before the last.
 */
export async function trendSeries(
  db: Kysely<Database>,
  months: readonly string[],
  capitalId: number,
  products: readonly { account_id: number; currency: Currency }[],
): Promise<BoardTrendPoint[]> {
  const first = months[0];
  const last = months.at(-1);
  if (first === undefined || last === undefined) return [];
  const ids = [capitalId, ...products.map((p) => p.account_id)];
  const [base, totals] = await Promise.all([
    balanceAt(db, ids, lastDayOf(addMonth(first, -1))),
    db
      .selectFrom('account_month_totals')
      .select(['account_id', 'month', 'amount'])
      .where('account_id', 'in', sql<number>`(SELECT value FROM json_each(${JSON.stringify(ids)}))`)
      .where('month', '>=', first)
      .where('month', '<=', last)
      .execute(),
  ]);
  const running = new Map(ids.map((id) => [id, base.get(id) ?? 0]));
  const sumHeld = (accountIds: readonly number[]) =>
    accountIds.reduce((sum, id) => sum + held(running.get(id) ?? 0), 0);
  const savingsIn = (currency: Currency) =>
    products.filter((p) => p.currency === currency).map((p) => p.account_id);
  return months.map((m) => {
    for (const row of totals) {
      if (row.month === m) running.set(row.account_id, (running.get(row.account_id) ?? 0) + row.amount);
    }
    return {
      month: m,
      savingsKhr: sumHeld(savingsIn('KHR')),
      savingsUsd: sumHeld(savingsIn('USD')),
      shareCapital: sumHeld([capitalId]),
    };
  });
}

/** The monthly board statement of `month` (YYYY-MM). */
export async function boardStatement(db: Kysely<Database>, month: string): Promise<BoardStatement> {
  splitMonth(month);
  const from = `${month}-01`;
  const to = lastDayOf(month);
  const cooperative = await getCooperative(db);
  const yearFrom = fiscalYearStart(month, cooperative.fiscalYearStartMonth);

  const chart = await listAccounts(db);
  const capital = await accountByRole(db, 'share_capital');
  const products = await db.selectFrom('savings_products').select(['account_id', 'currency']).execute();
  const savingsIds = (currency: Currency) =>
    products.filter((p) => p.currency === currency).map((p) => p.account_id);
  const money = chart.filter(
    (a): a is Account & { currency: Currency } => (a.isCash || a.isBank) && a.currency !== null,
  );

  const trendMonths = Array.from({ length: 12 }, (_, i) => addMonth(month, i - 11));
  const heldIds = [capital.id, ...products.map((p) => p.account_id)];
  const [atOpening, atClosing, trend, moneyBalances, monthIncome, yearIncome, sheet, people, savingsKinds] =
    await Promise.all([
      balanceAt(db, heldIds, lastDayOf(addMonth(month, -1))),
      balanceAt(db, heldIds, to),
      trendSeries(db, trendMonths, capital.id, products),
      balanceAt(
        db,
        money.map((a) => a.id),
        to,
      ),
      incomeStatement(db, from, to),
      incomeStatement(db, yearFrom, to),
      balanceSheet(db, to),
      membership(db, from, to),
      monthByKind(
        db,
        products.map((p) => p.account_id),
        from,
        to,
      ),
    ]);
  const sumHeld = (balances: Map<number, number> | undefined, ids: readonly number[]) =>
    ids.reduce((sum, id) => sum + held(balances?.get(id) ?? 0), 0);

  const shares = await shareMovement(
    db,
    from,
    to,
    capital.id,
    sumHeld(atOpening, [capital.id]),
    sumHeld(atClosing, [capital.id]),
  );

  const savings = CURRENCIES.flatMap((currency) => {
    const ids = savingsIds(currency);
    if (ids.length === 0) return [];
    const s = savingsMovement(currency, ids, sumHeld(atOpening, ids), sumHeld(atClosing, ids), savingsKinds);
    const nothing = [s.opening, s.deposits, s.withdrawals, s.interest, s.other, s.closing].every(
      (n) => n === 0,
    );
    return nothing ? [] : [s];
  });

  const cash = CURRENCIES.flatMap((currency) => {
    const accounts: BoardMoneyAccount[] = money
      .filter((a) => a.currency === currency)
      .map((a) => ({
        accountId: a.id,
        code: a.code,
        nameKm: a.nameKm,
        nameEn: a.nameEn,
        kind: a.isCash ? ('cash' as const) : ('bank' as const),
        // Assets: the debit balance is what the box or the bank holds.
        balance: isDebitNormal(a.type) ? (moneyBalances.get(a.id) ?? 0) : held(moneyBalances.get(a.id) ?? 0),
        active: a.active,
      }))
      .filter((a) => a.active || a.balance !== 0)
      .map(({ active: _active, ...a }) => a);
    if (accounts.length === 0) return [];
    const total = (kind: 'cash' | 'bank') =>
      accounts.filter((a) => a.kind === kind).reduce((sum, a) => sum + a.balance, 0);
    return [
      { currency, accounts, cash: total('cash'), bank: total('bank'), total: total('cash') + total('bank') },
    ];
  });

  const income = CURRENCIES.flatMap((currency): BoardIncome[] => {
    const m = monthIncome.currencies.find((c) => c.currency === currency);
    const y = yearIncome.currencies.find((c) => c.currency === currency);
    if (!m && !y) return [];
    return [
      {
        currency,
        income: mergeSections(m?.income, y?.income),
        expenses: mergeSections(m?.expenses, y?.expenses),
        surplus: { month: m?.surplus ?? 0, yearToDate: y?.surplus ?? 0 },
      },
    ];
  });

  const balance = sheet.currencies.map((c) => ({
    currency: c.currency,
    assets: c.assets.total,
    liabilities: c.liabilities.total,
    equity: c.equity.total,
    surplus: c.surplus,
    difference: c.difference,
  }));

  return {
    month,
    from,
    to,
    yearFrom,
    membership: people,
    shares,
    savings,
    cash,
    income,
    balance,
    trend,
    inputs: (await hasInputsBusiness(db)) ? await boardInputs(db, yearFrom, from, to) : null,
  };
}
