import type { PostingFrequency } from '../../shared/savings';
import type { I18n } from '../i18n';
import { monthLabel } from '../ledger/statements/dates';

const pad = (n: number) => String(n).padStart(2, '0');

// How many ended periods the interest screen offers: a year of months, two years of quarters.
const OFFERED: Record<PostingFrequency, number> = { monthly: 12, maturity: 12, quarterly: 8, yearly: 5 };

/**
 * The periods of a posting frequency that have ended by `today`, the most recent first: 'YYYY-MM' for
 * monthly and maturity products (a maturity product pays the deposits maturing in the month),
 * 'YYYY-Qn' for quarterly, 'YYYY' for yearly. The period in progress is never offered.
 */
export function endedPeriods(posting: PostingFrequency, today: string): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const periods: string[] = [];
  for (let back = 1; back <= OFFERED[posting]; back += 1) {
    if (posting === 'yearly') {
      periods.push(String(year - back));
    } else if (posting === 'quarterly') {
      const index = year * 4 + Math.floor((month - 1) / 3) - back;
      periods.push(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`);
    } else {
      const index = year * 12 + (month - 1) - back;
      periods.push(`${Math.floor(index / 12)}-${pad((index % 12) + 1)}`);
    }
  }
  return periods;
}

/** A period as people say it: 'មិថុនា ២០២៦', 'ត្រីមាសទី២ ឆ្នាំ២០២៦', 'Year 2025'. */
export function periodLabel(period: string, i18n: I18n): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter)
    return i18n.format(i18n.t.savings.interest.quarter, { n: quarter[2] ?? '', year: quarter[1] ?? '' });
  if (/^\d{4}$/.test(period)) return i18n.format(i18n.t.savings.interest.year, { year: period });
  return monthLabel(period, i18n);
}
