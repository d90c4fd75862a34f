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
import { DEMO_PRODUCTS } from '../../main/demo/ledger-setup';
import { demoMembers } from '../../main/demo/members';
import { creditAging } from '../../main/inputs/credit';
import { stockOnHand } from '../../main/inputs/stock';
import { accountByRole } from '../../main/ledger/accounts';
import { balanceSheet, trialBalance } from '../../main/ledger/statements';
import { insertMember } from '../../main/members/register';
import { previewInterest } from '../../main/savings/interest';
import { addMonths } from '../../main/savings/interest-math';
import { listProducts } from '../../main/savings/products';
import { shareRegister } from '../../main/shares/register';

// A Tuesday late in a month, so that the last, unclosed month has collection days of its own.
const NOW = { today: '2026-03-24', timestamp: '2026-03-24T08:00:00.000Z' };
const DEMO = { members: 60, seed: 11, years: 2, now: NOW };
const KINDS = [
  'opening',
  'share_purchase',
  'savings_deposit',
  'savings_withdrawal',
  'savings_close',
  'interest',
  'receipt',
  'payment',
  'transfer',
  'exchange',
  'input_purchase',
  'input_sale',
  'input_repayment',
  'input_supplier_payment',
  'input_adjustment',
  'input_count',
  'sales_sale',
  'sales_receipt',
  'sales_cost',
  'sales_payout',
  'sales_payment',
  'year_close',
  'year_payout',
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
    accounts: await target.selectFrom('savings_accounts').selectAll().orderBy('id').execute(),
    shares: await target.selectFrom('share_movements').selectAll().orderBy('id').execute(),
    inputs: await target.selectFrom('input_movements').selectAll().orderBy('id').execute(),
    runs: await target
      .selectFrom('interest_runs')
      .selectAll()
      .orderBy('product_id')
      .orderBy('period')
      .execute(),
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
  it('keep two input seasons a year whose stock and member credit agree with the ledger at every month end', async () => {
    const seasons = await rows<{ n: number }>(sql`SELECT count(*) AS n FROM input_purchases`);
    expect(seasons[0]?.n).toBeGreaterThanOrEqual(3);
    for (let month = 1; month <= 24; month++) {
      const end = new Date(Date.UTC(2025, month, 0)).toISOString().slice(0, 10);
      if (end > NOW.today) break;
      const stock = await stockOnHand(db, end);
      expect(stock.ledgerValue).toBe(stock.totalValue);
      for (const row of stock.rows) expect(row.quantity).toBeGreaterThanOrEqual(0);
      const aging = await creditAging(db, end);
      expect(aging.totals.total).toBe(aging.ledgerBalance);
    }
    const today = await creditAging(db, NOW.today);
    expect(today.totals.total).toBeGreaterThan(0);
    expect(today.totals.total - today.totals.current).toBeGreaterThan(0);
  });

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

  it('never let a member withdraw more than the savings they hold, nor repay more input credit than owed', async () => {
    const overdrawn = await rows(sql`
      SELECT * FROM (
        SELECT member_id, account_id, date,
               sum(sum(amount)) OVER (PARTITION BY member_id, account_id ORDER BY date) AS balance
        FROM journal_lines JOIN accounts ON accounts.id = journal_lines.account_id
        WHERE member_id IS NOT NULL AND accounts.type <> 'asset' GROUP BY member_id, account_id, date)
      WHERE balance > 0`);
    expect(overdrawn).toEqual([]);
    // Input credit is what members owe: an asset, never below zero for anyone.
    const overpaid = await rows(sql`
      SELECT * FROM (
        SELECT member_id, account_id, date,
               sum(sum(amount)) OVER (PARTITION BY member_id, account_id ORDER BY date) AS balance
        FROM journal_lines JOIN accounts ON accounts.id = journal_lines.account_id
        WHERE member_id IS NOT NULL AND accounts.role = 'input_credit_khr' GROUP BY member_id, account_id, date)
      WHERE balance < 0`);
    expect(overpaid).toEqual([]);
    const debtors = await rows<{ n: number }>(sql`
      SELECT count(DISTINCT member_id) AS n FROM journal_lines JOIN accounts ON accounts.id = journal_lines.account_id
      WHERE accounts.role = 'input_credit_khr'`);
    expect(debtors[0]?.n).toBeGreaterThan(DEMO.members / 2);
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

const monthsFrom = (first: string, last: string) => {
  const months: string[] = [];
  for (let month = first; month <= last; month = addMonths(`${month}-01`, 1).slice(0, 7)) months.push(month);
  return months;
};

/** The member lines of a posted interest entry, as a run lists them, and its expense. */
async function postedRun(target: Kysely<Database>, entryId: number | null) {
  if (entryId === null) return { lines: [], total: 0 };
  const lines = await target
    .selectFrom('journal_lines')
    .select(['member_id', 'amount'])
    .where('entry_id', '=', entryId)
    .orderBy('id')
    .execute();
  const [expense, ...members] = lines;
  expect(expense?.member_id).toBeNull();
  return {
    lines: members.map((l) => ({ memberId: l.member_id, interest: -l.amount })),
    total: expense?.amount ?? 0,
  };
}

/** What the app's interest run computes for a period, leaving out that run's own credits. */
const previewAsRun = (target: Kysely<Database>, run: { product_id: number; period: string }) =>
  previewInterest(target, run.product_id, run.period, NOW.today);

describe("the members' money in the demo", () => {
  it('has the three products the issue names, each on the chart account of its kind', async () => {
    const products = await listProducts(db);
    expect(products.map(({ id, accountId, accountCode, active, openAccounts, ...input }) => input)).toEqual(
      Object.values(DEMO_PRODUCTS),
    );
    expect(products.map((p) => p.accountCode)).toEqual(['2101', '2102', '2103']);
  });

  it('keeps a share register whose total is the share capital balance, a certificate for each purchase', async () => {
    const register = await shareRegister(db, NOW.today);
    const capital = await accountByRole(db, 'share_capital');
    const balance = await rows<{ total: number }>(
      sql`SELECT 0 - sum(amount) AS total FROM journal_lines WHERE account_id = ${capital.id}`,
    );
    expect(register.totalCapital).toBe(balance[0]?.total);
    expect(register.totalCapital).toBe(register.totalShares * register.par);
    expect(register.rows).toHaveLength(DEMO.members);
    for (const row of register.rows) expect(row.capital).toBe(row.shares * register.par);

    const purchases = await rows<{ number: string; amount: number; shares: number; certificate: number }>(sql`
      SELECT e.number, 0 - l.amount AS amount, s.shares, s.certificate_number AS certificate
      FROM journal_entries e
      JOIN journal_lines l ON l.entry_id = e.id AND l.account_id = ${capital.id}
      LEFT JOIN share_movements s ON s.entry_id = e.id AND s.kind = 'purchase'
      WHERE e.kind = 'share_purchase' ORDER BY e.id`);
    expect(purchases.length).toBeGreaterThan(DEMO.members);
    expect(purchases.map((p) => p.number)).toEqual(
      purchases.map((_, i) => `SH-${String(i + 1).padStart(6, '0')}`),
    );
    expect(purchases.map((p) => p.certificate)).toEqual(purchases.map((_, i) => i + 1));
    for (const p of purchases) expect(p.amount).toBe(p.shares * register.par);
    const sequences = new Map(
      (await db.selectFrom('sequences').selectAll().execute()).map((r) => [r.name, r]),
    );
    expect(sequences.get('share_purchase')?.next_value).toBe(purchases.length + 1);
    expect(sequences.get('share_certificate')?.next_value).toBe(purchases.length + 1);
  });

  it("puts every member line on a savings account within an open account of the member's in its product", async () => {
    const stray = await rows(sql`
      SELECT l.id, l.member_id, l.date, a.code FROM journal_lines l
      JOIN accounts a ON a.id = l.account_id
      LEFT JOIN savings_products p ON p.account_id = l.account_id
      WHERE a.code LIKE '21%' AND (p.id IS NULL OR NOT EXISTS (
        SELECT 1 FROM savings_accounts s
        WHERE s.member_id = l.member_id AND s.product_id = p.id AND s.opened_on <= l.date
          AND (s.closed_on IS NULL OR l.date <= s.closed_on)))`);
    expect(stray).toEqual([]);
    // Each account opens with a deposit on its day; a fixed deposit matures twelve months later.
    const accounts = await rows<{
      opened_on: string;
      maturity_on: string | null;
      kind: string;
      first: string;
    }>(sql`
      SELECT s.opened_on, s.maturity_on, p.kind,
        (SELECT min(l.date) FROM journal_lines l WHERE l.member_id = s.member_id
           AND l.account_id = p.account_id AND l.date >= s.opened_on) AS first
      FROM savings_accounts s JOIN savings_products p ON p.id = s.product_id ORDER BY s.id`);
    expect(accounts.map((a) => a.kind)).toEqual(expect.arrayContaining(['ordinary', 'fixed']));
    for (const account of accounts) {
      expect(account.first).toBe(account.opened_on);
      expect(account.maturity_on).toBe(account.kind === 'fixed' ? addMonths(account.opened_on, 12) : null);
    }
  });

  it('numbers savings accounts, deposits and withdrawals as the app does, without gaps', async () => {
    const numbered = await db
      .selectFrom('journal_entries')
      .select(['kind', 'number'])
      .where('kind', 'in', ['savings_deposit', 'savings_withdrawal', 'savings_close'])
      .orderBy('id')
      .execute();
    const sequences = new Map(
      (await db.selectFrom('sequences').selectAll().execute()).map((r) => [r.name, r]),
    );
    for (const [prefix, kinds, sequence] of [
      ['DP', ['savings_deposit'], 'savings_deposit'],
      ['WD', ['savings_withdrawal', 'savings_close'], 'savings_withdrawal'],
    ] as const) {
      const numbers = numbered
        .filter((e) => (kinds as readonly string[]).includes(e.kind))
        .map((e) => e.number);
      expect(numbers.length, prefix).toBeGreaterThan(0);
      expect(numbers).toEqual(numbers.map((_, i) => `${prefix}-${String(i + 1).padStart(6, '0')}`));
      expect(sequences.get(sequence)?.next_value).toBe(numbers.length + 1);
    }
    const accounts = await db.selectFrom('savings_accounts').select('number').orderBy('id').execute();
    expect(accounts.map((a) => a.number)).toEqual(
      accounts.map((_, i) => `S-${String(i + 1).padStart(6, '0')}`),
    );
    expect(sequences.get('savings_account')?.next_value).toBe(accounts.length + 1);
  });

  // Every product is run for every month that has ended since it was created, the go-live month included;
  // the month of today has not ended, so postInterest would refuse it. A fixed-term product is run every
  // month too, and records an empty run (no entry) when no deposit matured in it.
  it('records one interest run per product and ended month, each with an entry when interest was earned', async () => {
    const products = await listProducts(db);
    const runs = await db
      .selectFrom('interest_runs')
      .selectAll()
      .orderBy('product_id')
      .orderBy('period')
      .execute();
    const months = monthsFrom('2024-03', '2026-02');
    expect(runs.map((r) => [r.product_id, r.period])).toEqual(
      products.flatMap((p) => months.map((month) => [p.id, month])),
    );
    for (const run of runs.filter((r) => r.entry_id !== null)) {
      const entry = await db
        .selectFrom('journal_entries')
        .selectAll()
        .where('id', '=', run.entry_id ?? 0)
        .executeTakeFirstOrThrow();
      expect(entry.kind).toBe('interest');
      expect(entry.date).toBe(`${run.period}-${entry.date.slice(8)}`);
      expect(JSON.parse(entry.details ?? '{}')).toEqual({ productId: run.product_id, period: run.period });
    }
    // Once savers hold money in an ordinary product every month earns; the first months may not.
    for (const product of products) {
      const earned = runs.filter((r) => r.product_id === product.id).map((r) => r.entry_id !== null);
      expect(earned.filter(Boolean).length, product.nameEn).toBeGreaterThan(0);
      if (product.kind === 'ordinary') expect(earned.slice(earned.indexOf(true))).not.toContain(false);
    }
  });

  it('posts for every run exactly what previewInterest computes for it from the books', async () => {
    const runs = await db.selectFrom('interest_runs').selectAll().execute();
    let compared = 0;
    for (const run of runs) {
      const preview = await previewAsRun(db, run);
      const posted = await postedRun(db, run.entry_id);
      const expected = preview.lines.map((l) => ({ memberId: l.memberId, interest: l.interest }));
      expect(posted.lines, `${run.product_id} ${run.period}`).toEqual(expected);
      expect(posted.total).toBe(preview.total);
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(DEMO.members * 12);
  });

  it('pays a fixed deposit out, with its interest, once the run of its maturity month has credited it', async () => {
    const paid = await rows<{ maturity_on: string; closed_on: string; interest: number; left: number }>(sql`
      SELECT s.maturity_on, s.closed_on,
        (SELECT 0 - sum(l.amount) FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
          WHERE e.kind = 'interest' AND l.member_id = s.member_id AND l.account_id = p.account_id
          AND l.date BETWEEN s.opened_on AND s.closed_on) AS interest,
        (SELECT sum(l.amount) FROM journal_lines l WHERE l.member_id = s.member_id
          AND l.account_id = p.account_id AND l.date BETWEEN s.opened_on AND s.closed_on) AS left
      FROM savings_accounts s JOIN savings_products p ON p.id = s.product_id
      WHERE p.kind = 'fixed' AND s.closed_on IS NOT NULL`);
    expect(paid.length).toBeGreaterThan(0);
    for (const account of paid) {
      expect(account.closed_on.slice(0, 7) > account.maturity_on.slice(0, 7)).toBe(true);
      expect(account.interest).toBeGreaterThan(0);
      expect(account.left).toBe(0);
    }
  });
});

describe('members who left or died', () => {
  const EXIT = '2025-09-10';
  let exits: Kysely<Database>;
  let gone: MemberInfo[];

  beforeAll(async () => {
    const file = await openDatabase(join(dir, 'exits.db'));
    opened.push(file);
    exits = file.db;
    const profile = demoCooperativeProfile(NOW.today, 2);
    await createCooperative(exits, profile, NOW, { demo: true });
    const span = { foundedOn: profile.foundedOn, today: NOW.today };
    const members: MemberInfo[] = [];
    for (const input of demoMembers(30, 3, span)) members.push(await insertMember(exits, input, NOW));
    const early = [...members].sort((x, y) => (x.joinDate < y.joinDate ? -1 : 1)).slice(0, 6);
    gone = early.map((m, i) => ({ ...m, status: i % 2 ? 'left' : 'deceased', exitDate: EXIT }) as const);
    const info = members.map((m) => gone.find((g) => g.id === m.id) ?? m);
    await writeDemoLedger(exits, {
      seed: 4,
      years: 2,
      members: info,
      today: NOW.today,
      actor: { ...NOW, user: 't' },
    });
  });

  it('are paid out on the day they go, and have no line after it', async () => {
    const ids = sql.join(gone.map((g) => g.id));
    const after = await rows(
      sql`SELECT id FROM journal_lines WHERE member_id IN (${ids}) AND date > ${EXIT}`,
      exits,
    );
    expect(after).toEqual([]);
    const paidOut = await rows(
      sql`SELECT e.id FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
          WHERE l.member_id IN (${ids}) AND e.kind = 'savings_close'
          AND e.date = ${EXIT}`,
      exits,
    );
    expect(paidOut.length).toBeGreaterThanOrEqual(gone.length);
    const left = await rows<{ savings: number }>(
      sql`SELECT coalesce(sum(amount), 0) AS savings
          FROM journal_lines l JOIN accounts a ON a.id = l.account_id
          WHERE member_id IN (${ids}) AND a.code LIKE '21%'`,
      exits,
    );
    expect(left).toEqual([{ savings: 0 }]);
  });

  it('have their accounts closed and their shares paid back at par on that day', async () => {
    const ids = gone.map((g) => g.id);
    const accounts = await exits
      .selectFrom('savings_accounts')
      .select(['member_id', 'closed_on'])
      .where('member_id', 'in', ids)
      .execute();
    expect(new Set(accounts.map((a) => a.member_id)).size).toBe(gone.length);
    for (const account of accounts) expect(account.closed_on).not.toBeNull();
    expect(accounts.filter((a) => (a.closed_on ?? '') > EXIT)).toEqual([]);
    const register = await shareRegister(exits, NOW.today);
    const theirs = register.rows.filter((r) => ids.includes(r.memberId));
    expect(theirs.map((r) => [r.shares, r.capital])).toEqual(ids.map(() => [0, 0]));
    const redeemed = await exits
      .selectFrom('share_movements')
      .select(['member_id', 'date'])
      .where('kind', '=', 'redemption')
      .execute();
    expect(redeemed.map((r) => r.date)).toEqual(ids.map(() => EXIT));
  });

  // The app's run (main/savings/interest.ts) takes every account open at some time in the period, so it
  // would credit an account closed on the 10th with the interest of its first nine days: a line after the
  // account was closed and paid out, which the member statement does not show. The demo leaves those out.
  it("earn no interest for the month they go, as the app's run leaves closed accounts out", async () => {
    const riel = (await listProducts(exits)).find((p) => p.nameEn === DEMO_PRODUCTS.khr.nameEn);
    const run = await exits
      .selectFrom('interest_runs')
      .selectAll()
      .where('period', '=', EXIT.slice(0, 7))
      .where('product_id', '=', riel?.id ?? 0)
      .executeTakeFirstOrThrow();
    const preview = await previewAsRun(exits, run);
    const posted = await postedRun(exits, run.entry_id);
    const ids = gone.map((g) => g.id);
    expect(posted.lines).toEqual(preview.lines.map((l) => ({ memberId: l.memberId, interest: l.interest })));
    expect(preview.lines.filter((l) => ids.includes(l.memberId))).toEqual([]);
  });
});
