import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCooperative } from '../../main/cooperative/profile';
import { openDatabase } from '../../main/db/open';
import { registerConnection } from '../../main/db/rows';
import type { Database } from '../../main/db/schema';
import { accountByRole, setAccountActive } from '../../main/ledger/accounts';
import { closeMonth } from '../../main/ledger/months';
import {
  type Actor,
  type EntryDraft,
  type LineDraft,
  post,
  postEntries,
  reverseEntry,
} from '../../main/ledger/posting';
import { balanceSheet, trialBalance } from '../../main/ledger/statements';
import { createMember } from '../../main/members/register';
import { DomainError, type ErrorCode } from '../../shared/errors';
import type { Currency } from '../../shared/khmer';
import { blankCooperative, type CooperativeInput, memberInputSchema } from '../../shared/schemas';
import { expectHledgerAgrees } from '../support/hledger';

// For any sequence of business events, valid ones interleaved with refused ones, the books keep their
// invariants and every refusal leaves the database file exactly as it was.

const ACTOR: Actor = { user: 'ហេង សុភា', today: '2026-11-28', timestamp: '2026-11-28T03:15:00.000Z' };
const START = '2024-01-01';
const RUNS = 100;
const HLEDGER_EVERY = 20;

const cooperative: CooperativeInput = {
  ...blankCooperative,
  nameKm: 'សហគមន៍កសិកម្ម ត្រពាំងស្លា',
  nameLatin: 'Trapeang Sla Agricultural Cooperative',
  registrationNumber: 'TK-0113',
  registrationDate: '2015-05-20',
  foundedOn: '2015-05-01',
  village: 'ត្រពាំងស្លា',
  commune: 'ព្រៃក្របៅ',
  district: 'ត្រាំកក់',
  province: 'តាកែវ',
  sharePar: 10_000,
  shareCapPerMember: 100,
  chair: 'ឈឹម សុផល',
  treasurer: 'ហេង សុភា',
  bookkeeper: 'ស៊ាន ស្រីពៅ',
};

type Some = [number, ...number[]];

interface Chart {
  money: Record<Currency, [cash: number, bank: number]>;
  savings: Record<Currency, number>;
  opening: Record<Currency, number>;
  conversion: Record<Currency, number>;
  difference: Record<Currency, number>;
  income: Record<Currency, Some>;
  expense: Record<Currency, Some>;
  group: number;
  inactive: number;
  members: Some;
}

let dir: string;
/** The database every run starts from: cooperative, members, chart, one account deactivated. */
let template: Buffer;
let chart: Chart;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-properties-'));
  const database = await openDatabase(':memory:');
  const { db } = database;
  await createCooperative(db, cooperative, ACTOR);
  const addMember = async (nameKm: string) => {
    const member = await createMember(
      db,
      memberInputSchema.parse({
        nameKm,
        nameLatin: '',
        sex: 'F',
        birthDate: '',
        nationalId: '',
        phone: '',
        village: 'ត្រពាំងស្លា',
        commune: 'ព្រៃក្របៅ',
        joinDate: '2016-01-10',
        nextOfKin: '',
        notes: '',
      }),
      ACTOR,
    );
    return member.id;
  };
  const id = async (role: string) => (await accountByRole(db, role)).id;
  const group = await db
    .selectFrom('accounts')
    .select('id')
    .where('code', '=', '12')
    .executeTakeFirstOrThrow();
  chart = {
    money: {
      KHR: [await id('cash_khr'), await id('bank_khr')],
      USD: [await id('cash_usd'), await id('bank_usd')],
    },
    savings: { KHR: await id('savings_ordinary_khr'), USD: await id('savings_ordinary_usd') },
    opening: { KHR: await id('opening_khr'), USD: await id('opening_usd') },
    conversion: { KHR: await id('conversion_khr'), USD: await id('conversion_usd') },
    difference: { KHR: await id('exchange_difference_khr'), USD: await id('exchange_difference_usd') },
    income: {
      KHR: [await id('service_fees'), await id('input_sales'), await id('other_income')],
      USD: [await id('interest_received_usd')],
    },
    expense: {
      KHR: [await id('allowances'), await id('transport'), await id('stationery'), await id('bank_fees_khr')],
      USD: [await id('bank_fees_usd')],
    },
    group: group.id,
    inactive: await id('other_expenses'),
    members: [await addMember('ឈឹម សុផល'), await addMember('ស៊ាន ស្រីពៅ'), await addMember('ម៉ៅ វិចិត្រ')],
  };
  await setAccountActive(db, { id: chart.inactive, active: false });
  template = database.sqlite.serialize();
  await database.close();
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

// ---- Events -------------------------------------------------------------------------------------

/** An entry without its date: the run gives each event its date as the calendar moves on. */
type Draft = Omit<EntryDraft, 'date'>;

type Fault =
  | { type: 'unbalanced'; delta: number }
  | { type: 'acrossCurrencies'; amount: number }
  | { type: 'currencyMismatch' }
  | { type: 'unknownAccount' }
  | { type: 'inactiveAccount'; amount: number }
  | { type: 'groupAccount'; amount: number }
  | { type: 'memberRequired'; amount: number }
  | { type: 'memberNotAllowed'; amount: number }
  | { type: 'memberUnknown'; amount: number }
  | { type: 'zero' }
  | { type: 'nonInteger'; amount: number }
  | { type: 'closedMonth'; pick: number }
  | { type: 'future'; date: string }
  | { type: 'invalidDate'; date: string }
  | { type: 'tooFewLines' }
  | { type: 'tooLarge' };

/**
 * A reversal that must be refused: of an entry already reversed, of a reversal, of no entry, without a
 * reason, or dated before the entry it reverses.
 */
type BadReversal = 'twice' | 'ofReversal' | 'unknown' | 'noReason' | 'early';

type Step =
  | { type: 'post'; days: number; back: number; draft: Draft }
  | { type: 'reverse'; days: number; pick: number }
  | { type: 'close'; days: number }
  | { type: 'bad'; days: number; draft: Draft; fault: Fault }
  | { type: 'badBatch'; days: number; drafts: Draft[]; badAt: number; fault: Fault }
  | {
      type: 'badReversal';
      days: number;
      pick: number;
      which: BadReversal;
    };

const currencyArb = fc.constantFrom<Currency>('KHR', 'USD');
/** Riel in hundreds (how cash is counted), dollars in cents. */
const amountArb = (currency: Currency) =>
  currency === 'KHR'
    ? fc.integer({ min: 1, max: 200_000 }).map((n) => n * 100)
    : fc.integer({ min: 1, max: 500_000 });
const line = (
  accountId: number,
  currency: Currency,
  amount: number,
  memberId: number | null = null,
): LineDraft => ({
  accountId,
  currency,
  amount,
  memberId,
});

function draftArb(): fc.Arbitrary<Draft> {
  const voucher = fc.tuple(currencyArb, fc.boolean()).chain(([currency, receipt]) =>
    fc
      .record({
        money: fc.constantFrom(...chart.money[currency]),
        head: fc.constantFrom(...(receipt ? chart.income : chart.expense)[currency]),
        amount: amountArb(currency),
      })
      .map(({ money, head, amount }): Draft => {
        const sign = receipt ? 1 : -1;
        return {
          kind: receipt ? 'receipt' : 'payment',
          memo: receipt ? 'ចំណូល' : 'ចំណាយ',
          lines: [line(money, currency, sign * amount), line(head, currency, -sign * amount)],
        };
      }),
  );
  const transfer = currencyArb.chain((currency) =>
    fc.record({ toBank: fc.boolean(), amount: amountArb(currency) }).map(({ toBank, amount }): Draft => {
      const [cash, bank] = chart.money[currency];
      const [to, from] = toBank ? [bank, cash] : [cash, bank];
      return {
        kind: 'transfer',
        memo: 'ផ្ទេរប្រាក់',
        lines: [line(to, currency, amount), line(from, currency, -amount)],
      };
    }),
  );
  const savings = currencyArb.chain((currency) =>
    fc
      .record({
        deposit: fc.boolean(),
        member: fc.constantFrom(...chart.members),
        money: fc.constantFrom(...chart.money[currency]),
        amount: amountArb(currency),
      })
      .map(({ deposit, member, money, amount }): Draft => {
        const sign = deposit ? 1 : -1;
        return {
          kind: deposit ? 'savings_deposit' : 'savings_withdrawal',
          memo: deposit ? 'សន្សំប្រាក់' : 'ដកប្រាក់សន្សំ',
          lines: [
            line(money, currency, sign * amount),
            line(chart.savings[currency], currency, -sign * amount, member),
          ],
        };
      }),
  );
  // Money given in one currency comes back in the other through the conversion accounts, so that each
  // currency balances on its own; a short count is posted as an exchange difference.
  const exchange = fc
    .record({
      from: currencyArb,
      given: fc.integer({ min: 100, max: 300_000 }),
      rate: fc.integer({ min: 3_900, max: 4_200 }),
      short: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 99 })),
      fromBank: fc.boolean(),
      toBank: fc.boolean(),
    })
    .map(({ from, given, rate, short, fromBank, toBank }): Draft => {
      const to: Currency = from === 'USD' ? 'KHR' : 'USD';
      const amountGiven = from === 'USD' ? given : given * 100;
      const value =
        from === 'USD' ? Math.floor((amountGiven * rate) / 100) : Math.floor((amountGiven * 100) / rate);
      const lost = short < value ? short : 0;
      const lines = [
        line(chart.money[from][fromBank ? 1 : 0], from, -amountGiven),
        line(chart.conversion[from], from, amountGiven),
        line(chart.conversion[to], to, -value),
        line(chart.money[to][toBank ? 1 : 0], to, value - lost),
      ];
      if (lost > 0) lines.push(line(chart.difference[to], to, lost));
      return { kind: 'exchange', memo: `ប្តូរប្រាក់ @ ${rate}`, number: null, lines };
    });
  return fc.oneof(voucher, transfer, savings, exchange);
}

function openingArb(): fc.Arbitrary<Draft> {
  return fc
    .record({
      cashKhr: amountArb('KHR'),
      bankKhr: amountArb('KHR'),
      cashUsd: amountArb('USD'),
      savingsLines: fc.tuple(
        ...chart.members.map((member) =>
          amountArb('KHR').map((amount) => line(chart.savings.KHR, 'KHR', -amount, member)),
        ),
      ),
    })
    .map(({ cashKhr, bankKhr, cashUsd, savingsLines }): Draft => {
      const khr = cashKhr + bankKhr - savingsLines.reduce((sum, l) => sum - l.amount, 0);
      const lines = [
        line(chart.money.KHR[0], 'KHR', cashKhr),
        line(chart.money.KHR[1], 'KHR', bankKhr),
        line(chart.money.USD[0], 'USD', cashUsd),
        ...savingsLines,
        line(chart.opening.USD, 'USD', -cashUsd),
      ];
      if (khr !== 0) lines.push(line(chart.opening.KHR, 'KHR', -khr));
      return { kind: 'opening', memo: 'សមតុល្យដើមគ្រា', lines };
    });
}

const faultArb: fc.Arbitrary<Fault> = fc.oneof(
  fc.integer({ min: 1, max: 1_000_000 }).map((delta) => ({ type: 'unbalanced' as const, delta })),
  amountArb('USD').map((amount) => ({ type: 'acrossCurrencies' as const, amount })),
  fc.constant({ type: 'currencyMismatch' as const }),
  fc.constant({ type: 'unknownAccount' as const }),
  amountArb('KHR').map((amount) => ({ type: 'inactiveAccount' as const, amount })),
  amountArb('KHR').map((amount) => ({ type: 'groupAccount' as const, amount })),
  amountArb('KHR').map((amount) => ({ type: 'memberRequired' as const, amount })),
  amountArb('KHR').map((amount) => ({ type: 'memberNotAllowed' as const, amount })),
  amountArb('KHR').map((amount) => ({ type: 'memberUnknown' as const, amount })),
  fc.constant({ type: 'zero' as const }),
  fc
    .constantFrom(0.5, 1_000.25, Number.NaN, Number.POSITIVE_INFINITY)
    .map((amount) => ({ type: 'nonInteger' as const, amount })),
  fc.nat().map((pick) => ({ type: 'closedMonth' as const, pick })),
  fc.constantFrom('2026-11-29', '2027-01-01').map((date) => ({ type: 'future' as const, date })),
  fc
    .constantFrom('2025-02-29', '2025-13-01', '2025-04-31', '2025-4-1', '01/04/2025', '')
    .map((date) => ({ type: 'invalidDate' as const, date })),
  fc.constant({ type: 'tooFewLines' as const }),
  fc.constant({ type: 'tooLarge' as const }),
);

function stepArb(): fc.Arbitrary<Step> {
  const days = fc.integer({ min: 0, max: 15 });
  const back = fc.oneof(
    { weight: 5, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 70 }) },
  );
  return fc.oneof(
    {
      weight: 8,
      arbitrary: fc.record({ type: fc.constant('post' as const), days, back, draft: draftArb() }),
    },
    { weight: 2, arbitrary: fc.record({ type: fc.constant('reverse' as const), days, pick: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('close' as const), days }) },
    {
      weight: 4,
      arbitrary: fc.record({ type: fc.constant('bad' as const), days, draft: draftArb(), fault: faultArb }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('badBatch' as const),
        days,
        drafts: fc.array(draftArb(), { minLength: 2, maxLength: 5 }),
        badAt: fc.nat(),
        fault: faultArb,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('badReversal' as const),
        days,
        pick: fc.nat(),
        which: fc.constantFrom(
          'twice' as const,
          'ofReversal' as const,
          'unknown' as const,
          'noReason' as const,
          'early' as const,
        ),
      }),
    },
  );
}

// ---- Running a history ---------------------------------------------------------------------------

function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

const monthBefore = (date: string) => addDays(`${date.slice(0, 7)}-01`, -1).slice(0, 7);

/** The draft with one fault in it, and the refusal that fault must meet. */
function corrupt(
  draft: EntryDraft,
  fault: Fault,
  closed: readonly string[],
): { draft: EntryDraft; code: ErrorCode } {
  const [first, ...rest] = draft.lines;
  if (!first) throw new Error('A generated draft always has lines');
  const withLines = (...lines: LineDraft[]) => ({ ...draft, lines: [...draft.lines, ...lines] });
  const cashKhr = chart.money.KHR[0];
  switch (fault.type) {
    case 'unbalanced': {
      const amount =
        first.amount + fault.delta === 0 ? first.amount + 2 * fault.delta : first.amount + fault.delta;
      return { draft: { ...draft, lines: [{ ...first, amount }, ...rest] }, code: 'entry_unbalanced' };
    }
    case 'acrossCurrencies':
      return {
        draft: {
          ...draft,
          lines: [line(cashKhr, 'KHR', fault.amount), line(chart.money.USD[0], 'USD', -fault.amount)],
        },
        code: 'entry_unbalanced',
      };
    case 'currencyMismatch':
      return {
        draft: {
          ...draft,
          lines: [{ ...first, currency: first.currency === 'KHR' ? 'USD' : 'KHR' }, ...rest],
        },
        code: 'currency_mismatch',
      };
    case 'unknownAccount':
      return {
        draft: { ...draft, lines: [{ ...first, accountId: 99_999 }, ...rest] },
        code: 'account_unknown',
      };
    case 'inactiveAccount':
      return {
        draft: withLines(line(chart.inactive, 'KHR', fault.amount), line(cashKhr, 'KHR', -fault.amount)),
        code: 'account_inactive',
      };
    case 'groupAccount':
      return {
        draft: withLines(line(chart.group, 'KHR', fault.amount), line(cashKhr, 'KHR', -fault.amount)),
        code: 'account_is_group',
      };
    case 'memberRequired':
      return {
        draft: withLines(line(cashKhr, 'KHR', fault.amount), line(chart.savings.KHR, 'KHR', -fault.amount)),
        code: 'member_required',
      };
    case 'memberNotAllowed':
      return {
        draft: withLines(
          line(cashKhr, 'KHR', fault.amount, chart.members[0]),
          line(chart.savings.KHR, 'KHR', -fault.amount, chart.members[0]),
        ),
        code: 'member_not_allowed',
      };
    case 'memberUnknown':
      return {
        draft: withLines(
          line(cashKhr, 'KHR', fault.amount),
          line(chart.savings.KHR, 'KHR', -fault.amount, 77_777),
        ),
        code: 'member_unknown',
      };
    case 'zero':
      return { draft: withLines(line(cashKhr, 'KHR', 0)), code: 'amount_zero' };
    case 'nonInteger':
      return {
        draft: withLines(line(cashKhr, 'KHR', fault.amount), line(chart.income.KHR[0], 'KHR', -fault.amount)),
        code: 'amount_not_integer',
      };
    case 'closedMonth': {
      const month = closed[fault.pick % Math.max(closed.length, 1)];
      if (month === undefined) return { draft: { ...draft, date: '2026-12-01' }, code: 'date_in_future' };
      return {
        draft: { ...draft, date: `${month}-${String((fault.pick % 28) + 1).padStart(2, '0')}` },
        code: 'month_closed',
      };
    }
    case 'future':
      return { draft: { ...draft, date: fault.date }, code: 'date_in_future' };
    case 'invalidDate':
      return { draft: { ...draft, date: fault.date }, code: 'date_invalid' };
    case 'tooFewLines':
      return { draft: { ...draft, lines: [first] }, code: 'entry_too_few_lines' };
    case 'tooLarge':
      return {
        draft: withLines(
          line(cashKhr, 'KHR', 10_000_000_000_100),
          line(chart.income.KHR[0], 'KHR', -10_000_000_000_100),
        ),
        code: 'amount_invalid',
      };
  }
}

interface History {
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
  /** Every line the books must hold, as the model sees it. */
  posted: { date: string; accountId: number; amount: number }[];
  dates: string[];
  refused: number;
}

function openCopy(): Pick<History, 'db' | 'sqlite'> {
  const sqlite = new BetterSqlite3(template);
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  // As openDatabase does, so that the streamed hledger export can read through the same connection.
  registerConnection(db, sqlite);
  return { sqlite, db };
}

/** Runs a refused event and checks it met the expected refusal and left the file byte-for-byte as it was. */
async function expectRefusal(
  history: History,
  code: ErrorCode,
  attempt: () => Promise<unknown>,
): Promise<void> {
  const before = history.sqlite.serialize();
  const outcome = await attempt().then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof DomainError))
    throw new Error(`Expected refusal '${code}', got ${String(outcome)}`);
  expect(outcome.error.code).toBe(code);
  expect(history.sqlite.serialize().equals(before)).toBe(true);
  history.refused += 1;
}

/** What reverseEntry must answer, in the order it checks: the entry, the reason, then the date. */
function reversalRefusal(which: BadReversal, target: { reversal: boolean; reversed: boolean }): ErrorCode {
  if (which === 'unknown') return 'not_found';
  if (target.reversal) return 'reversal_of_reversal';
  if (target.reversed) return 'already_reversed';
  if (which === 'noReason') return 'required';
  if (which === 'early') return 'date_before_entry';
  throw new Error(`A '${which}' target is always a reversal or reversed`);
}

async function run(
  books: Pick<History, 'db' | 'sqlite'>,
  steps: readonly Step[],
  opening: Draft,
): Promise<History> {
  const history: History = { ...books, posted: [], dates: [], refused: 0 };
  const { db } = history;
  const closed: string[] = [];
  const entries: { id: number; date: string; lines: LineDraft[]; reversal: boolean; reversed: boolean }[] =
    [];
  let today = START;

  const record = (id: number, date: string, lines: readonly LineDraft[], reversal = false) => {
    entries.push({ id, date, lines: [...lines], reversal, reversed: false });
    for (const l of lines) history.posted.push({ date, accountId: l.accountId, amount: l.amount });
    history.dates.push(date);
  };

  record(await post(db, { ...opening, date: today }, ACTOR), today, opening.lines);
  for (const step of steps) {
    today = addDays(today, step.days);
    switch (step.type) {
      case 'post': {
        const date = addDays(today, -step.back) < START ? START : addDays(today, -step.back);
        const draft = { ...step.draft, date };
        if (closed.includes(date.slice(0, 7))) {
          await expectRefusal(history, 'month_closed', () => post(db, draft, ACTOR));
        } else {
          record(await post(db, draft, ACTOR), date, draft.lines);
        }
        break;
      }
      case 'reverse': {
        const open = entries.filter((e) => !e.reversal && !e.reversed);
        const target = open[step.pick % Math.max(open.length, 1)];
        if (!target) break;
        const id = await reverseEntry(db, { entryId: target.id, reason: 'កែតម្រូវ', date: today }, ACTOR);
        target.reversed = true;
        record(
          id,
          today,
          target.lines.map((l) => ({ ...l, amount: -l.amount })),
          true,
        );
        break;
      }
      case 'close': {
        const month = monthBefore(today);
        if (month >= START.slice(0, 7) && !closed.includes(month)) {
          await closeMonth(db, month, ACTOR);
          closed.push(month);
        }
        break;
      }
      case 'bad': {
        const { draft, code } = corrupt({ ...step.draft, date: today }, step.fault, closed);
        await expectRefusal(history, code, () => post(db, draft, ACTOR));
        break;
      }
      case 'badBatch': {
        const badAt = step.badAt % step.drafts.length;
        const drafts = step.drafts.map((d) => ({ ...d, date: today }));
        const bad = drafts[badAt];
        if (!bad) break;
        const { draft, code } = corrupt(bad, step.fault, closed);
        drafts[badAt] = draft;
        await expectRefusal(history, code, () =>
          db.transaction().execute((trx) => postEntries(trx, drafts, ACTOR)),
        );
        break;
      }
      case 'badReversal': {
        const pool =
          step.which === 'twice'
            ? entries.filter((e) => e.reversed)
            : step.which === 'ofReversal'
              ? entries.filter((e) => e.reversal)
              : entries;
        const target = pool[step.pick % Math.max(pool.length, 1)];
        if (!target) break;
        const request = {
          entryId: step.which === 'unknown' ? 1_000_000 : target.id,
          reason: step.which === 'noReason' ? ' ' : 'កែតម្រូវ',
          date: step.which === 'early' ? addDays(target.date, -1) : today,
        };
        const code = reversalRefusal(step.which, target);
        await expectRefusal(history, code, () => reverseEntry(db, request, ACTOR));
        break;
      }
    }
  }
  return history;
}

// ---- Properties ----------------------------------------------------------------------------------

/** Signed balance per account id at the end of `asOf`, from the model, zero balances left out. */
function modelBalances(history: History, asOf: string): Record<number, number> {
  const balances: Record<number, number> = {};
  for (const l of history.posted) {
    if (l.date <= asOf) balances[l.accountId] = (balances[l.accountId] ?? 0) + l.amount;
  }
  for (const [id, amount] of Object.entries(balances)) if (amount === 0) delete balances[Number(id)];
  return balances;
}

async function checkStatements(history: History, asOf: string): Promise<void> {
  const trial = await trialBalance(history.db, asOf);
  expect(trial.totals.KHR.debit).toBe(trial.totals.KHR.credit);
  expect(trial.totals.USD.debit).toBe(trial.totals.USD.credit);
  const ledger = Object.fromEntries(trial.rows.map((row) => [row.accountId, row.debit - row.credit]));
  expect(ledger).toEqual(modelBalances(history, asOf));
  for (const currency of (await balanceSheet(history.db, asOf)).currencies) {
    expect(currency.difference, `${currency.currency} at ${asOf}`).toBe(0);
  }
}

async function checkBooks(history: History): Promise<void> {
  const { db } = history;
  const unbalanced = await sql<{ entry_id: number }>`
    SELECT l.entry_id, a.currency, SUM(l.amount) AS total
    FROM journal_lines l JOIN accounts a ON a.id = l.account_id
    GROUP BY l.entry_id, a.currency HAVING total <> 0
  `.execute(db);
  expect(unbalanced.rows).toEqual([]);
  const unnetted = await sql`
    SELECT r.id, l.account_id, l.member_id, SUM(l.amount) AS total
    FROM journal_entries r JOIN journal_lines l ON l.entry_id IN (r.id, r.reverses_id)
    WHERE r.reverses_id IS NOT NULL
    GROUP BY r.id, l.account_id, l.member_id HAVING total <> 0
  `.execute(db);
  expect(unnetted.rows).toEqual([]);
  // The monthly totals the statements read must be exactly the lines they summarise.
  const totals = await sql`
    SELECT account_id, month, amount FROM account_month_totals ORDER BY account_id, month
  `.execute(db);
  const fromLines = await sql`
    SELECT account_id, substr(date, 1, 7) AS month, SUM(amount) AS amount
    FROM journal_lines GROUP BY account_id, month ORDER BY account_id, month
  `.execute(db);
  expect(totals.rows).toEqual(fromLines.rows);

  const dates = [...history.dates].sort();
  const last = dates.at(-1) ?? START;
  for (const asOf of new Set([last, dates[Math.floor(dates.length / 2)] ?? START, ACTOR.today])) {
    await checkStatements(history, asOf);
  }
}

async function checkAgainstHledger(history: History, file: string): Promise<void> {
  await expectHledgerAgrees(history.db, file, ACTOR.today);
}

it('keeps the books balanced and every refusal harmless, for any history of events', async () => {
  let histories = 0;
  let refused = 0;
  let lines = 0;
  await fc.assert(
    fc.asyncProperty(
      openingArb(),
      fc.array(stepArb(), { minLength: 10, maxLength: 60, size: 'max' }),
      async (opening, steps) => {
        const books = openCopy();
        try {
          const history = await run(books, steps, opening);
          await checkBooks(history);
          if (histories % HLEDGER_EVERY === 0)
            await checkAgainstHledger(history, join(dir, `run-${histories}.journal`));
          histories += 1;
          refused += history.refused;
          lines += history.posted.length;
        } finally {
          await books.db.destroy();
        }
      },
    ),
    { numRuns: RUNS },
  );
  // The generators must really produce both kinds of event, or the property proves little.
  expect(histories).toBe(RUNS);
  expect(refused).toBeGreaterThan(RUNS * 5);
  expect(lines).toBeGreaterThan(RUNS * 30);
}, 60_000);
