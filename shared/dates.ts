/** A moment's date on this computer's calendar (local time), 'YYYY-MM-DD': the cooperative's day. */
export function localIsoDate(moment: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/** Today, as the screens default every date field to it. */
export const localToday = (): string => localIsoDate(new Date());

export const firstOfMonth = (iso: string): string => `${iso.slice(0, 7)}-01`;
