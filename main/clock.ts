/** Today's date as the cooperative's calendar sees it (local time), 'YYYY-MM-DD'. */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
