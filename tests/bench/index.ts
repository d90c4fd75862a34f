// `npm run bench`: how fast the register is at the size of the largest cooperative. It reports and does not
// fail; the targets are the ones the register's issue set for an old laptop.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { localIsoDate, systemClock } from '../../main/clock';
import { openDatabase } from '../../main/db/open';
import type { Database } from '../../main/db/schema';
import { createDemoCooperative } from '../../main/demo/cooperative';
import { listMembers } from '../../main/members/search';
import type { MemberQuery } from '../../shared/schemas';

const MEMBERS = 3_000;
const SEED = 1;

interface Figure {
  what: string;
  value: string;
  target?: { ms: number; measured: number };
  /** Printed last on its line: Khmer vowel signs take no width of their own, so Khmer cannot be padded. */
  detail?: string;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const at = (i: number) => sorted[i] ?? Number.NaN;
  return sorted.length % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

async function medianMs(runs: number, run: (i: number) => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run(i);
    samples.push(performance.now() - started);
  }
  return median(samples);
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const timed = (what: string, measured: number, targetMs: number, detail?: string): Figure => ({
  what,
  value: ms(measured),
  target: { ms: targetMs, measured },
  ...(detail ? { detail } : {}),
});
const query = (text: string): MemberQuery => ({ text, status: 'all', sex: 'all', sort: 'name' });

function printTable(figures: Figure[]): void {
  const header = ['measure', 'figure', 'target', 'result'];
  const rows = figures.map((f) => [
    f.what,
    f.value,
    f.target ? `< ${f.target.ms} ms` : '',
    f.target ? (f.target.measured < f.target.ms ? 'PASS' : 'MISS') : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[], detail = '') =>
    [
      ...cells.map((cell, i) => (i === 1 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))),
      detail,
    ]
      .join('  ')
      .trimEnd();
  console.log(line(header, 'detail'));
  console.log(
    line(
      widths.map((w) => '-'.repeat(w)),
      '------',
    ),
  );
  for (const [i, row] of rows.entries()) console.log(line(row, figures[i]?.detail));
}

// openDatabase's close() leaves the SQLite handle open when no query ran through Kysely (an up-to-date
// file needs none), so the handle is closed here too: otherwise every "open" after the first is measured
// against a file that is still open.
async function openAndClose(file: string): Promise<void> {
  const opened = await openDatabase(file);
  await opened.close();
  if (opened.sqlite.open) opened.sqlite.close();
}

async function searchFigures(db: Kysely<Database>): Promise<Figure[]> {
  // Fragments taken from a real member, so that each search finds people rather than nothing.
  const sample = await db
    .selectFrom('members')
    .select(['name_km', 'name_latin', 'number'])
    .where('number', '=', Math.floor(MEMBERS / 2))
    .executeTakeFirstOrThrow();
  const [familyKm = '', givenKm = ''] = sample.name_km.split(' ');
  const givenLatin = (sample.name_latin ?? '').split(' ')[1] ?? '';
  const searches = [
    { what: 'a Khmer family name', text: familyKm },
    { what: 'part of a Khmer given name', text: givenKm.slice(0, 3) },
    { what: 'part of a Latin given name', text: givenLatin.slice(0, 4).toLowerCase() },
    { what: 'a member number', text: String(sample.number) },
  ];
  const figures: Figure[] = [];
  for (const search of searches) {
    const found = (await listMembers(db, query(search.text))).length;
    const measured = await medianMs(200, () => listMembers(db, query(search.text)));
    figures.push(
      timed(`search by ${search.what} (median of 200)`, measured, 10, `'${search.text}': ${found} found`),
    );
  }
  const listAll = await medianMs(50, () => listMembers(db, query('')));
  figures.push(timed(`list all ${MEMBERS} by Khmer name (median of 50)`, listAll, 100));
  return figures;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sahakum-bench-'));
  try {
    const file = join(dir, 'demo.db');
    const clock = systemClock();
    const now = { today: localIsoDate(clock), timestamp: clock.toISOString() };
    const started = performance.now();
    const demo = await openDatabase(file);
    await createDemoCooperative(demo.db, { members: MEMBERS, seed: SEED, now });
    await demo.close();
    const figures: Figure[] = [
      { what: `demo generation, ${MEMBERS} members (seed ${SEED})`, value: ms(performance.now() - started) },
      { what: 'database file size', value: `${(statSync(file).size / 1024).toFixed(0)} KiB` },
    ];

    const openFresh = await medianMs(15, (i) => openAndClose(join(dir, `fresh-${i}.db`)));
    figures.push(timed('open + migrate, new file (median of 15)', openFresh, 200));
    const openFull = await medianMs(15, () => openAndClose(file));
    figures.push(timed(`open + migrate, ${MEMBERS}-member file (median of 15)`, openFull, 200));

    const opened = await openDatabase(file);
    try {
      figures.push(...(await searchFigures(opened.db)));
    } finally {
      await opened.close();
    }
    printTable(figures);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
});
