// The home screen's figures (SPEC 2.11). Balances come from balanceAt and the 12-month trend of savings and
// share capital from the board statement's trendSeries, both of which add up the monthly totals the database
// keeps; deposits and withdrawals read a year of lines on the riel savings accounts from the
// covering (account, date, entry, amount) index; input credit is the aging's own total.

import { type Kysely, sql } from 'kysely';
import type { HomeSummary, HomeTrendPoint } from '../../shared/home';
import type { Currency } from '../../shared/khmer';
import { currencySchema } from '../../shared/ledger';
import type { Database } from '../db/schema';
import { hasInputsBusiness } from '../inputs/board-figures';
import { creditAging } from '../inputs/credit';
import { accountByRole } from '../ledger/accounts';
import { balanceAt } from '../ledger/statements';
import { addMonth, lastDayOf, trendSeries } from '../reports/board-data';

const CURRENCIES: readonly Currency[] = currencySchema.options;
const TREND_MONTHS = 12;

/** Credit-normal accounts (savings, share capital) hold their credit balance. */
const held = (signed: number) => 0 - signed;

/** Members at the end of each month, and today's active members, women and newcomers, in one pass. */
async function memberFigures(db: Kysely<Database>, months: readonly string[], today: string) {
  const ends = months.map((m) => (m === today.slice(0, 7) ? today : lastDayOf(m)));
  const columns = ends.map(
    (end, i) =>
      sql`sum(join_date <= ${end} AND (exit_date IS NULL OR exit_date > ${end})) AS ${sql.ref(`m${i}`)}`,
  );
  const { rows } = await sql<Record<string, number | null>>`
    SELECT
      sum(status = 'active') AS active,
      sum(status = 'active' AND sex = 'F') AS women,
      sum(join_date >= ${`${today.slice(0, 7)}-01`} AND join_date <= ${today}) AS joined,
      ${sql.join(columns)}
    FROM members
  `.execute(db);
  const row = rows[0] ?? {};
  return {
    counts: { active: row.active ?? 0, women: row.women ?? 0, newThisMonth: row.joined ?? 0 },
    atMonthEnd: months.map((_, i) => row[`m${i}`] ?? 0),
  };
}

interface Flow {
  month: string;
  credits: number;
  debits: number;
}

/**
 * Riel savings paid in and out in each of `months`, up to `today`. Every line of the year is added up once,
 * month by month (twelve plain range sums over the covering (account, date, amount) index: grouping the
 * year's lines by an expression sorts them all and costs three times as much); then what is not a deposit
 * or a withdrawal is taken out, from few rows: interest (a run's one line on the interest expense account
 * is what it credits to the savers) and reversals (their own lines: a reversed deposit takes the deposit
 * back and is no withdrawal, as on the board statement).
 */
async function depositsAndWithdrawals(
  db: Kysely<Database>,
  accountIds: readonly number[],
  interestExpenseId: number,
  months: readonly string[],
  today: string,
): Promise<Map<string, { deposits: number; withdrawals: number }>> {
  const byMonth = new Map<string, { deposits: number; withdrawals: number }>();
  const from = `${months[0]}-01`;
  if (accountIds.length === 0 || months.length === 0) return byMonth;
  const ids = sql`(SELECT value FROM json_each(${JSON.stringify(accountIds)}))`;
  const sums = sql`coalesce(sum(CASE WHEN line.amount < 0 THEN -line.amount ELSE 0 END), 0) AS credits,
    coalesce(sum(CASE WHEN line.amount > 0 THEN line.amount ELSE 0 END), 0) AS debits`;
  const perMonth = months.map(
    (m) => sql`SELECT ${m} AS month, ${sums} FROM journal_lines AS line
      WHERE line.account_id IN ${ids} AND line.date BETWEEN ${`${m}-01`} AND ${m === today.slice(0, 7) ? today : lastDayOf(m)}`,
  );
  const [all, interest, reversals] = await Promise.all([
    sql<Flow>`${sql.join(perMonth, sql` UNION ALL `)}`.execute(db),
    // A run debits the expense (credits savers); its reversal credits it (debits savers).
    sql<Flow>`SELECT substr(line.date, 1, 7) AS month, ${sums}
      FROM journal_lines AS line
      JOIN journal_entries AS entry ON entry.id = line.entry_id
      LEFT JOIN journal_entries AS original ON original.id = entry.reverses_id
      WHERE line.account_id = ${interestExpenseId} AND line.date BETWEEN ${from} AND ${today}
        AND coalesce(original.kind, entry.kind) = 'interest'
      GROUP BY month`.execute(db),
    // From the index of reversals (few) to their lines: CROSS JOIN keeps that order, and '+' keeps SQLite
    // from the entries' date index (a year of entries) and the lines' account index (all of them).
    sql<Flow>`SELECT substr(line.date, 1, 7) AS month, ${sums}
      FROM journal_entries AS entry
      CROSS JOIN journal_entries AS original ON original.id = entry.reverses_id
      CROSS JOIN journal_lines AS line ON line.entry_id = entry.id
      WHERE entry.reverses_id > 0 AND +entry.date BETWEEN ${from} AND ${today}
        AND original.kind <> 'interest' AND +line.account_id IN ${ids}
      GROUP BY month`.execute(db),
  ]);
  const find = (rows: readonly Flow[], month: string) => rows.find((r) => r.month === month);
  for (const row of all.rows) {
    const run = find(interest.rows, row.month);
    const back = find(reversals.rows, row.month);
    // The expense's debits are the savers' credits, and its credits their debits.
    const interestCredits = run?.debits ?? 0;
    const interestDebits = run?.credits ?? 0;
    const reversed = (back?.credits ?? 0) + (back?.debits ?? 0);
    byMonth.set(row.month, {
      deposits: row.credits - interestCredits - reversed,
      withdrawals: row.debits - interestDebits - reversed,
    });
  }
  return byMonth;
}

/** Months that have ended since the first posting and are not closed. */
async function openMonths(db: Kysely<Database>, today: string): Promise<string[]> {
  const first = await db
    .selectFrom('journal_entries')
    .select((eb) => eb.fn.min('date').as('date'))
    .executeTakeFirst();
  if (!first?.date) return [];
  const closed = new Set(
    (await db.selectFrom('closed_months').select('month').execute()).map((r) => r.month),
  );
  const open: string[] = [];
  for (let month = first.date.slice(0, 7); month < today.slice(0, 7); month = addMonth(month, 1)) {
    if (!closed.has(month)) open.push(month);
  }
  return open;
}

/** Everything the home screen shows, at the end of `today`. */
export async function homeSummary(
  db: Kysely<Database>,
  today: string,
  lastBackup: string | null,
): Promise<HomeSummary> {
  const thisMonth = today.slice(0, 7);
  const months = Array.from({ length: TREND_MONTHS }, (_, i) => addMonth(thisMonth, i - (TREND_MONTHS - 1)));
  const [chart, products, capital, interestExpense] = await Promise.all([
    db
      .selectFrom('accounts')
      .select(['id', 'currency', 'is_cash', 'is_bank'])
      .where((eb) => eb.or([eb('is_cash', '=', 1), eb('is_bank', '=', 1)]))
      .execute(),
    db.selectFrom('savings_products').select(['account_id', 'currency']).execute(),
    accountByRole(db, 'share_capital'),
    accountByRole(db, 'interest_paid_khr'),
  ]);
  const savingsIds = (currency: Currency) =>
    products.filter((p) => p.currency === currency).map((p) => p.account_id);
  const balances = await balanceAt(
    db,
    [...chart.map((a) => a.id), capital.id, ...products.map((p) => p.account_id)],
    today,
  );
  const total = (ids: readonly number[], sign: (n: number) => number) =>
    ids.reduce((sum, id) => sum + sign(balances.get(id) ?? 0), 0);
  const money = (flag: 'is_cash' | 'is_bank') =>
    CURRENCIES.flatMap((currency) => {
      const ids = chart.filter((a) => a[flag] === 1 && a.currency === currency).map((a) => a.id);
      return ids.length === 0 ? [] : [{ currency, amount: total(ids, (n) => n) }];
    });

  const [trend, people, flows, open, aging] = await Promise.all([
    trendSeries(db, months, capital.id, products),
    memberFigures(db, months, today),
    depositsAndWithdrawals(db, savingsIds('KHR'), interestExpense.id, months, today),
    openMonths(db, today),
    hasInputsBusiness(db).then((yes) => (yes ? creditAging(db, today) : null)),
  ]);
  const points: HomeTrendPoint[] = trend.map((point, i) => ({
    month: point.month,
    savingsKhr: point.savingsKhr,
    savingsUsd: point.savingsUsd,
    shareCapital: point.shareCapital,
    depositsKhr: flows.get(point.month)?.deposits ?? 0,
    withdrawalsKhr: flows.get(point.month)?.withdrawals ?? 0,
    members: people.atMonthEnd[i] ?? 0,
  }));
  return {
    today,
    cash: money('is_cash'),
    bank: money('is_bank'),
    members: people.counts,
    shareCapital: total([capital.id], held),
    savings: CURRENCIES.flatMap((currency) => {
      const ids = savingsIds(currency);
      return ids.length === 0 ? [] : [{ currency, amount: total(ids, held) }];
    }),
    inputCredit: aging
      ? { outstanding: aging.totals.total, overdue: aging.totals.total - aging.totals.current }
      : null,
    openMonths: open,
    lastBackup,
    trend: points,
  };
}
