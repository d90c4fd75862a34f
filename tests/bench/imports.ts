import { join } from 'node:path';
import { createCooperative } from '../../main/cooperative/profile';
import { openDatabase } from '../../main/db/open';
import { readOpeningCsv } from '../../main/ledger/opening';
import { importMembersCsv } from '../../main/members/import';
import { blankCooperative } from '../../shared/schemas';

// The two CSV importers on a megabyte: the largest register that is all good (every row imported), the
// same file refused (every national ID already taken), and opening balances at the row limit.

interface Figure {
  what: string;
  value: string;
  target?: { label: string; pass: boolean };
  detail?: string;
}
type Timer = (runs: number, run: (i: number) => Promise<unknown>) => Promise<number>;
type Timed = (what: string, measured: number, targetMs: number, detail?: string) => Figure;

const RUNS = 5;
const MEGABYTE = 1024 * 1024;
const HEADER =
  'name_km,name_latin,sex,birth_date,national_id,phone,village,commune,join_date,next_of_kin,notes\n';

/** About a megabyte of full register rows, with national IDs from `first` on. */
function register(first: number): { csv: Buffer; rows: number } {
  const rows = [HEADER];
  let size = HEADER.length;
  for (let i = 0; size < MEGABYTE - 300; i++) {
    const row =
      `សុខ ស្រីមុំ ${i},Sok Sreymom ${i},ស្រី,02/03/1980,${first + i},012 345 678,ព្រែកតាមាក,ព្រះស្តេច,` +
      '15/01/2020,ចាន់ ធីតា,ប្រធានក្រុម\n';
    rows.push(row);
    size += Buffer.byteLength(row);
  }
  return { csv: Buffer.from(rows.join('')), rows: rows.length - 1 };
}

export async function importFigures(
  dir: string,
  now: { today: string; timestamp: string },
  medianMs: Timer,
  timed: Timed,
) {
  const figures: Figure[] = [];
  const sizes = ({ csv, rows }: { csv: Buffer; rows: number }) =>
    `${(csv.length / MEGABYTE).toFixed(2)} MiB, ${rows.toLocaleString('en')} rows`;
  const files = Array.from({ length: RUNS }, (_, i) => register(100_000_000 + i * 1_000_000));
  const opened = await openDatabase(join(dir, 'imports.db'));
  try {
    await createCooperative(
      opened.db,
      { ...blankCooperative, nameKm: 'សហគមន៍កសិកម្ម', foundedOn: '2015-01-01' },
      now,
    );
    const imported = await medianMs(RUNS, async (i) => {
      const result = await importMembersCsv(opened.db, files[i]?.csv ?? '', now);
      if ('errors' in result) throw new Error(`bench register refused: ${JSON.stringify(result.errors[0])}`);
    });
    figures.push(
      timed(
        `members import, a 1 MB register (median of ${RUNS})`,
        imported,
        1000,
        sizes(files[0] ?? register(0)),
      ),
    );
    // The first file again: every row's national ID is now taken, so the file is refused whole.
    const refused = await medianMs(RUNS, () => importMembersCsv(opened.db, files[0]?.csv ?? '', now));
    figures.push(
      timed(`members import refused, the same file (median of ${RUNS})`, refused, 1000, 'first 100 errors'),
    );
    const opening = Buffer.from(
      `account_code,member_number,amount\n${'2101,1,150000\n3901,,150000\n'.repeat(10_000)}`,
    );
    const read = await medianMs(RUNS, () => readOpeningCsv(opened.db, opening));
    figures.push(
      timed(
        `opening balances read, 20,000 lines (median of ${RUNS})`,
        read,
        1000,
        `${(opening.length / MEGABYTE).toFixed(2)} MiB`,
      ),
    );
  } finally {
    await opened.close();
  }
  return figures;
}
