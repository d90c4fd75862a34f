import { monthName } from '../../../shared/khmer';
import type { I18n } from '../../i18n';

const pad = (n: number) => String(n).padStart(2, '0');
const isoOf = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** Today on the cooperative's calendar: the computer's local date, as the main process takes it. */
export const localToday = (): string => isoOf(new Date());

export const firstOfMonth = (iso: string): string => `${iso.slice(0, 7)}-01`;

/** 'YYYY-MM' as people say it: 'តុលា ២០២៦', 'October 2026'. */
export function monthLabel(month: string, i18n: I18n): string {
  return `${monthName(Number(month.slice(5, 7)), i18n.language)} ${i18n.num(month.slice(0, 4))}`;
}

/** A moment the main process recorded (UTC) as the local date and time it was on this computer. */
export function momentLabel(timestamp: string, i18n: I18n): string {
  const moment = new Date(timestamp);
  if (Number.isNaN(moment.getTime())) return timestamp;
  return `${i18n.date(isoOf(moment))} ${i18n.num(`${pad(moment.getHours())}:${pad(moment.getMinutes())}`)}`;
}
