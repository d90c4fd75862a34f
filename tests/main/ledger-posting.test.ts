import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCooperative } from '../../main/cooperative/profile';
import { type OpenedDatabase, openDatabase } from '../../main/db/open';
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
import { createMember } from '../../main/members/register';
import { DomainError, type ErrorCode } from '../../shared/errors';
import { type CooperativeInput, memberInputSchema } from '../../shared/schemas';
import { preyKhla } from '../support/cooperative';

const ACTOR: Actor = { user: 'លី ចន្ធូ', today: '2026-11-28', timestamp: '2026-11-28T03:15:00.000Z' };

const cooperative: CooperativeInput = preyKhla;

let dir: string;
let database: OpenedDatabase;
/** Account ids by role, and the member the savings lines belong to. */
let acc: Record<
  'cashKhr' | 'cashUsd' | 'bankKhr' | 'savingsKhr' | 'otherIncome' | 'otherExpenses' | 'group',
  number
>;
let memberId: number;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-posting-'));
  database = await openDatabase(join(dir, 'sahakum.db'));
  const { db } = database;
  await createCooperative(db, cooperative, ACTOR);
  const member = await createMember(
    db,
    memberInputSchema.parse({
      nameKm: 'សុខ ស្រីមុំ',
      nameLatin: 'Sok Sreymom',
      sex: 'F',
      birthDate: '1984-07-09',
      nationalId: '',
      phone: '',
      village: 'ព្រៃខ្លា',
      commune: 'ព្រះស្តេច',
      joinDate: '2018-02-20',
      nextOfKin: '',
      notes: '',
    }),
    ACTOR,
  );
  memberId = member.id;
  const id = async (role: string) => (await accountByRole(db, role)).id;
  const group = await db
    .selectFrom('accounts')
    .select('id')
    .where('code', '=', '11')
    .executeTakeFirstOrThrow();
  acc = {
    cashKhr: await id('cash_khr'),
    cashUsd: await id('cash_usd'),
    bankKhr: await id('bank_khr'),
    savingsKhr: await id('savings_ordinary_khr'),
    otherIncome: await id('other_income'),
    otherExpenses: await id('other_expenses'),
    group: group.id,
  };
  // Something already on the books, so that a refused posting that wrote anything would show.
  await post(db, deposit('2026-01-10', 250_000), ACTOR);
});

afterEach(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

const khr = (accountId: number, amount: number, extra: Partial<LineDraft> = {}): LineDraft => ({
  accountId,
  currency: 'KHR',
  amount,
  ...extra,
});
const usd = (accountId: number, amount: number): LineDraft => ({ accountId, currency: 'USD', amount });

function draft(date: string, lines: LineDraft[], memo = 'ចំណូលផ្សេងៗ'): EntryDraft {
  return { date, kind: 'receipt', memo, lines };
}

/** A member puts riel into ordinary savings at the cooperative's cash desk. */
function deposit(date: string, amount: number): EntryDraft {
  return {
    date,
    kind: 'savings_deposit',
    memo: 'សន្សំប្រាក់',
    lines: [khr(acc.cashKhr, amount), khr(acc.savingsKhr, -amount, { memberId })],
  };
}

/** Every row a posting could have written, in a fixed order. */
async function ledgerDump() {
  const { db } = database;
  return {
    entries: await db.selectFrom('journal_entries').selectAll().orderBy('id').execute(),
    lines: await db.selectFrom('journal_lines').selectAll().orderBy('id').execute(),
    totals: await db
      .selectFrom('account_month_totals')
      .selectAll()
      .orderBy('account_id')
      .orderBy('month')
      .execute(),
  };
}

async function refusal(attempt: () => Promise<unknown>): Promise<DomainError> {
  const outcome = await attempt().then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof DomainError)) throw new Error(`Expected a DomainError, got ${String(outcome)}`);
  return outcome;
}

/** Asserts the refusal's code and field, and that the ledger tables are exactly as before. */
async function expectRefused(
  attempt: () => Promise<unknown>,
  code: ErrorCode,
  field: string,
  params?: Record<string, string | number>,
) {
  const before = await ledgerDump();
  expect(before.lines.length).toBeGreaterThan(0);
  const error = await refusal(attempt);
  expect(error.error).toMatchObject({ code, field, ...(params ? { params } : {}) });
  expect(await ledgerDump()).toEqual(before);
}

const postOne = (entry: EntryDraft) => () => post(database.db, entry, ACTOR);

describe('posting refuses, writing nothing', () => {
  it('an entry that does not balance', async () => {
    await expectRefused(
      postOne(draft('2026-02-03', [khr(acc.cashKhr, 100_000), khr(acc.otherIncome, -90_000)])),
      'entry_unbalanced',
      'lines',
      { currency: 'KHR', difference: 10_000 },
    );
  });

  it('an entry that balances across currencies but not in each', async () => {
    await expectRefused(
      postOne(draft('2026-02-03', [khr(acc.cashKhr, 4_100), usd(acc.cashUsd, -4_100)])),
      'entry_unbalanced',
      'lines',
      { currency: 'KHR', difference: 4_100 },
    );
  });

  it('an entry that balances only through floating-point rounding', async () => {
    // 2^53 − 1 + 2 rounds to 2^53 in a double, so a running sum would see 0 where the lines add up to 1.
    const big = Number.MAX_SAFE_INTEGER;
    await expectRefused(
      postOne(
        draft('2026-02-03', [
          khr(acc.cashKhr, big),
          khr(acc.bankKhr, 2),
          khr(acc.otherIncome, -big),
          khr(acc.otherIncome, -1),
        ]),
      ),
      'amount_invalid',
      'amount',
      { line: 0 },
    );
  });

  it('an amount beyond ten trillion, where exact totals are no longer certain', async () => {
    const limit = 10_000_000_000_000;
    await expectRefused(
      postOne(draft('2026-02-03', [khr(acc.cashKhr, limit + 1), khr(acc.otherIncome, -(limit + 1))])),
      'amount_invalid',
      'amount',
      { line: 0 },
    );
    await post(
      database.db,
      draft('2026-02-03', [khr(acc.cashKhr, limit), khr(acc.otherIncome, -limit)]),
      ACTOR,
    );
  });

  it('a line in a currency other than its account’s', async () => {
    await expectRefused(
      postOne(draft('2026-02-03', [khr(acc.cashUsd, 41_000), khr(acc.otherIncome, -41_000)])),
      'currency_mismatch',
      'currency',
      { line: 0, code: '1102', currency: 'USD' },
    );
  });

  it('an unknown account', async () => {
    await expectRefused(
      postOne(draft('2026-02-03', [khr(acc.cashKhr, 5_000), khr(9_999, -5_000)])),
      'account_unknown',
      'account',
      { line: 1 },
    );
  });

  it('an inactive account', async () => {
    await setAccountActive(database.db, { id: acc.otherExpenses, active: false });
    await expectRefused(
      postOne(draft('2026-02-03', [khr(acc.otherExpenses, 5_000), khr(acc.cashKhr, -5_000)])),
      'account_inactive',
      'account',
      { line: 0, code: '5901' },
    );
  });

  it('a group account', async () => {
    await expectRefused(
      postOne(draft('2026-02-03', [khr(acc.group, 5_000), khr(acc.otherIncome, -5_000)])),
      'account_is_group',
      'account',
      { line: 0, code: '11' },
    );
  });

  it('a control-account line without a member', async () => {
    await expectRefused(
      postOne(draft('2026-02-03', [khr(acc.cashKhr, 5_000), khr(acc.savingsKhr, -5_000)])),
      'member_required',
      'member',
      { line: 1, code: '2101' },
    );
  });

  it('a member on an ordinary account', async () => {
    await expectRefused(
      postOne(draft('2026-02-03', [khr(acc.cashKhr, 5_000, { memberId }), khr(acc.otherIncome, -5_000)])),
      'member_not_allowed',
      'member',
      { line: 0, code: '1101' },
    );
  });

  it('an unknown member', async () => {
    await expectRefused(
      postOne(
        draft('2026-02-03', [khr(acc.cashKhr, 5_000), khr(acc.savingsKhr, -5_000, { memberId: 4_040 })]),
      ),
      'member_unknown',
      'member',
      { line: 1 },
    );
  });

  it('a zero amount', async () => {
    await expectRefused(
      postOne(
        draft('2026-02-03', [khr(acc.cashKhr, 5_000), khr(acc.bankKhr, 0), khr(acc.otherIncome, -5_000)]),
      ),
      'amount_zero',
      'amount',
      { line: 1 },
    );
  });

  it('a date in a closed month', async () => {
    await closeMonth(database.db, '2026-03', ACTOR);
    await expectRefused(postOne(deposit('2026-03-31', 10_000)), 'month_closed', 'date', { month: '2026-03' });
    // The months either side stay open.
    await post(database.db, deposit('2026-02-28', 10_000), ACTOR);
    await post(database.db, deposit('2026-04-01', 10_000), ACTOR);
  });

  it('a date after today', async () => {
    await expectRefused(postOne(deposit('2026-11-29', 10_000)), 'date_in_future', 'date');
    await post(database.db, deposit(ACTOR.today, 10_000), ACTOR);
  });

  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])(
    'a non-integer amount (%s)',
    async (amount) => {
      await expectRefused(
        postOne(draft('2026-02-03', [khr(acc.cashKhr, amount), khr(acc.otherIncome, -amount)])),
        'amount_not_integer',
        'amount',
        { line: 0 },
      );
    },
  );

  it.each(['2026-02-30', '2026-13-01', '03/02/2026', '', '2026-2-3'])(
    'an invalid date (%j)',
    async (date) => {
      await expectRefused(postOne(deposit(date, 10_000)), 'date_invalid', 'date');
    },
  );

  it('fewer than two lines', async () => {
    await expectRefused(
      postOne(draft('2026-02-03', [khr(acc.cashKhr, 5_000)])),
      'entry_too_few_lines',
      'lines',
    );
    await expectRefused(postOne(draft('2026-02-03', [])), 'entry_too_few_lines', 'lines');
  });

  it('a whole batch when its third entry is bad', async () => {
    const drafts = [
      deposit('2026-02-03', 20_000),
      deposit('2026-02-04', 30_000),
      draft('2026-02-05', [khr(acc.cashKhr, 5_000), khr(acc.otherIncome, -4_000)]),
      deposit('2026-02-06', 40_000),
    ];
    await expectRefused(
      () => database.db.transaction().execute((trx) => postEntries(trx, drafts, ACTOR)),
      'entry_unbalanced',
      'lines',
      { entry: 2, currency: 'KHR', difference: 1_000 },
    );
  });
});

describe('posted rows are immutable', () => {
  it('refuses UPDATE and DELETE even in raw SQL', async () => {
    const before = await ledgerDump();
    const statements = [
      "UPDATE journal_entries SET memo = 'កែ'",
      "UPDATE journal_entries SET date = '2026-01-11'",
      'DELETE FROM journal_entries',
      'UPDATE journal_lines SET amount = amount * 2',
      'UPDATE journal_lines SET member_id = NULL',
      'DELETE FROM journal_lines',
      'DELETE FROM account_month_totals',
    ];
    for (const statement of statements) {
      expect(() => database.sqlite.prepare(statement).run(), statement).toThrow(
        'posted ledger rows are immutable',
      );
    }
    expect(await ledgerDump()).toEqual(before);
  });

  it('keeps the monthly totals from being edited by hand', async () => {
    // The statements read these totals; if they could be changed they would drift from the lines.
    const before = await ledgerDump();
    expect(() => database.sqlite.prepare('UPDATE account_month_totals SET amount = 0').run()).toThrow(
      'posted ledger rows are immutable',
    );
    expect(await ledgerDump()).toEqual(before);
  });
});

describe('reversal', () => {
  async function postedEntry(): Promise<number> {
    return post(
      database.db,
      {
        date: '2026-05-12',
        kind: 'savings_deposit',
        memo: 'សន្សំប្រាក់ ខែឧសភា',
        number: 'RV-0042',
        lines: [
          khr(acc.cashKhr, 180_000),
          khr(acc.savingsKhr, -150_000, { memberId }),
          khr(acc.otherIncome, -30_000),
        ],
      },
      ACTOR,
    );
  }

  const reverse =
    (entryId: number, date = '2026-06-02', reason = 'បញ្ចូលខុសចំនួន') =>
    () =>
      reverseEntry(database.db, { entryId, reason, date }, ACTOR);

  it('posts the mirror entry, links both, and nets every account to zero', async () => {
    const original = await postedEntry();
    const reversal = await reverse(original)();

    const entry = await database.db
      .selectFrom('journal_entries')
      .selectAll()
      .where('id', '=', reversal)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      date: '2026-06-02',
      kind: 'reversal',
      memo: 'បញ្ចូលខុសចំនួន',
      reverses_id: original,
      created_by: ACTOR.user,
    });
    const lines = (entryId: number) =>
      database.db
        .selectFrom('journal_lines')
        .select(['account_id', 'member_id', 'amount'])
        .where('entry_id', '=', entryId)
        .orderBy('id')
        .execute();
    const mirrored = (await lines(original)).map((line) => ({ ...line, amount: -line.amount }));
    expect(await lines(reversal)).toEqual(mirrored);

    const net = await database.db
      .selectFrom('journal_lines')
      .select(['account_id', 'member_id', (eb) => eb.fn.sum<number>('amount').as('total')])
      .where('entry_id', 'in', [original, reversal])
      .groupBy(['account_id', 'member_id'])
      .execute();
    expect(net).toHaveLength(3);
    for (const row of net) expect(row.total).toBe(0);
  });

  it('refuses a second reversal', async () => {
    const original = await postedEntry();
    const reversal = await reverse(original)();
    await expectRefused(reverse(original, '2026-06-03'), 'already_reversed', 'entryId', { by: reversal });
  });

  it('refuses to reverse a reversal', async () => {
    const reversal = await reverse(await postedEntry())();
    await expectRefused(reverse(reversal, '2026-06-03'), 'reversal_of_reversal', 'entryId');
  });

  it('refuses a reversal dated before the entry it reverses', async () => {
    const original = await postedEntry();
    await expectRefused(reverse(original, '2026-05-11'), 'date_before_entry', 'date', { date: '2026-05-12' });
    await reverse(original, '2026-05-12')();
  });

  it('refuses a reversal dated into a closed month', async () => {
    const original = await postedEntry();
    await closeMonth(database.db, '2026-06', ACTOR);
    await expectRefused(reverse(original, '2026-06-30'), 'month_closed', 'date', { month: '2026-06' });
    // Once refused it is still reversible, in an open month.
    await reverse(original, '2026-07-01')();
  });

  it('refuses an unknown entry and an empty reason', async () => {
    const original = await postedEntry();
    await expectRefused(reverse(original + 100), 'not_found', 'entryId');
    await expectRefused(reverse(original, '2026-06-02', '   '), 'required', 'reason');
  });
});
