import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { healthCheck } from '../../../main/backup/health';
import type { OpenedDatabase } from '../../../main/db/open';
import { demoBooks, scratchDir } from './books';

let scratch: ReturnType<typeof scratchDir>;
let books: OpenedDatabase;
beforeEach(async () => {
  scratch = scratchDir();
  books = await demoBooks(join(scratch.dir, 'sahakum.db'));
});
afterEach(async () => {
  await books.close();
  scratch.done();
});

const one = <T>(sql: string, ...params: unknown[]) => books.sqlite.prepare(sql).get(...params) as T;
// An edit made to the file outside the app: the immutability triggers dropped first.
const tamper = (sql: string, ...params: unknown[]) => {
  for (const action of ['update', 'delete'])
    books.sqlite.exec(`DROP TRIGGER IF EXISTS journal_lines_no_${action}`);
  books.sqlite.prepare(sql).run(...params);
};

describe('the health check', () => {
  it('finds nothing wrong in books the app kept', () => {
    expect(healthCheck(books.sqlite)).toEqual({
      checks: { balance: 0, control: 0, savings: 0, closed_months: 0, cash: 0, audit: 0 },
      findings: [],
      healthy: true,
    });
  });

  it('names an edit outside the app that the audit trail did not seal', () => {
    const last = one<{ id: number }>('SELECT max(id) AS id FROM audit_log').id;
    books.sqlite.prepare("UPDATE members SET village = 'ត្រពាំង' WHERE id = 2").run();
    const report = healthCheck(books.sqlite);
    expect(report.healthy).toBe(false);
    expect(report.checks.audit).toBe(1);
    expect(report.findings.filter((f) => f.check === 'audit')).toEqual([
      {
        check: 'audit',
        kind: 'audit',
        finding: { kind: 'unsealed', logId: last + 1, tableName: 'members', rowId: 2, rowKey: null },
      },
    ]);
  });

  it('names the entry and currency that no longer balance, and the month total that disagrees', () => {
    const line = one<{ id: number; entry_id: number; account_id: number; date: string }>(
      `SELECT l.id, l.entry_id, l.account_id, l.date FROM journal_lines l JOIN accounts a ON a.id = l.account_id
       WHERE a.code = '4101' OR a.type = 'income' ORDER BY l.id LIMIT 1`,
    );
    tamper('UPDATE journal_lines SET amount = amount - 500 WHERE id = ?', line.id);
    const report = healthCheck(books.sqlite);
    expect(report.healthy).toBe(false);
    expect(report.checks.balance).toBe(2);
    const entry = one<{ number: string | null }>(
      'SELECT number FROM journal_entries WHERE id = ?',
      line.entry_id,
    );
    expect(report.findings).toContainEqual({
      check: 'balance',
      kind: 'books',
      currency: 'KHR',
      amount: -500,
    });
    expect(report.findings).toContainEqual({
      check: 'balance',
      kind: 'entry',
      entryId: line.entry_id,
      number: entry.number,
      date: line.date,
      currency: 'KHR',
      amount: -500,
    });
    const code = one<{ code: string }>('SELECT code FROM accounts WHERE id = ?', line.account_id).code;
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        check: 'control',
        kind: 'month_totals',
        accountCode: code,
        month: line.date.slice(0, 7),
      }),
    );
  });

  it("names the member whose savings went below zero and cash's first day below zero", () => {
    const saving = one<{ id: number; member_id: number; amount: number }>(
      `SELECT l.id, l.member_id, l.amount FROM journal_lines l WHERE l.account_id IN (SELECT account_id FROM savings_products)
       AND l.amount < 0 ORDER BY l.id LIMIT 1`,
    );
    tamper('UPDATE journal_lines SET amount = ? WHERE id = ?', 10_000_000_000, saving.id);
    const cash = one<{ id: number; date: string }>(
      `SELECT l.id, l.date FROM journal_lines l JOIN accounts a ON a.id = l.account_id WHERE a.code = '1101'
       ORDER BY l.date, l.id LIMIT 1`,
    );
    tamper('UPDATE journal_lines SET amount = ? WHERE id = ?', -9_000_000_000_000, cash.id);
    const report = healthCheck(books.sqlite);
    const member = one<{ number: number }>('SELECT number FROM members WHERE id = ?', saving.member_id);
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        check: 'savings',
        kind: 'negative',
        memberId: saving.member_id,
        memberNumber: member.number,
      }),
    );
    expect(report.findings).toContainEqual(
      expect.objectContaining({ check: 'cash', kind: 'negative', accountCode: '1101', date: cash.date }),
    );
  });

  it('names an entry posted into a month after it was closed', () => {
    // The close moved before the entries were made: as if they were slipped in after it.
    books.sqlite
      .prepare("UPDATE closed_months SET closed_at = '2000-01-01T00:00:00.000Z' WHERE month = '2026-02'")
      .run();
    const entry = one<{ id: number; date: string }>(
      "SELECT id, date FROM journal_entries WHERE substr(date, 1, 7) = '2026-02' ORDER BY id LIMIT 1",
    );
    const report = healthCheck(books.sqlite);
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        check: 'closed_months',
        entryId: entry.id,
        date: entry.date,
        month: '2026-02',
      }),
    );
  });
});
