// The backup figures of `npm run bench` (issue 11): a verified backup of the whole demo, verifying it
// again as a restore or review does, and the health check, each the median of three.

import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { createBackup } from '../../main/backup/create';
import { healthCheck } from '../../main/backup/health';
import { verifyBackup } from '../../main/backup/verify';

interface Figure {
  what: string;
  value: string;
  target?: { label: string; pass: boolean };
  detail?: string;
}

type Timer = (runs: number, run: (i: number) => Promise<unknown>) => Promise<number>;
type Timed = (what: string, measured: number, targetMs: number, detail?: string) => Figure;

export async function backupFigures(
  sqlite: BetterSqlite3.Database,
  dir: string,
  medianMs: Timer,
  timed: Timed,
) {
  let file = '';
  let bytes = 0;
  const backup = await medianMs(3, async (i) => {
    const made = await createBackup(sqlite, {
      dir: join(dir, `backups-${i}`),
      appVersion: 'bench',
      at: new Date(),
    });
    file = made.file;
    bytes = made.manifest.databaseBytes;
  });
  const size = `${(bytes / 1_048_576).toFixed(0)} MB`;
  const verify = await medianMs(3, () => verifyBackup(file));
  const health = await medianMs(3, async () => healthCheck(sqlite));
  return [
    timed(`backup, written and verified (${size}, median of 3)`, backup, 3000),
    timed('verify a backup (median of 3)', verify, 2000),
    timed('health check (median of 3)', health, 1000),
  ];
}
