import type { CreditCharge } from './inputs';

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Months of credit from a sale to its due date, a part month counting as a whole one: the fewest months
 * that, added to the sale's date (the day kept, or the month's last day if it has fewer), reach the due date.
 */
export function creditMonths(date: string, dueDate: string): number {
  const [year = 0, month = 0, day = 0] = date.split('-').map(Number);
  const [dueYear = 0, dueMonth = 0, dueDay = 0] = dueDate.split('-').map(Number);
  const apart = dueYear * 12 + dueMonth - (year * 12 + month);
  if (apart < 0) return 0;
  return Math.min(day, daysInMonth(dueYear, dueMonth)) >= dueDay ? apart : apart + 1;
}

/**
 * What a credit sale's charge comes to, in riel: a flat fee, or the monthly rate over the months of
 * credit, half up. The sale form shows it before posting; the posting charges exactly this.
 */
export function chargeOf(charge: CreditCharge, goods: number, date: string, dueDate: string | null): number {
  if (charge.kind === 'none') return 0;
  if (charge.kind === 'flat') return charge.amount;
  const months = dueDate === null ? 0 : creditMonths(date, dueDate);
  return Math.floor((goods * charge.monthlyBp * months + 5_000) / 10_000);
}
