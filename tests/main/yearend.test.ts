import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountByRole } from '../../main/ledger/accounts';
import { reopenMonth } from '../../main/ledger/months';
import { post } from '../../main/ledger/posting';
import { balanceAt, incomeStatement, trialBalance } from '../../main/ledger/statements';
import { updateMeeting } from '../../main/meetings/meetings';
import { allocateSurplus } from '../../main/yearend/allocation';
import { closeYear, yearStatus } from '../../main/yearend/close';
import { payDistributions } from '../../main/yearend/payout';
import { DEFAULT_BYLAWS } from '../../shared/meetings';
import type { Member } from '../../shared/schemas';
import { ALLOCATION_PARTS } from '../../shared/yearend';
import {
  ACTOR,
  assembly,
  type Books,
  closeMonthsTo,
  meetingInput,
  openBooks,
  refusal,
  writeYear,
} from './meetings-books';

let books: Books;
const db = () => books.opened.db;
const role = async (name: string) => (await accountByRole(db(), name)).id;
const balanceOf = async (name: string, asOf = '2026-03-20') => {
  const id = await role(name);
  return (await balanceAt(db(), [id], asOf)).get(id) ?? 0;
};

beforeEach(async () => {
  books = await openBooks();
  await writeYear(books.opened.db, books.members, 2024);
  await writeYear(books.opened.db, books.members, 2025);
});
afterEach(async () => {
  await books.close();
});

// Each year: service fees 2,000,000 less allowances 700,000, plus 20 bags sold at 115,000 that cost 100,000.
const SURPLUS = 2_000_000 - 700_000 + 20 * 15_000;

describe('closing a fiscal year', () => {
  it('is refused while a month of the year is open, before the year ends, and without a quorate assembly', async () => {
    const [a, b, c, d] = books.members as [Member, Member, Member, Member];
    const meeting = await assembly(books.opened.db, '2025-02-14', [a, b, c, d]);
    await closeMonthsTo(books.opened.db, '2024-11');
    expect(await refusal(closeYear(db(), { year: 2024, meetingId: meeting.id }, ACTOR))).toEqual({
      code: 'year_months_open',
      field: 'year',
      params: { month: '2024-12' },
    });
    expect(await refusal(closeYear(db(), { year: 2026, meetingId: meeting.id }, ACTOR))).toEqual({
      code: 'year_not_ended',
      field: 'year',
    });
  });

  it('closes income and expenses to the surplus, allocates it by the by-law, and then refuses a second close', async () => {
    const [a, b, c, d] = books.members as [Member, Member, Member, Member];
    await closeMonthsTo(books.opened.db, '2024-12');
    expect(await refusal(closeYear(db(), { year: 2025, meetingId: 1 }, ACTOR))).toMatchObject({
      code: 'year_previous_open',
      params: { year: 2024 },
    });
    const early = await assembly(books.opened.db, '2024-12-20', [a, b, c, d]);
    expect(await refusal(closeYear(db(), { year: 2024, meetingId: early.id }, ACTOR))).toMatchObject({
      code: 'approval_meeting_invalid',
    });
    const short = await assembly(books.opened.db, '2025-02-13', [a, b, c]);
    expect(await refusal(closeYear(db(), { year: 2024, meetingId: short.id }, ACTOR))).toEqual({
      code: 'quorum_not_met',
      field: 'meetingId',
      params: { present: 3, needed: 4 },
    });
    const meeting = await assembly(books.opened.db, '2025-02-14', [a, b, c, d]);
    const status = await closeYear(db(), { year: 2024, meetingId: meeting.id }, ACTOR);

    expect(status.allocation).toEqual({
      surplus: SURPLUS,
      lossCovered: 0,
      distributable: SURPLUS,
      // 20 / 10 / 10 / 30 / 30 percent of 1,600,000.
      parts: {
        reserve: 320_000,
        development: 160_000,
        social: 160_000,
        dividends: 480_000,
        patronage: 480_000,
      },
      resultUsd: 0,
    });
    // Dividends by shares 5 : 3 : 2; patronage by inputs bought 10 : 4 : 6 bags.
    expect(
      status.distributions.map((m) => [m.memberNumber, m.shares, m.business, m.dividend, m.patronage]),
    ).toEqual([
      [a.number, 5, 1_150_000, 240_000, 240_000],
      [b.number, 3, 460_000, 144_000, 96_000],
      [c.number, 2, 0, 96_000, 0],
      [d.number, 0, 690_000, 0, 144_000],
    ]);
    expect(await balanceOf('reserve_fund')).toBe(-320_000);
    expect(await balanceOf('development_fund')).toBe(-160_000);
    expect(await balanceOf('dividends_payable')).toBe(-480_000);
    expect(await balanceOf('year_surplus_khr')).toBe(0);
    expect(await balanceOf('service_fees', '2024-12-31')).toBe(0);
    // The year's income statement still shows what it earned: the close is no part of it.
    const statement = await incomeStatement(db(), '2024-01-01', '2024-12-31');
    expect(statement.currencies[0]?.surplus).toBe(SURPLUS);
    const trial = await trialBalance(db(), '2024-12-31');
    expect(trial.totals.KHR.debit).toBe(trial.totals.KHR.credit);

    expect(await refusal(closeYear(db(), { year: 2024, meetingId: meeting.id }, ACTOR))).toEqual({
      code: 'year_already_closed',
      field: 'year',
    });
    expect(await refusal(updateMeeting(db(), { ...meetingInput({}), id: meeting.id }, ACTOR))).toEqual({
      code: 'meeting_locked',
      field: 'id',
      params: { year: 2024 },
    });
  });

  it('refuses any posting dated in the closed year, even in a month reopened by mistake', async () => {
    const [a, b, c, d] = books.members as [Member, Member, Member, Member];
    await closeMonthsTo(books.opened.db, '2024-12');
    await closeYear(
      db(),
      { year: 2024, meetingId: (await assembly(books.opened.db, '2025-02-14', [a, b, c, d])).id },
      ACTOR,
    );
    const cash = await role('cash_khr');
    const fees = await role('service_fees');
    const draft = (date: string) => ({
      date,
      kind: 'voucher',
      memo: 'កម្រៃសេវា',
      lines: [
        { accountId: cash, currency: 'KHR' as const, amount: 1_000 },
        { accountId: fees, currency: 'KHR' as const, amount: -1_000 },
      ],
    });
    expect(await refusal(reopenMonth(db(), '2024-06', 'ស្នើសុំកែប្រែ', ACTOR))).toEqual({
      code: 'year_closed',
      field: 'month',
      params: { year: 2024 },
    });
    // Reopened outside the app (a closed_months row deleted), the year still refuses every posting.
    await books.opened.db.deleteFrom('closed_months').where('month', '=', '2024-06').execute();
    expect(await refusal(post(db(), draft('2024-06-15'), ACTOR))).toEqual({
      code: 'year_closed',
      field: 'date',
      params: { year: 2024 },
    });
    expect(await refusal(post(db(), { ...draft('2024-12-31'), kind: 'year_close' }, ACTOR))).toMatchObject({
      code: 'year_closed',
    });
    // The next year takes postings as before.
    expect(await post(db(), draft('2025-01-02'), ACTOR)).toBeGreaterThan(0);
  });

  it('carries a loss forward, and covers it from the next surplus before anything is allocated', async () => {
    const [a, b, c, d] = books.members as [Member, Member, Member, Member];
    const cash = await role('cash_khr');
    await post(
      db(),
      {
        date: '2024-09-30',
        kind: 'voucher',
        memo: 'ប្រាក់ឧបត្ថម្ភ',
        lines: [
          { accountId: await role('allowances'), currency: 'KHR', amount: 2_100_000 },
          { accountId: cash, currency: 'KHR', amount: -2_100_000 },
        ],
      },
      ACTOR,
    );
    await closeMonthsTo(books.opened.db, '2025-12');
    const loss = await closeYear(
      db(),
      { year: 2024, meetingId: (await assembly(books.opened.db, '2025-02-14', [a, b, c, d])).id },
      ACTOR,
    );
    expect(loss.allocation).toMatchObject({ surplus: SURPLUS - 2_100_000, distributable: 0 });
    expect(loss.distributions).toEqual([]);
    expect(await balanceOf('retained_surplus', '2024-12-31')).toBe(500_000);
    const next = await closeYear(
      db(),
      { year: 2025, meetingId: (await assembly(books.opened.db, '2026-02-14', [a, b, c, d])).id },
      ACTOR,
    );
    expect(next.allocation).toMatchObject({
      surplus: SURPLUS,
      lossCovered: 500_000,
      distributable: 1_100_000,
    });
    expect(await balanceOf('retained_surplus')).toBe(0);
  });

  it('pays the dividends and refunds once: credited to savings, or in cash for the rest', async () => {
    const [a, b, c, d] = books.members as [Member, Member, Member, Member];
    await closeMonthsTo(books.opened.db, '2024-12');
    await closeYear(
      db(),
      { year: 2024, meetingId: (await assembly(books.opened.db, '2025-02-14', [a, b, c, d])).id },
      ACTOR,
    );
    expect(
      await refusal(
        payDistributions(
          db(),
          { year: 2024, date: '2025-02-20', method: 'savings', memberIds: [d.id] },
          ACTOR,
        ),
      ),
    ).toEqual({
      code: 'no_savings_account',
      field: 'memberIds',
      params: { number: d.number },
    });
    const saved = await payDistributions(
      db(),
      { year: 2024, date: '2025-02-20', method: 'savings', memberIds: [a.id, b.id, c.id] },
      ACTOR,
    );
    expect(saved).toMatchObject({ members: 3, total: 480_000 + 336_000 });
    const cash = await payDistributions(
      db(),
      { year: 2024, date: '2025-02-21', method: 'cash', memberIds: [] },
      ACTOR,
    );
    expect(cash).toMatchObject({ members: 1, total: 144_000 });
    expect(await balanceOf('dividends_payable')).toBe(0);
    expect(await balanceOf('patronage_payable')).toBe(0);
    const status = await yearStatus(db(), 2024);
    expect(status.distributions.map((m) => m.paidHow)).toEqual(['savings', 'savings', 'savings', 'cash']);
    expect(
      await refusal(
        payDistributions(db(), { year: 2024, date: '2025-02-22', method: 'cash', memberIds: [] }, ACTOR),
      ),
    ).toMatchObject({
      code: 'nothing_to_pay',
    });
  });
});

describe('the allocation', () => {
  it('adds up to the surplus to the riel, and the members’ amounts to their parts, for any surplus and members', () => {
    const percents = fc
      .array(fc.nat(100), { minLength: 4, maxLength: 4 })
      .filter((p) => p.reduce((a, b) => a + b, 0) <= 100)
      .map((p) => [...p, 100 - p.reduce((a, b) => a + b, 0)]);
    const member = fc.record({ shares: fc.nat(60), business: fc.nat(50_000_000) });
    fc.assert(
      fc.property(
        fc.integer({ min: -5_000_000_000, max: 50_000_000_000 }),
        fc.nat(3_000_000_000),
        percents,
        fc.array(member, { maxLength: 300 }),
        (surplus, carriedLoss, p, members) => {
          const bylaws = {
            ...DEFAULT_BYLAWS,
            reservePercent: p[0] ?? 0,
            developmentPercent: p[1] ?? 0,
            socialPercent: p[2] ?? 0,
            dividendPercent: p[3] ?? 0,
            patronagePercent: p[4] ?? 0,
          };
          const weights = members.map((m, i) => ({
            memberId: i + 1,
            memberNumber: i + 1,
            nameKm: 'ក',
            ...m,
          }));
          const plan = allocateSurplus(bylaws, { surplus, carriedLoss, resultUsd: 0 }, weights);
          const { parts, lossCovered, distributable } = plan.allocation;
          const allocated = ALLOCATION_PARTS.reduce((sum, part) => sum + parts[part], 0);
          expect(allocated).toBe(distributable);
          expect(surplus > 0 ? lossCovered + distributable : 0).toBe(Math.max(surplus, 0));
          expect(plan.members.reduce((sum, m) => sum + m.dividend, 0)).toBe(parts.dividends);
          expect(plan.members.reduce((sum, m) => sum + m.patronage, 0)).toBe(parts.patronage);
          for (const m of plan.members) {
            expect(Number.isInteger(m.dividend) && m.dividend >= 0).toBe(true);
            if (m.shares === 0) expect(m.dividend).toBe(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
