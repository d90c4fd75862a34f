import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accruedInterest,
  addMonths,
  type BalanceChange,
  periodOf,
  periodRange,
} from '../../main/savings/interest-math';

// Every expected number below is worked out by hand in the comment beside it, so that a reviewer can redo it
// with a pencil. "N" is the sum of the day balances (balance-days); interest = N × rate / 365 (or 366).
// June 2023 has 30 days and 2023 is a common year, so most cases use it: interest = N × rate / 365.

const JUNE_2023 = { from: '2023-06-01', to: '2023-06-30' };

describe('accruedInterest: hand-computed cases', () => {
  it('a constant balance over a 30-day month at 6 %', () => {
    // 1,000,000 × 6 % × 30 / 365 = 1,800,000 / 365 = 4,931.506… → 4,932
    expect(accruedInterest({ opening: 1_000_000, changes: [], ...JUNE_2023, annualRateBp: 600 })).toBe(4932);
  });

  it('a deposit mid-month earns from its own day', () => {
    // 500,000 for all 30 days + 300,000 from 16 June to 30 June (15 days):
    // N = 500,000 × 30 + 300,000 × 15 = 19,500,000; × 6 % / 365 = 1,170,000 / 365 = 3,205.479… → 3,205
    const changes = [{ date: '2023-06-16', amount: 300_000 }];
    expect(accruedInterest({ opening: 500_000, changes, ...JUNE_2023, annualRateBp: 600 })).toBe(3205);
  });

  it('a withdrawal mid-month stops earning on its own day', () => {
    // 1,000,000 on 1–10 June (10 days), 600,000 on 11–30 June (20 days):
    // N = 10,000,000 + 12,000,000 = 22,000,000; × 6 % / 365 = 1,320,000 / 365 = 3,616.438… → 3,616
    const changes = [{ date: '2023-06-11', amount: -400_000 }];
    expect(accruedInterest({ opening: 1_000_000, changes, ...JUNE_2023, annualRateBp: 600 })).toBe(3616);
  });

  it('a zero balance all month earns nothing', () => {
    expect(accruedInterest({ opening: 0, changes: [], ...JUNE_2023, annualRateBp: 600 })).toBe(0);
  });

  it('a change on the first or the last day counts for that day', () => {
    // 365,000 deposited on 30 June earns one day: 365,000 × 6 % / 365 = 60, exactly.
    const last = [{ date: '2023-06-30', amount: 365_000 }];
    expect(accruedInterest({ opening: 0, changes: last, ...JUNE_2023, annualRateBp: 600 })).toBe(60);
    // Everything withdrawn on 1 June: the first day already has a zero balance.
    const first = [{ date: '2023-06-01', amount: -1_000_000 }];
    expect(accruedInterest({ opening: 1_000_000, changes: first, ...JUNE_2023, annualRateBp: 600 })).toBe(0);
  });

  it('February of a leap year divides by 366', () => {
    // 2024-02 has 29 days in a 366-day year:
    // 1,000,000 × 6 % × 29 / 366 = 1,740,000 / 366 = 4,754.098… → 4,754
    const feb = periodRange('2024-02');
    expect(accruedInterest({ opening: 1_000_000, changes: [], ...feb, annualRateBp: 600 })).toBe(4754);
  });

  it('February of a common year divides by 365', () => {
    // 2023-02 has 28 days: 1,000,000 × 6 % × 28 / 365 = 1,680,000 / 365 = 4,602.739… → 4,603
    const feb = periodRange('2023-02');
    expect(accruedInterest({ opening: 1_000_000, changes: [], ...feb, annualRateBp: 600 })).toBe(4603);
  });

  it('a whole year earns exactly the rate, leap or not', () => {
    // 366 days / 366 and 365 days / 365 are both one year: 1,000,000 × 6 % = 60,000.
    for (const year of ['2023', '2024']) {
      const range = periodRange(year);
      expect(accruedInterest({ opening: 1_000_000, changes: [], ...range, annualRateBp: 600 })).toBe(60_000);
    }
  });

  it('a period crossing a year end splits the day count: December /365, January /366', () => {
    // 1,000,000 × 6 % = 60,000 a year. December 2023: 60,000 × 31 / 365 = 5,095.890…;
    // January 2024: 60,000 × 31 / 366 = 5,081.967…; together 10,177.857… → 10,178.
    // (All /365 would give 10,191.78 → 10,192; all /366 would give 10,163.93 → 10,164.)
    const interest = accruedInterest({
      opening: 1_000_000,
      changes: [],
      from: '2023-12-01',
      to: '2024-01-31',
      annualRateBp: 600,
    });
    expect(interest).toBe(10_178);
  });

  it('riel rounding: exactly half a riel rounds up', () => {
    // 999,735 × 5 % × 30 / 365 = 999,735 × 30 × 500 / 3,650,000 = 14,996,025,000 / 3,650,000
    //   = 4,108.5 → 4,109
    // (999,735 = 365 × 2,739, so the division leaves exactly one half.)
    expect(accruedInterest({ opening: 999_735, changes: [], ...JUNE_2023, annualRateBp: 500 })).toBe(4109);
  });

  it('riel rounding: just below half a riel rounds down', () => {
    // The same, but 1 riel withdrawn on 30 June: one balance-day fewer.
    // N = 999,735 × 29 + 999,734 = 29,992,049; × 500 / 3,650,000 = 14,996,024,500 / 3,650,000
    //   = 4,108.49986… → 4,108
    const changes = [{ date: '2023-06-30', amount: -1 }];
    expect(accruedInterest({ opening: 999_735, changes, ...JUNE_2023, annualRateBp: 500 })).toBe(4108);
    // And the smallest case of the rule: 3,650 × 5 % / 365 = 0.5 → 1 riel for a single day.
    const oneDay = { from: '2023-06-01', to: '2023-06-01' };
    expect(accruedInterest({ opening: 3650, changes: [], ...oneDay, annualRateBp: 500 })).toBe(1);
    expect(accruedInterest({ opening: 3649, changes: [], ...oneDay, annualRateBp: 500 })).toBe(0);
  });

  it('dollar rounding to the cent', () => {
    // $1,234.56 = 123,456 cents at 3.5 % for 2023-Q1 (31 + 28 + 31 = 90 days, /365):
    // 123,456 × 350 × 90 / 3,650,000 = 3,888,864,000 / 3,650,000 = 1,065.442… → 1,065 cents = $10.65
    const q1 = periodRange('2023-Q1');
    expect(accruedInterest({ opening: 123_456, changes: [], ...q1, annualRateBp: 350 })).toBe(1065);
    // 2024-Q1 is 31 + 29 + 31 = 91 days, /366:
    // 123,456 × 350 × 91 / 3,660,000 = 3,932,073,600 / 3,660,000 = 1,074.337… → 1,074 cents = $10.74
    const leapQ1 = periodRange('2024-Q1');
    expect(accruedInterest({ opening: 123_456, changes: [], ...leapQ1, annualRateBp: 350 })).toBe(1074);
  });

  it('changes before `from` count into the opening, after `to` are ignored, in any order', () => {
    // 200,000 + 300,000 (May) = 500,000 on 1 June, then the 16 June deposit: the mid-month deposit case
    // above, 3,205. The July deposit is outside the period.
    const changes: BalanceChange[] = [
      { date: '2023-07-01', amount: 9_999_999 },
      { date: '2023-06-16', amount: 300_000 },
      { date: '2023-05-20', amount: 400_000 },
      { date: '2022-12-31', amount: -100_000 },
    ];
    expect(accruedInterest({ opening: 200_000, changes, ...JUNE_2023, annualRateBp: 600 })).toBe(3205);
  });

  it('a negative daily balance earns nothing (it is not charged either)', () => {
    // 100,000 on 1–10 June, −200,000 on 11–20 June (earns 0, not −), 300,000 on 21–30 June:
    // N = 100,000 × 10 + 0 + 300,000 × 10 = 4,000,000; × 6 % / 365 = 240,000 / 365 = 657.534… → 658
    // (Letting the negative days count would give 2,000,000 → 328.77 → 329.)
    const changes = [
      { date: '2023-06-21', amount: 500_000 },
      { date: '2023-06-11', amount: -300_000 },
    ];
    expect(accruedInterest({ opening: 100_000, changes, ...JUNE_2023, annualRateBp: 600 })).toBe(658);
  });

  it('a negative amount rounds half away from zero', () => {
    // Only a negative rate can give one: 3,650 × −5 % / 365 = −0.5 → −1.
    const oneDay = { from: '2023-06-01', to: '2023-06-01' };
    expect(accruedInterest({ opening: 3650, changes: [], ...oneDay, annualRateBp: -500 })).toBe(-1);
  });

  it('keeps exact on large balances where floating point would not', () => {
    // 9,007,199,254,740,991 (MAX_SAFE_INTEGER) riel for the whole of 2023 at 1 %: one year earns exactly
    // 1 % = 90,071,992,547,409.91 → 90,071,992,547,410.
    const range = periodRange('2023');
    const interest = accruedInterest({
      opening: Number.MAX_SAFE_INTEGER,
      changes: [],
      ...range,
      annualRateBp: 100,
    });
    expect(interest).toBe(90_071_992_547_410);
  });
});

describe('accruedInterest: refused inputs', () => {
  const base = { opening: 1000, changes: [], ...JUNE_2023, annualRateBp: 600 };

  it('refuses an unreal date', () => {
    expect(() => accruedInterest({ ...base, from: '2023-02-29' })).toThrow(RangeError);
    expect(() => accruedInterest({ ...base, to: '2023-06-31' })).toThrow(RangeError);
    expect(() => accruedInterest({ ...base, from: '2023-6-1' })).toThrow(RangeError);
    const changes = [{ date: '2023-13-01', amount: 5 }];
    expect(() => accruedInterest({ ...base, changes })).toThrow(RangeError);
  });

  it('refuses from after to', () => {
    expect(() => accruedInterest({ ...base, from: '2023-07-01', to: '2023-06-30' })).toThrow(RangeError);
  });

  it('refuses a non-integer amount or rate', () => {
    expect(() => accruedInterest({ ...base, opening: 10.5 })).toThrow(RangeError);
    expect(() => accruedInterest({ ...base, annualRateBp: 5.25 })).toThrow(RangeError);
    expect(() => accruedInterest({ ...base, annualRateBp: Number.NaN })).toThrow(RangeError);
    const changes = [{ date: '2023-06-05', amount: 0.01 }];
    expect(() => accruedInterest({ ...base, changes })).toThrow(RangeError);
    // A bad amount is refused even outside the period: it would be a bug upstream either way.
    const outside = [{ date: '2024-01-05', amount: 1.5 }];
    expect(() => accruedInterest({ ...base, changes: outside })).toThrow(RangeError);
  });
});

describe('periods', () => {
  it('periodRange: months, February in leap and common years', () => {
    expect(periodRange('2023-06')).toEqual({ from: '2023-06-01', to: '2023-06-30' });
    expect(periodRange('2023-12')).toEqual({ from: '2023-12-01', to: '2023-12-31' });
    expect(periodRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodRange('2023-02')).toEqual({ from: '2023-02-01', to: '2023-02-28' });
    // 1900 is not a leap year (divisible by 100), 2000 is (divisible by 400).
    expect(periodRange('1900-02')).toEqual({ from: '1900-02-01', to: '1900-02-28' });
    expect(periodRange('2000-02')).toEqual({ from: '2000-02-01', to: '2000-02-29' });
  });

  it('periodRange: quarters and years', () => {
    expect(periodRange('2024-Q1')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(periodRange('2024-Q2')).toEqual({ from: '2024-04-01', to: '2024-06-30' });
    expect(periodRange('2024-Q3')).toEqual({ from: '2024-07-01', to: '2024-09-30' });
    expect(periodRange('2024-Q4')).toEqual({ from: '2024-10-01', to: '2024-12-31' });
    expect(periodRange('2024')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });

  it('periodRange refuses what is not a period', () => {
    for (const bad of [
      '2024-13',
      '2024-00',
      '2024-Q0',
      '2024-Q5',
      '24-01',
      '2024-1',
      '2024-q1',
      '',
      '0999',
    ]) {
      expect(() => periodRange(bad), bad).toThrow(RangeError);
    }
  });

  it('periodOf names the period a date falls in', () => {
    expect(periodOf('2024-02-29', 'monthly')).toBe('2024-02');
    expect(periodOf('2024-03-31', 'quarterly')).toBe('2024-Q1');
    expect(periodOf('2024-04-01', 'quarterly')).toBe('2024-Q2');
    expect(periodOf('2024-12-31', 'quarterly')).toBe('2024-Q4');
    expect(periodOf('2024-12-31', 'yearly')).toBe('2024');
    expect(() => periodOf('2024-02-30', 'monthly')).toThrow(RangeError);
    // A product posting at maturity has no calendar period; an untyped caller must not get a made-up one.
    expect(() => periodOf('2024-02-01', 'maturity' as never)).toThrow(RangeError);
  });

  it('periodOf and periodRange agree for every day of a leap year', () => {
    for (let day = 0; day < 366; day++) {
      const date = isoOfDay(dayOfIso('2024-01-01') + day);
      for (const frequency of ['monthly', 'quarterly', 'yearly'] as const) {
        const { from, to } = periodRange(periodOf(date, frequency));
        expect(from <= date && date <= to, `${date} ${frequency}`).toBe(true);
      }
    }
  });
});

describe('addMonths', () => {
  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
  });

  it('carries across years and keeps the day when it exists', () => {
    expect(addMonths('2024-03-15', 12)).toBe('2025-03-15');
    expect(addMonths('2024-12-31', 1)).toBe('2025-01-31');
    expect(addMonths('2024-05-31', 0)).toBe('2024-05-31');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2024-01-15', -13)).toBe('2022-12-15');
  });

  it('refuses a non-integer count, an unreal date, or a year out of range', () => {
    expect(() => addMonths('2024-01-31', 1.5)).toThrow(RangeError);
    expect(() => addMonths('2023-02-29', 1)).toThrow(RangeError);
    expect(() => addMonths('2999-12-01', 1)).toThrow(RangeError);
  });
});

// ---------- Properties ----------

const DAY_MS = 86_400_000;
const dayOfIso = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const FIRST_DAY = dayOfIso('2022-01-01');
const LAST_DAY = dayOfIso('2026-12-31');

// A period (2 days to about 14 months, so it often crosses a year end) with changes around and inside it.
const scenario = fc
  .record({
    start: fc.integer({ min: FIRST_DAY, max: LAST_DAY - 430 }),
    length: fc.integer({ min: 2, max: 430 }),
    opening: fc.integer({ min: -5_000_000, max: 2_000_000_000 }),
    rate: fc.integer({ min: 0, max: 10_000 }),
    changes: fc.array(
      fc.record({
        offset: fc.integer({ min: -60, max: 490 }),
        amount: fc.integer({ min: -50_000_000, max: 50_000_000 }),
      }),
      { maxLength: 25 },
    ),
    cut: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ start, length, opening, rate, changes, cut }) => {
    const end = start + length - 1;
    return {
      opening,
      annualRateBp: rate,
      fromDay: start,
      toDay: end,
      // The last day of the first half: from .. mid and mid + 1 .. to are both non-empty.
      midDay: start + Math.min(length - 2, Math.floor(cut * (length - 1))),
      changes: changes.map((c) => ({ date: isoOfDay(start + c.offset), amount: c.amount })),
    };
  });

describe('accruedInterest: properties', () => {
  it('a period earns what its two halves earn, within one unit of rounding', () => {
    fc.assert(
      fc.property(scenario, ({ opening, annualRateBp, fromDay, toDay, midDay, changes }) => {
        const from = isoOfDay(fromDay);
        const mid = isoOfDay(midDay);
        const to = isoOfDay(toDay);
        const whole = accruedInterest({ opening, changes, from, to, annualRateBp });
        const first = accruedInterest({ opening, changes, from, to: mid, annualRateBp });
        // The second half opens with the first half's closing balance; the changes already in it are not
        // passed again, or they would count twice.
        const closing = opening + changes.filter((c) => c.date <= mid).reduce((s, c) => s + c.amount, 0);
        const later = changes.filter((c) => c.date > mid);
        const second = accruedInterest({
          opening: closing,
          changes: later,
          from: isoOfDay(midDay + 1),
          to,
          annualRateBp,
        });
        // Each of the three is the exact amount rounded once (error ≤ ½), so they differ by at most 1½,
        // hence by at most 1 as integers.
        expect(Math.abs(whole - (first + second))).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with a plain day-by-day sum', () => {
    // The module walks constant-balance stretches; this reference walks every single day, as the rule reads.
    fc.assert(
      fc.property(scenario, ({ opening, annualRateBp, fromDay, toDay, changes }) => {
        let numerator = 0n;
        for (let day = fromDay; day <= toDay; day++) {
          const date = isoOfDay(day);
          const balance = changes.filter((c) => c.date <= date).reduce((s, c) => s + c.amount, opening);
          // rate × balance / (10,000 × days-in-year), over the common denominator 10,000 × 365 × 366.
          const otherYear = isLeap(Number(date.slice(0, 4))) ? 365n : 366n;
          if (balance > 0) numerator += BigInt(annualRateBp) * BigInt(balance) * otherYear;
        }
        const denominator = 10_000n * 365n * 366n;
        const expected = Number((2n * numerator + denominator) / (2n * denominator));
        const from = isoOfDay(fromDay);
        const to = isoOfDay(toDay);
        expect(accruedInterest({ opening, changes, from, to, annualRateBp })).toBe(expected);
      }),
      { numRuns: 100 },
    );
  });
});
