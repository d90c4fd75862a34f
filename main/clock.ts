import { localIsoDate } from '../shared/dates';

export { localIsoDate };

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
