// The home screen's data on the largest demo: every figure and the 12-month trend, as home.summary answers.
import type { Kysely } from 'kysely';
import type { Database } from '../../main/db/schema';
import { homeSummary } from '../../main/home/summary';

interface Figure {
  what: string;
  value: string;
  target?: { label: string; pass: boolean };
  detail?: string;
}
type Timer = (runs: number, run: (i: number) => Promise<unknown>) => Promise<number>;
type Timed = (what: string, measured: number, targetMs: number, detail?: string) => Figure;

export async function homeFigure(db: Kysely<Database>, today: string, medianMs: Timer, timed: Timed) {
  const summary = await homeSummary(db, today, null);
  const measured = await medianMs(20, () => homeSummary(db, today, null));
  const points = summary.trend.length;
  return timed(
    'home screen data, every figure and the 12-month trend (median of 20)',
    measured,
    100,
    `${summary.members.active.toLocaleString('en')} active members, ${points} months, ` +
      `input credit ${(summary.inputCredit?.outstanding ?? 0).toLocaleString('en')} riel`,
  );
}
