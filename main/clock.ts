/** Today's date as the cooperative's calendar sees it (local time), 'YYYY-MM-DD'. */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export type Clock = () => Date;

/** The moment a business event is recorded: the calendar date it belongs to, and the exact time. */
export interface Now {
  today: string;
  timestamp: string;
}

export function nowFrom(clock: Clock): Now {
  const now = clock();
  return { today: localIsoDate(now), timestamp: now.toISOString() };
}
export const systemClock: Clock = () => new Date();
