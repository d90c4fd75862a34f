import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCooperative } from '../../main/cooperative/profile';
import { type OpenedDatabase, openDatabase } from '../../main/db/open';
import type { Database } from '../../main/db/schema';
import { createDemoCooperative, demoCooperativeProfile } from '../../main/demo/cooperative';
import { type MemberInfo, writeDemoLedger } from '../../main/demo/ledger-history';
import { demoMembers } from '../../main/demo/members';
import { balanceSheet, trialBalance } from '../../main/ledger/statements';
import { insertMember } from '../../main/members/register';

// A Tuesday late in a month, so that the last, unclosed month has collection days of its own.
const NOW = { today: '2026-03-24', timestamp: '2026-03-24T08:00:00.000Z' };
const DEMO = { members: 60, seed: 11, years: 2, now: NOW };
const KINDS = [
  'opening',
  'share_purchase',
  'savings_deposit',
  'savings_withdrawal',
  'interest',
  'receipt',
  'payment',
  'transfer',
  'exchange',
];

let dir: string;
const opened: OpenedDatabase[] = [];
let db: Kysely<Database>;

async function demoFile(name: string): Promise<Kysely<Database>> {
  const file = await openDatabase(join(dir, name));
  opened.push(file);
  await createDemoCooperative(file.db, DEMO);
  return file.db;
}

// Everything the books hold, in posting order: two runs must give exactly this, byte for byte.
async function dump(target: Kysely<Database>) {
  return {
    entries: await target.selectFrom('journal_entries').selectAll().orderBy('id').execute(),
    lines: await target.selectFrom('journal_lines').selectAll().orderBy('id').execute(),
    closed: await target.selectFrom('closed_months').selectAll().orderBy('month').execute(),
    sequences: await target.selectFrom('sequences').selectAll().orderBy('name').execute(),
  };
}

async function rows<T>(query: RawBuilder<T>, target = db): Promise<T[]> {
  return (await query.execute(target)).rows;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-demo-ledger-'));
  db = await demoFile('a.db');
});

afterAll(async () => {
  for (const file of opened) await file.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the demo books', () => {
  it('are the same for the same seed and day', async () => {
    const again = await demoFile('b.db');
    const first = await dump(db);
    expect(first.lines.length).toBeGreaterThan(3000);
    expect(await dump(again)).toEqual(first);
  });

  it('hold every kind of event, and nothing else', async () => {
    const kinds = await db.selectFrom('journal_entries').select('kind').distinct().execute();
    expect(kinds.map((k) => k.kind).sort()).toEqual([...KINDS].sort());
  });

  it('balance every entry in each currency', async () => {
    const unbalanced = await rows(sql`
      SELECT l.entry_id, a.currency, sum(l.amount) AS total
      FROM journal_lines l JOIN accounts a ON a.id = l.account_id
      GROUP BY l.entry_id, a.currency HAVING total <> 0`);
    expect(unbalanced).toEqual([]);
  });

  it('never leave cash on hand or the bank below zero at the end of any day', async () => {
    const days = await rows<{ code: string; date: string; balance: number }>(sql`
      SELECT code, date, sum(sum(amount)) OVER (PARTITION BY account_id ORDER BY date) AS balance
      FROM journal_lines JOIN accounts ON accounts.id = journal_lines.account_id
      WHERE is_cash = 1 OR is_bank = 1
      GROUP BY account_id, date`);
    expect(days.length).toBeGreaterThan(200);
    expect(days.filter((d) => d.balance < 0)).toEqual([]);
  });

  it('never let a member withdraw more than the savings they hold', async () => {
    const overdrawn = await rows(sql`
      SELECT * FROM (
        SELECT member_id, account_id, date,
               sum(sum(amount)) OVER (PARTITION BY member_id, account_id ORDER BY date) AS balance
        FROM journal_lines WHERE member_id IS NOT NULL GROUP BY member_id, account_id, date)
      WHERE balance > 0`);
    expect(overdrawn).toEqual([]);
  });

  it('give no member a line before the day they joined', async () => {
    const early = await rows(sql`
      SELECT l.id FROM journal_lines l JOIN members m ON m.id = l.member_id WHERE l.date < m.join_date`);
    expect(early).toEqual([]);
    // Everyone buys shares on the day of joining.
    const buyers = await rows<{ n: number }>(sql`
      SELECT count(DISTINCT l.member_id) AS n FROM journal_lines l
      JOIN journal_entries e ON e.id = l.entry_id JOIN members m ON m.id = l.member_id
      WHERE e.kind = 'share_purchase' AND l.date = m.join_date`);
    expect(buyers[0]?.n).toBe(DEMO.members);
  });

  it('number vouchers per kind without gaps, and leave the sequences where the app goes on', async () => {
    const numbered = await db
      .selectFrom('journal_entries')
      .select(['kind', 'number'])
      .where('number', 'is not', null)
      .orderBy('id')
      .execute();
    const sequences = new Map(
      (await db.selectFrom('sequences').selectAll().execute()).map((s) => [s.name, s]),
    );
    for (const [kind, prefix] of Object.entries({
      receipt: 'RV',
      payment: 'PV',
      transfer: 'TR',
      exchange: 'EX',
    })) {
      const numbers = numbered.filter((e) => e.kind === kind).map((e) => e.number);
      expect(numbers.length, kind).toBeGreaterThan(0);
      expect(numbers).toEqual(numbers.map((_, i) => `${prefix}-${String(i + 1).padStart(6, '0')}`));
      expect(sequences.get(`voucher_${kind}`)?.next_value).toBe(numbers.length + 1);
    }
  });

  it('post exchanges through both conversion accounts at a rate between 4000 and 4150', async () => {
    const exchanges = await rows<{ details: string; codes: string }>(sql`
      SELECT e.details, group_concat(a.code) AS codes FROM journal_entries e
      JOIN journal_lines l ON l.entry_id = e.id JOIN accounts a ON a.id = l.account_id
      WHERE e.kind = 'exchange' GROUP BY e.id`);
    expect(exchanges.length).toBeGreaterThan(0);
    for (const exchange of exchanges) {
      expect(exchange.codes.split(',')).toEqual(expect.arrayContaining(['3951', '3952']));
      const rate = Number((JSON.parse(exchange.details) as { rate: string }).rate);
      expect(rate).toBeGreaterThanOrEqual(4000);
      expect(rate).toBeLessThanOrEqual(4150.5);
    }
  });

  it('give a trial balance whose debits equal its credits, and a balance sheet that balances', async () => {
    for (const date of ['2024-03-24', '2024-12-31', '2025-06-15', '2025-12-31', NOW.today]) {
      const trial = await trialBalance(db, date);
      for (const totals of Object.values(trial.totals)) expect(totals.debit).toBe(totals.credit);
      const sheet = await balanceSheet(db, date);
      expect(sheet.currencies.map((c) => c.currency)).toEqual(['KHR', 'USD']);
      for (const currency of sheet.currencies) expect(currency.difference).toBe(0);
    }
  });

  it('close every month since the go-live date but the last two', async () => {
    const closed = (await db.selectFrom('closed_months').select('month').orderBy('month').execute()).map(
      (r) => r.month,
    );
    expect(closed[0]).toBe('2024-03');
    expect(closed.at(-1)).toBe('2026-01');
    expect(closed).toHaveLength(23);
    const log = await db.selectFrom('month_close_log').select(['month', 'action']).execute();
    expect(log).toEqual(closed.map((month) => ({ month, action: 'close' })));
  });
});

describe('members who left or died', () => {
  it('are paid out on the day they go, and have no line after it', async () => {
    const file = await openDatabase(join(dir, 'exits.db'));
    opened.push(file);
    const profile = demoCooperativeProfile(NOW.today, 2);
    await createCooperative(file.db, profile, NOW, { demo: true });
    const span = { foundedOn: profile.foundedOn, today: NOW.today };
    const members: MemberInfo[] = [];
    for (const input of demoMembers(30, 3, span)) members.push(await insertMember(file.db, input, NOW));
    const early = [...members].sort((x, y) => (x.joinDate < y.joinDate ? -1 : 1)).slice(0, 6);
    const gone = early.map(
      (m, i) => ({ ...m, status: i % 2 ? 'left' : 'deceased', exitDate: '2025-09-10' }) as const,
    );
    const info = members.map((m) => gone.find((g) => g.id === m.id) ?? m);
    await writeDemoLedger(file.db, {
      seed: 4,
      years: 2,
      members: info,
      today: NOW.today,
      actor: { ...NOW, user: 't' },
    });
    const ids = sql.join(gone.map((g) => g.id));
    const after = await rows(
      sql`SELECT id FROM journal_lines WHERE member_id IN (${ids}) AND date > '2025-09-10'`,
      file.db,
    );
    expect(after).toEqual([]);
    const paidOut = await rows(
      sql`SELECT e.id FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
          WHERE l.member_id IN (${ids}) AND e.kind = 'savings_withdrawal'
          AND e.date = '2025-09-10'`,
      file.db,
    );
    expect(paidOut.length).toBeGreaterThanOrEqual(gone.length);
    const left = await rows<{ savings: number }>(
      sql`SELECT coalesce(sum(amount), 0) AS savings
          FROM journal_lines l JOIN accounts a ON a.id = l.account_id
          WHERE member_id IN (${ids}) AND a.code LIKE '21%'`,
      file.db,
    );
    expect(left).toEqual([{ savings: 0 }]);
  });
});
