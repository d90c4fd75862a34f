/**
 * Interest on savings: the arithmetic only (no database, no clock), so that every number the interest run
 * posts can be checked by hand.
 *
 * THE ROUNDING RULE (SPEC 2.5, issue 4):
 * 1. Interest accrues on the closing balance of each calendar day. A deposit earns from the day it is made;
 *    a withdrawal stops earning on the day it is made. A negative day balance earns nothing.
 * 2. Day count 'actual/actual' by calendar year: a day earns balance × rate / 365, or / 366 when the day
 *    falls in a leap year. A period crossing 31 December mixes the two.
 * 3. The day amounts are NOT rounded. They are added up exactly, as one fraction over the whole period
 *    (BigInt integers, never floating point), and that sum is rounded ONCE per account per posting.
 * 4. Rounding is to the currency's minor unit, half up: a fraction of exactly one half goes to the next
 *    unit, anything below it goes down (for the rare negative amount, half goes away from zero). Amounts are
 *    kept in minor units, so riel round to the whole riel and dollars to the cent, both to an integer.
 *    Example: 999,735 ៛ for the 30 days of June 2023 at 5 % earns 999,735 × 30 × 5 % / 365 = 4,108.5,
 *    which is posted as 4,109 ៛; one riel-day less (4,108.4998…) is posted as 4,108 ៛.
 * Rounding once per account means a member's interest does not depend on how many deposits they made, and
 * the posted expense is the sum of the per-member lines (each line is what is rounded; nothing is spread).
 *
 * Dates are ISO 'YYYY-MM-DD' strings (years 1900..2999, as everywhere else in the app) turned into day
 * numbers with Date.UTC, so no time zone or daylight saving change can move a day.
 */
export interface BalanceChange {
  /** YYYY-MM-DD */
  date: string;
  /** Signed, in minor units: a deposit is positive, a withdrawal negative. */
  amount: number;
}

export type InterestFrequency = 'monthly' | 'quarterly' | 'yearly';

const DAY_MS = 86_400_000;
const ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const PERIOD = /^([0-9]{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;
// The rate is in hundredths of a percent, so 100 % is 10,000 basis points.
const BP_PER_UNIT = 10_000n;

interface Ymd {
  year: number;
  month: number;
  day: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function toIso({ year, month, day }: Ymd): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function requireYear(year: number, what: string): void {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`${what}: year ${year} is outside ${MIN_YEAR}..${MAX_YEAR}`);
  }
}

function parseIso(iso: string, what: string): Ymd {
  const m = typeof iso === 'string' ? ISO_DATE.exec(iso) : null;
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (
    m === null ||
    year < MIN_YEAR ||
    year > MAX_YEAR ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month)
  ) {
    throw new RangeError(`${what} is not a real ISO date (YYYY-MM-DD, ${MIN_YEAR}..${MAX_YEAR}): '${iso}'`);
  }
  return { year, month, day };
}

// Days since 1970-01-01: consecutive days are consecutive integers, so counting days is a subtraction.
function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function requireSafeInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be a safe integer, got ${n}`);
}

/** numerator / denominator (denominator > 0) rounded half away from zero: the one rounding of this module. */
function roundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  const magnitude = numerator < 0n ? -numerator : numerator;
  // floor((2|n| + d) / 2d) = floor(|n|/d + 1/2): an exact half goes up, as BigInt division truncates.
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  return numerator < 0n ? -rounded : rounded;
}

/**
 * Interest on a daily balance from `from` to `to` inclusive. The balance of a day is the opening balance plus
 * every change dated on or before that day (a deposit earns from its own day; a withdrawal stops earning that
 * day). Each day earns balance × rate / days-in-that-year (365, or 366 in a leap year: 'actual/actual' by
 * calendar year), summed exactly as a fraction over the whole period, then rounded ONCE per account, half up
 * (away from zero for the rare negative), to the currency's minor unit: whole riel for KHR, cents for USD
 * (amounts are already in minor units, so both round to an integer). A negative daily balance earns nothing.
 *
 * `opening` is the balance before any of `changes`; `changes` may be unsorted, and those dated before `from`
 * count into the first day's balance while those after `to` are ignored.
 */
export function accruedInterest(input: {
  opening: number;
  changes: readonly BalanceChange[];
  from: string;
  to: string;
  /** Yearly rate in hundredths of a percent: 525 is 5.25 %. */
  annualRateBp: number;
}): number {
  const { opening, changes, annualRateBp } = input;
  const from = parseIso(input.from, 'from');
  const to = parseIso(input.to, 'to');
  const fromDay = dayNumber(from.year, from.month, from.day);
  const toDay = dayNumber(to.year, to.month, to.day);
  if (fromDay > toDay) throw new RangeError(`from (${input.from}) is after to (${input.to})`);
  requireSafeInteger(opening, 'opening');
  requireSafeInteger(annualRateBp, 'annualRateBp');

  let balance = BigInt(opening);
  const inside: { day: number; amount: bigint }[] = [];
  for (const change of changes) {
    const { year, month, day } = parseIso(change.date, 'change date');
    requireSafeInteger(change.amount, `change amount on ${change.date}`);
    const changeDay = dayNumber(year, month, day);
    // A change on `from` itself is in force all of the first day, exactly like one made earlier.
    if (changeDay <= fromDay) balance += BigInt(change.amount);
    else if (changeDay <= toDay) inside.push({ day: changeDay, amount: BigInt(change.amount) });
  }
  inside.sort((a, b) => a.day - b.day);

  // Balance-days (Σ day balance) kept apart by the length of their year, so that the division by 365 or 366
  // happens once, at the end, on exact integers.
  let commonYearDays = 0n;
  let leapYearDays = 0n;
  const earning = (b: bigint) => (b > 0n ? b : 0n);
  let next = 0;
  for (let year = from.year; year <= to.year; year++) {
    const first = Math.max(fromDay, dayNumber(year, 1, 1));
    const last = Math.min(toDay, dayNumber(year, 12, 31));
    let cursor = first;
    let sum = 0n;
    for (let change = inside[next]; change !== undefined && change.day <= last; change = inside[++next]) {
      // Days cursor .. change.day - 1 keep the old balance; the change counts from its own day.
      sum += earning(balance) * BigInt(change.day - cursor);
      balance += change.amount;
      cursor = change.day;
    }
    sum += earning(balance) * BigInt(last - cursor + 1);
    if (isLeapYear(year)) leapYearDays += sum;
    else commonYearDays += sum;
  }

  // rate/10000 × (common/365 + leap/366) over the common denominator 10000 × 365 × 366.
  const numerator = BigInt(annualRateBp) * (366n * commonYearDays + 365n * leapYearDays);
  const interest = roundHalfAwayFromZero(numerator, BP_PER_UNIT * 365n * 366n);
  const result = Number(interest);
  if (!Number.isSafeInteger(result)) throw new RangeError(`interest ${interest} is beyond a safe integer`);
  return result;
}

/**
 * Periods as the products post them: 'YYYY-MM' → that month, 'YYYY-Qn' → that quarter,
 * 'YYYY' → that year.
 */
export function periodRange(period: string): { from: string; to: string } {
  const m = typeof period === 'string' ? PERIOD.exec(period) : null;
  if (m === null) throw new RangeError(`not a period (YYYY, YYYY-MM or YYYY-Qn): '${period}'`);
  const year = Number(m[1]);
  requireYear(year, `period '${period}'`);
  let firstMonth = 1;
  let lastMonth = 12;
  if (m[2] !== undefined) {
    firstMonth = Number(m[2]);
    lastMonth = firstMonth;
  } else if (m[3] !== undefined) {
    lastMonth = Number(m[3]) * 3;
    firstMonth = lastMonth - 2;
  }
  return {
    from: toIso({ year, month: firstMonth, day: 1 }),
    to: toIso({ year, month: lastMonth, day: daysInMonth(year, lastMonth) }),
  };
}

/**
 * The period label containing a date for a posting frequency ('monthly' → 'YYYY-MM', 'quarterly' → 'YYYY-Qn',
 * 'yearly' → 'YYYY').
 */
export function periodOf(date: string, frequency: InterestFrequency): string {
  const { year, month } = parseIso(date, 'date');
  switch (frequency) {
    case 'monthly':
      return `${year}-${pad2(month)}`;
    case 'quarterly':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'yearly':
      return String(year);
    default:
      // Reached only from untyped callers, e.g. a product row whose posting is 'maturity'.
      throw new RangeError(`no period for posting frequency '${String(frequency)}'`);
  }
}

/**
 * Adds whole calendar months to a date (31 Jan + 1 month = 28/29 Feb): used for fixed-term maturity. A day
 * that the target month lacks becomes its last day, so a deposit never matures in the month after its term.
 */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = parseIso(date, 'date');
  requireSafeInteger(months, 'months');
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  requireYear(targetYear, `${date} + ${months} months`);
  return toIso({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}
