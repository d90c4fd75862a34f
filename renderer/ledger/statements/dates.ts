import { localIsoDate } from '../../../shared/dates';
import { monthName } from '../../../shared/khmer';
import type { I18n } from '../../i18n';

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM' as people say it: 'តុលា ២០២៦', 'October 2026'. */
export function monthLabel(month: string, i18n: I18n): string {
  return `${monthName(Number(month.slice(5, 7)), i18n.language)} ${i18n.num(month.slice(0, 4))}`;
}

/** A moment the main process recorded (UTC) as the local date and time it was on this computer. */
export function momentLabel(timestamp: string, i18n: I18n): string {
  const moment = new Date(timestamp);
  if (Number.isNaN(moment.getTime())) return timestamp;
  return `${i18n.date(localIsoDate(moment))} ${i18n.num(`${pad(moment.getHours())}:${pad(moment.getMinutes())}`)}`;
}
