import type BetterSqlite3 from 'better-sqlite3';
import {
  HEALTH_CHECKS,
  type HealthCheckName,
  type HealthFinding,
  type HealthReport,
} from '../../shared/health';
import { verifyAudit } from '../audit/verify';
import { YEAR_CLOSE_KIND } from '../ledger/posting';

const LIMIT = 200;

/**
 * Checks what the books must always be, read straight from the ledger's own rows (not from the
 * statements built on them, which could hide what they add up): every entry and each currency balances,
 * member sub-ledgers and month totals agree with their accounts, no member's savings below zero, nothing
 * posted into a month after it was closed, cash on hand never below zero at the end of any day, and the
 * audit chain intact with the books agreeing with it.
 * Reads only: a review copy's read-only connection runs it.
 *
 * The lines are read in few passes, each along an index that holds what it adds up: per account and day
 * (month totals, lines without a member, cash), per member and account (savings) and per entry.
 */
export function healthCheck(sqlite: BetterSqlite3.Database): HealthReport {
  const days = accountDays(sqlite);
  const accounts = accountsById(sqlite);
  const entries = unbalancedEntries(sqlite, days, accounts);
  // Balanced entries add nothing to a currency's total: the books' imbalance is the unbalanced entries'.
  const books = new Map<string, number>();
  for (const e of entries) books.set(e.currency, (books.get(e.currency) ?? 0) + e.amount);
  const all: HealthFinding[] = [
    ...[...books]
      .filter(([, amount]) => amount !== 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, amount]) => ({ check: 'balance' as const, kind: 'books' as const, currency, amount })),
    ...entries.map((r) => ({ check: 'balance' as const, kind: 'entry' as const, ...r })),
    ...controlFindings(sqlite, days, accounts),
    // Savings are a liability: debit-positive amounts, so a member's negative savings sum above zero.
    // Along the member index (the + keeps the planner off the account index, which needs a sort).
    ...rows<{
      memberId: number;
      memberNumber: number;
      memberName: string;
      accountId: number;
      accountCode: string;
      balance: number;
    }>(
      sqlite,
      `WITH below AS (SELECT l.member_id, l.account_id, -SUM(l.amount) AS balance FROM journal_lines l
                      WHERE l.member_id IS NOT NULL AND +l.account_id IN (SELECT account_id FROM savings_products)
                      GROUP BY l.member_id, l.account_id HAVING SUM(l.amount) > 0)
       SELECT m.id AS memberId, m.number AS memberNumber, m.name_km AS memberName, a.id AS accountId,
              a.code AS accountCode, b.balance
       FROM below b JOIN accounts a ON a.id = b.account_id JOIN members m ON m.id = b.member_id
       ORDER BY m.number, a.code`,
    ).map((r) => ({ check: 'savings' as const, kind: 'negative' as const, ...r })),
    ...rows<{
      entryId: number;
      number: string | null;
      date: string;
      month: string;
      closedAt: string;
      createdAt: string;
    }>(
      sqlite,
      // Each closed month's entries by the date index: every date that starts with the month. The year
      // close is the one entry the ledger posts into its year's closed last month, by design.
      `SELECT e.id AS entryId, e.number, e.date, c.month, c.closed_at AS closedAt, e.created_at AS createdAt
       FROM closed_months c JOIN journal_entries e
         ON e.date >= c.month AND e.date < c.month || char(1114111) AND substr(e.date, 1, 7) = c.month
       WHERE e.created_at > c.closed_at AND e.kind <> '${YEAR_CLOSE_KIND}' ORDER BY e.date, e.id`,
    ).map((r) => ({ check: 'closed_months' as const, kind: 'posted_after_close' as const, ...r })),
    ...negativeCash(days, accounts),
    ...verifyAudit(sqlite).findings.map((finding) => ({
      check: 'audit' as const,
      kind: 'audit' as const,
      finding,
    })),
  ];
  const checks = Object.fromEntries(HEALTH_CHECKS.map((name) => [name, 0])) as Record<
    HealthCheckName,
    number
  >;
  for (const finding of all) checks[finding.check] += 1;
  return { checks, findings: all.slice(0, LIMIT), healthy: all.length === 0 };
}

type Unbalanced = { entryId: number; number: string | null; date: string; currency: string; amount: number };

/**
 * Each entry's imbalance per currency. An entry whose lines add up to nil, and whose lines in each other
 * currency do too, balances in riel as well: the first sum is taken along the entry index, the second over
 * the few lines not in riel. With the entries that have a line on an account that is gone, that leaves
 * only the entries to look at.
 */
function unbalancedEntries(
  sqlite: BetterSqlite3.Database,
  days: readonly AccountDay[],
  accounts: ReadonlyMap<number, AccountRow>,
): Unbalanced[] {
  const gone = [...new Set(days.map((d) => d.accountId).filter((id) => !accounts.has(id)))];
  const suspects = sqlite
    .prepare(
      `SELECT entry_id FROM journal_lines GROUP BY entry_id HAVING SUM(amount) <> 0
       UNION
       SELECT l.entry_id FROM journal_lines l JOIN accounts a ON a.id = l.account_id
       WHERE l.account_id IN (SELECT id FROM accounts WHERE currency IS NOT 'KHR')
       GROUP BY l.entry_id, a.currency HAVING SUM(l.amount) <> 0
       UNION
       SELECT entry_id FROM journal_lines WHERE account_id IN (SELECT value FROM json_each(?))`,
    )
    .pluck()
    .all(JSON.stringify(gone)) as number[];
  if (suspects.length === 0) return [];
  // A line whose entry is gone (an edit outside the app) still counts, named by its own date.
  return sqlite
    .prepare(
      `SELECT l.entry_id AS entryId, e.number, MIN(l.date) AS date, a.currency, SUM(l.amount) AS amount
       FROM journal_lines l JOIN accounts a ON a.id = l.account_id LEFT JOIN journal_entries e ON e.id = l.entry_id
       WHERE l.entry_id IN (SELECT value FROM json_each(?))
       GROUP BY l.entry_id, a.currency HAVING SUM(l.amount) <> 0 ORDER BY date, l.entry_id`,
    )
    .all(JSON.stringify(suspects)) as Unbalanced[];
}

interface AccountDay {
  accountId: number;
  date: string;
  amount: number;
  /** What the day's lines without a member add up to. */
  unassigned: number;
}

/** Every account's lines summed per day, in account and date order: one pass along their covering index. */
const accountDays = (sqlite: BetterSqlite3.Database) =>
  rows<AccountDay>(
    sqlite,
    `SELECT account_id AS accountId, date, SUM(amount) AS amount,
            COALESCE(SUM(amount) FILTER (WHERE member_id IS NULL), 0) AS unassigned
     FROM journal_lines GROUP BY account_id, date ORDER BY account_id, date`,
  );

interface AccountRow {
  id: number;
  code: string;
  currency: string;
  is_control: number;
  is_cash: number;
}

const accountsById = (sqlite: BetterSqlite3.Database) =>
  new Map(
    rows<AccountRow>(sqlite, 'SELECT id, code, currency, is_control, is_cash FROM accounts').map((a) => [
      a.id,
      a,
    ]),
  );

const byCode = (a: { accountCode: string }, b: { accountCode: string }) =>
  a.accountCode < b.accountCode ? -1 : a.accountCode > b.accountCode ? 1 : 0;

/** Control accounts' lines that name no member, and month totals that disagree with the lines. */
function controlFindings(
  sqlite: BetterSqlite3.Database,
  days: readonly AccountDay[],
  accounts: ReadonlyMap<number, AccountRow>,
): HealthFinding[] {
  const unassigned = new Map<number, number>();
  const months = new Map<string, { accountId: number; month: string; totals: number; lines: number }>();
  for (const day of days) {
    if (!accounts.has(day.accountId)) continue;
    unassigned.set(day.accountId, (unassigned.get(day.accountId) ?? 0) + day.unassigned);
    const month = day.date.slice(0, 7);
    const key = `${day.accountId} ${month}`;
    const sum = months.get(key);
    if (sum) sum.lines += day.amount;
    else months.set(key, { accountId: day.accountId, month, totals: 0, lines: day.amount });
  }
  for (const total of rows<{ accountId: number; month: string; amount: number }>(
    sqlite,
    'SELECT account_id AS accountId, month, amount FROM account_month_totals',
  )) {
    if (!accounts.has(total.accountId)) continue;
    const key = `${total.accountId} ${total.month}`;
    const sum = months.get(key);
    if (sum) sum.totals = total.amount;
    else months.set(key, { accountId: total.accountId, month: total.month, totals: total.amount, lines: 0 });
  }
  const code = (id: number) => accounts.get(id)?.code ?? '';
  const noMember = [...unassigned]
    .filter(([id, amount]) => amount !== 0 && accounts.get(id)?.is_control === 1)
    .map(([accountId, amount]) => ({
      check: 'control' as const,
      kind: 'no_member' as const,
      accountId,
      accountCode: code(accountId),
      amount,
    }))
    .sort(byCode);
  const disagree = [...months.values()]
    .filter((m) => m.totals !== m.lines)
    .map((m) => ({
      check: 'control' as const,
      kind: 'month_totals' as const,
      accountCode: code(m.accountId),
      ...m,
    }))
    .sort((a, b) => byCode(a, b) || (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  return [...noMember, ...disagree];
}

const rows = <T>(sqlite: BetterSqlite3.Database, query: string): T[] => sqlite.prepare(query).all() as T[];

/** Each cash account's first day ending below zero, with how many days did. */
function negativeCash(
  days: readonly AccountDay[],
  accounts: ReadonlyMap<number, AccountRow>,
): HealthFinding[] {
  const first = new Map<number, HealthFinding & { check: 'cash' }>();
  let balance = 0;
  let previous: number | undefined;
  for (const day of days) {
    const account = accounts.get(day.accountId);
    if (account?.is_cash !== 1) continue;
    if (day.accountId !== previous) [balance, previous] = [0, day.accountId];
    balance += day.amount;
    if (balance >= 0) continue;
    const seen = first.get(day.accountId);
    if (seen) seen.days += 1;
    else
      first.set(day.accountId, {
        check: 'cash',
        kind: 'negative',
        accountId: account.id,
        accountCode: account.code,
        currency: account.currency,
        date: day.date,
        balance,
        days: 1,
      });
  }
  return [...first.values()].sort(byCode);
}
