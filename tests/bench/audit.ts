// The audit trail's figure of `npm run bench` (issue 11): the whole chain of the demo checked, with every
// table against the log and every entry's lines against their digest, the median of three.
import type BetterSqlite3 from 'better-sqlite3';
import { verifyAudit } from '../../main/audit/verify';

interface Figure {
  what: string;
  value: string;
  target?: { label: string; pass: boolean };
  detail?: string;
}

type Timer = (runs: number, run: (i: number) => Promise<unknown>) => Promise<number>;
type Timed = (what: string, measured: number, targetMs: number, detail?: string) => Figure;

export async function auditFigure(sqlite: BetterSqlite3.Database, medianMs: Timer, timed: Timed) {
  let rows = 0;
  let intact = false;
  const ms = await medianMs(3, async () => {
    const report = verifyAudit(sqlite);
    rows = report.rows;
    intact = report.intact;
  });
  return timed(
    'audit verify, the whole chain (median of 3)',
    ms,
    2000,
    `${rows.toLocaleString('en')} log rows, ${intact ? 'intact' : 'NOT intact'}`,
  );
}
