import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupsToKeep, listAutomaticBackups, rotateBackups } from '../../../main/backup/rotation';
import { scratchDir } from './books';

const pad = (n: number) => String(n).padStart(2, '0');
const nameOf = (d: Date) =>
  `auto-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}00.sahakum-backup`;

describe('the rotation of automatic backups', () => {
  it('keeps the newest of each of the last 7 days, 4 weeks and 12 months', () => {
    // Two backups a day (morning and exit) for 500 days up to Friday 4 December 2026.
    const backups: { madeAt: Date }[] = [];
    for (let day = 0; day < 500; day++) {
      for (const hour of [17, 8]) backups.push({ madeAt: new Date(2026, 11, 4 - day, hour) });
    }
    const kept = [...backupsToKeep(backups)].map((b) => b.madeAt);
    const label = (d: Date) =>
      `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${d.getHours()}`;
    expect(kept.map(label)).toEqual([
      // 7 days, each its evening backup
      '2026-12-04 17',
      '2026-12-03 17',
      '2026-12-02 17',
      '2026-12-01 17',
      '2026-11-30 17',
      '2026-11-29 17',
      '2026-11-28 17',
      // 4 weeks (Monday to Sunday): this week's newest is already kept; then the Sundays before
      '2026-11-22 17',
      '2026-11-15 17',
      // 12 months: the last day of each month before
      '2026-10-31 17',
      '2026-09-30 17',
      '2026-08-31 17',
      '2026-07-31 17',
      '2026-06-30 17',
      '2026-05-31 17',
      // (December's is this week's: twelve months reach back to January)
      '2026-04-30 17',
      '2026-03-31 17',
      '2026-02-28 17',
      '2026-01-31 17',
    ]);
  });

  it('removes from the folder what it does not keep, and what a crash left half-made', () => {
    const scratch = scratchDir();
    try {
      for (let day = 0; day < 40; day++)
        writeFileSync(join(scratch.dir, nameOf(new Date(2026, 11, 4 - day, 9))), 'x');
      writeFileSync(join(scratch.dir, '.2026-12-04-090000-abc.sahakum-backup.partial'), 'half');
      writeFileSync(join(scratch.dir, 'sahakum-2026-01-01-090000.sahakum-backup'), 'on demand, kept');
      const removed = rotateBackups(scratch.dir);
      expect(removed).toContain(join(scratch.dir, '.2026-12-04-090000-abc.sahakum-backup.partial'));
      const left = listAutomaticBackups(scratch.dir).map((b) => b.name);
      // 7 days, the Sundays 22 and 15 November, 31 October (November's and December's are kept already).
      expect(left).toHaveLength(7 + 2 + 1);
      expect(left[0]).toBe('auto-2026-12-04-090000.sahakum-backup');
      expect(left.at(-1)).toBe('auto-2026-10-31-090000.sahakum-backup');
    } finally {
      scratch.done();
    }
  });
});
