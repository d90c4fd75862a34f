/** A moment's date on this computer's calendar (local time), 'YYYY-MM-DD': the cooperative's day. */
export function localIsoDate(moment: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/** Today, as the screens default every date field to it. */
export const localToday = (): string => localIsoDate(new Date());

export const firstOfMonth = (iso: string): string => `${iso.slice(0, 7)}-01`;

/** The month before the one `iso` is in, 'YYYY-MM': the last month that has ended. */
export function lastEndedMonth(iso: string): string {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}
