import type BetterSqlite3 from 'better-sqlite3';
import {
  HEALTH_CHECKS,
  type HealthCheckName,
  type HealthFinding,
  type HealthReport,
} from '../../shared/health';

const LIMIT = 200;

/**
 * Checks what the books must always be, read straight from the ledger's own rows (not from the
 * statements built on them, which could hide what they add up): every entry and each currency balances,
 * member sub-ledgers and month totals agree with their accounts, no member's savings below zero, nothing
 * posted into a month after it was closed, and cash on hand never below zero at the end of any day.
 * Reads only: a review copy's read-only connection runs it.
 */
export function healthCheck(sqlite: BetterSqlite3.Database): HealthReport {
  const entries = rows<{
    entryId: number;
    number: string | null;
    date: string;
    currency: string;
    amount: number;
  }>(
    sqlite,
    // A line whose entry is gone (an edit outside the app) still counts, named by its own date.
    `SELECT l.entry_id AS entryId, e.number, MIN(l.date) AS date, a.currency, SUM(l.amount) AS amount
     FROM journal_lines l JOIN accounts a ON a.id = l.account_id LEFT JOIN journal_entries e ON e.id = l.entry_id
     GROUP BY l.entry_id, a.currency HAVING SUM(l.amount) <> 0 ORDER BY date, l.entry_id`,
  );
  // Balanced entries add nothing to a currency's total: the books' imbalance is the unbalanced entries'.
  const books = new Map<string, number>();
  for (const e of entries) books.set(e.currency, (books.get(e.currency) ?? 0) + e.amount);
  const all: HealthFinding[] = [
    ...[...books]
      .filter(([, amount]) => amount !== 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, amount]) => ({ check: 'balance' as const, kind: 'books' as const, currency, amount })),
    ...entries.map((r) => ({ check: 'balance' as const, kind: 'entry' as const, ...r })),
    ...rows<{ accountId: number; accountCode: string; amount: number }>(
      sqlite,
      `SELECT a.id AS accountId, a.code AS accountCode, SUM(l.amount) AS amount
       FROM journal_lines l JOIN accounts a ON a.id = l.account_id
       WHERE a.is_control = 1 AND l.member_id IS NULL GROUP BY a.id HAVING SUM(l.amount) <> 0 ORDER BY a.code`,
    ).map((r) => ({ check: 'control' as const, kind: 'no_member' as const, ...r })),
    ...rows<{ accountId: number; accountCode: string; month: string; totals: number; lines: number }>(
      sqlite,
      `WITH sums AS (SELECT account_id, substr(date, 1, 7) AS month, SUM(amount) AS lines
                     FROM journal_lines GROUP BY account_id, month),
            both AS (SELECT s.account_id, s.month, COALESCE(t.amount, 0) AS totals, s.lines FROM sums s
                     LEFT JOIN account_month_totals t ON t.account_id = s.account_id AND t.month = s.month
                     UNION ALL
                     SELECT t.account_id, t.month, t.amount, 0 FROM account_month_totals t
                     WHERE NOT EXISTS (SELECT 1 FROM sums s WHERE s.account_id = t.account_id AND s.month = t.month))
       SELECT b.account_id AS accountId, a.code AS accountCode, b.month, b.totals, b.lines
       FROM both b JOIN accounts a ON a.id = b.account_id WHERE b.totals <> b.lines ORDER BY a.code, b.month`,
    ).map((r) => ({ check: 'control' as const, kind: 'month_totals' as const, ...r })),
    // Savings are a liability: debit-positive amounts, so a member's negative savings sum above zero.
    ...rows<{
      memberId: number;
      memberNumber: number;
      memberName: string;
      accountId: number;
      accountCode: string;
      balance: number;
    }>(
      sqlite,
      `SELECT m.id AS memberId, m.number AS memberNumber, m.name_km AS memberName, a.id AS accountId,
              a.code AS accountCode, -SUM(l.amount) AS balance
       FROM journal_lines l JOIN accounts a ON a.id = l.account_id JOIN members m ON m.id = l.member_id
       WHERE a.id IN (SELECT account_id FROM savings_products)
       GROUP BY m.id, a.id HAVING SUM(l.amount) > 0 ORDER BY m.number, a.code`,
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
      `SELECT e.id AS entryId, e.number, e.date, c.month, c.closed_at AS closedAt, e.created_at AS createdAt
       FROM journal_entries e JOIN closed_months c ON c.month = substr(e.date, 1, 7)
       WHERE e.created_at > c.closed_at ORDER BY e.date, e.id`,
    ).map((r) => ({ check: 'closed_months' as const, kind: 'posted_after_close' as const, ...r })),
    ...negativeCash(sqlite),
  ];
  const checks = Object.fromEntries(HEALTH_CHECKS.map((name) => [name, 0])) as Record<
    HealthCheckName,
    number
  >;
  for (const finding of all) checks[finding.check] += 1;
  return { checks, findings: all.slice(0, LIMIT), healthy: all.length === 0 };
}

const rows = <T>(sqlite: BetterSqlite3.Database, query: string): T[] => sqlite.prepare(query).all() as T[];

/** Each cash account's first day ending below zero, with how many days did. */
function negativeCash(sqlite: BetterSqlite3.Database): HealthFinding[] {
  const days = rows<{
    accountId: number;
    accountCode: string;
    currency: string;
    date: string;
    balance: number;
  }>(
    sqlite,
    `WITH daily AS (
       SELECT l.account_id, l.date, SUM(SUM(l.amount)) OVER (PARTITION BY l.account_id ORDER BY l.date) AS balance
       FROM journal_lines l JOIN accounts a ON a.id = l.account_id WHERE a.is_cash = 1
       GROUP BY l.account_id, l.date)
     SELECT d.account_id AS accountId, a.code AS accountCode, a.currency, d.date, d.balance
     FROM daily d JOIN accounts a ON a.id = d.account_id WHERE d.balance < 0 ORDER BY a.code, d.date`,
  );
  const first = new Map<number, HealthFinding & { check: 'cash' }>();
  for (const day of days) {
    const seen = first.get(day.accountId);
    if (seen) seen.days += 1;
    else first.set(day.accountId, { check: 'cash', kind: 'negative', ...day, days: 1 });
  }
  return [...first.values()];
}
