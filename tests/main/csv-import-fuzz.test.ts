import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCooperative } from '../../main/cooperative/profile';
import { type OpenedDatabase, openDatabase } from '../../main/db/open';
import { postOpeningBalances, readOpeningCsv } from '../../main/ledger/opening';
import { importMembersCsv } from '../../main/members/import';
import { km } from '../../renderer/i18n/km';
import { DomainError } from '../../shared/errors';
import { preyKhla } from '../support/cooperative';

// Whatever bytes a user hands the two CSV importers (members, opening balances), they answer, and a
// refusal writes nothing: random bytes, text in random encodings, and CSV with random quoting, cells and
// line ends, some of it a megabyte long.

const NOW = { today: '2026-11-28', timestamp: '2026-11-28T03:00:00.000Z' };
const ACTOR = { ...NOW, user: 'fuzz' };
const FILE_REFUSALS = ['file_encoding', 'file_too_large', 'too_many_rows'];

let dir: string;
let opened: OpenedDatabase;
let file: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-fuzz-'));
  file = join(dir, 'books.db');
  opened = await openDatabase(file);
  await createCooperative(opened.db, preyKhla, NOW);
  const members = 'name_km,sex,join_date\nសុខ ស្រីមុំ,F,2018-02-20\nចាន់ ដារ៉ា,M,2019-03-01\n';
  expect(await importMembersCsv(opened.db, members, NOW)).toEqual({ imported: 2 });
  // A register of a thousand rows, as an app that has run for a while has imported before: the timings
  // below are of the import, not of the JavaScript engine compiling it the first time.
  const warmUp = [REGISTER_HEADER, ...Array.from({ length: 1000 }, (_, i) => REGISTER_ROW(i, 900_000_000))];
  expect(await importMembersCsv(opened.db, warmUp.join(''), NOW)).toEqual({ imported: 1000 });
  opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
});
afterAll(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

const digest = (path: string) =>
  existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'none';
// The file itself is only written when the log is checkpointed into it: its size and time say whether.
const stamp = (path: string) => {
  const { size, mtimeMs } = statSync(path);
  return `${size} ${mtimeMs}`;
};

/**
 * Everything an import could write, read back, with the bytes of the file and its write-ahead log (where
 * every commit lands first): a refusal must leave all of it exactly as it was.
 */
async function books() {
  const count = (table: 'members' | 'journal_entries' | 'journal_lines' | 'share_movements') =>
    opened.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return {
    members: count('members'),
    entries: count('journal_entries'),
    lines: count('journal_lines'),
    shares: count('share_movements'),
    sequences: opened.sqlite.prepare('SELECT name, next_value FROM sequences ORDER BY name').all(),
    file: stamp(file),
    log: digest(`${file}-wal`),
  };
}

type Outcome = { written: number } | { refused: true };

/** Every row error names a column (or the file) in a few letters, with a code the screens have a sentence for. */
function expectReadable(errors: readonly { row: number; field: string; code: string }[]) {
  expect(errors.length).toBeGreaterThan(0);
  for (const error of errors) {
    expect(Number.isInteger(error.row) && error.row >= 0).toBe(true);
    // Forty letters and '…' at most: never the cell echoed back whole.
    expect(error.field.length).toBeLessThanOrEqual(321);
    expect(km.errors[error.code as keyof typeof km.errors]).toBeDefined();
  }
}

async function fileRefusal(work: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DomainError) || !FILE_REFUSALS.includes(error.error.code)) throw error;
    return { refused: true };
  }
}

const IMPORTERS = {
  members: (bytes: Uint8Array) =>
    fileRefusal(async () => {
      const result = await importMembersCsv(opened.db, bytes, NOW);
      if ('errors' in result) {
        expectReadable(result.errors);
        return { refused: true };
      }
      return { written: result.imported };
    }),
  opening: (bytes: Uint8Array) =>
    fileRefusal(async () => {
      const read = await readOpeningCsv(opened.db, bytes);
      if ('errors' in read) {
        expectReadable(read.errors);
        return { refused: true };
      }
      if (read.lines.length === 0) return { refused: true };
      try {
        await postOpeningBalances(opened.db, { date: '2025-12-31', lines: read.lines }, ACTOR);
        return { written: read.lines.length };
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        return { refused: true };
      }
    }),
};

/** One import of one file: never a crash, nothing written unless it was accepted, and how long it took. */
async function importOnce(importer: keyof typeof IMPORTERS, bytes: Uint8Array): Promise<number> {
  const before = await books();
  // The processor time the import takes: on the bookkeeper's idle laptop that is how long they wait; on a
  // machine running other test files beside this one, the clock on the wall also counts their turns.
  const started = process.cpuUsage();
  const outcome = await IMPORTERS[importer](bytes);
  const used = process.cpuUsage(started);
  const millis = (used.user + used.system) / 1000;
  const after = await books();
  if ('refused' in outcome) expect(after).toEqual(before);
  else {
    if (importer === 'members') expect(after.members).toBe(before.members + outcome.written);
    else expect(after.lines).toBe(before.lines + outcome.written);
    // Into the file itself, so that the log each later run compares stays small.
    opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  }
  return millis;
}

// Each importer's columns, with cells that are mostly what the column wants and sometimes anything at all.
const PLAUSIBLE: Record<string, fc.Arbitrary<string>> = {
  name_km: fc.constantFrom('សុខ ស្រីមុំ', 'ចាន់ ដារ៉ា', 'ហេង សុភា', 'ស្រី', ' ', ''),
  name_latin: fc.constantFrom('Sok Sreymom', 'Chan Dara', '=HYPERLINK("http://x","y")', "'=1+1", ''),
  sex: fc.constantFrom('F', 'M', 'ស្រី', 'ប្រុស', 'f', 'X', ''),
  birth_date: fc.constantFrom('1980-03-02', '02/03/1980', '១៥/០១/១៩៧៥', '31/02/1980', '2999-01-01', ''),
  national_id: fc.constantFrom('010203040', '010203040', 'AB123456', '12', ''),
  phone: fc.constantFrom('012 345 678', '+855 12 345 678', '@SUM(A1)', '123', ''),
  village: fc.constantFrom('ព្រែកតាមាក', '-2+3', ''),
  commune: fc.constantFrom('ព្រះស្តេច', ''),
  join_date: fc.constantFrom('2020-01-15', '15/01/2020', '២០/០២/២០១៨', '2010-01-01', '2999-01-01', 'soon'),
  next_of_kin: fc.constantFrom('ចាន់ ធីតា', ''),
  notes: fc.constantFrom('ប្រធានក្រុម, ភូមិ', 'line\nbreak', '"quoted"', ''),
  account_code: fc.constantFrom('1101', '1102', '2101', '3101', '3901', '3902', '1', '9999', ''),
  member_number: fc.constantFrom('1', '2', '0001', '១', '3', '1e0', '0x1', ''),
  amount: fc.constantFrom('150000', '312.50', '-5000', '0', '1,000', '1e3', '12.345', ''),
};
const anyCellArb = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
// A cell written as a spreadsheet would, or as a careless hand would: quoted, unquoted, half-quoted.
const quoted = (cell: string, how: 'plain' | 'quoted' | 'open' | 'stray') =>
  how === 'plain'
    ? cell
    : how === 'quoted'
      ? `"${cell.replaceAll('"', '""')}"`
      : how === 'open'
        ? `"${cell}`
        : `${cell}"x`;
const quotingArb = fc.oneof(
  { weight: 30, arbitrary: fc.constant('plain' as const) },
  { weight: 10, arbitrary: fc.constant('quoted' as const) },
  { weight: 1, arbitrary: fc.constantFrom('open' as const, 'stray' as const) },
);
const cellArb = (column: string) =>
  fc
    .tuple(
      fc.oneof(
        {
          weight: 5,
          arbitrary: (Object.hasOwn(PLAUSIBLE, column) ? PLAUSIBLE[column] : undefined) ?? anyCellArb,
        },
        { weight: 1, arbitrary: anyCellArb },
      ),
      quotingArb,
    )
    .map(([cell, how]) => quoted(cell, how));

function csvArb(columns: readonly string[], required: readonly string[]) {
  return fc
    .record({
      chosen: fc.shuffledSubarray([...columns], { minLength: 1 }),
      keepRequired: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
      extra: fc.option(anyCellArb, { freq: 5, nil: undefined }),
      rows: fc.integer({ min: 0, max: 12 }),
      widthChange: fc.option(fc.integer({ min: -1, max: 1 }), { freq: 4, nil: undefined }),
      newline: fc.constantFrom('\n', '\r\n', '\r'),
    })
    .chain(({ chosen, keepRequired, extra, rows, widthChange, newline }) => {
      const header = keepRequired ? [...new Set([...chosen, ...required])] : chosen;
      const names = extra === undefined ? header : [...header, extra];
      const width = Math.max(1, names.length + (widthChange ?? 0));
      const row = fc.tuple(...Array.from({ length: width }, (_, i) => cellArb(names[i] ?? '')));
      return fc
        .array(row, { minLength: rows, maxLength: rows })
        .map((body) => [names.map((n) => quoted(n, 'plain')), ...body].map((r) => r.join(',')).join(newline));
    });
}
const CSV = {
  members: csvArb(
    [
      'name_km',
      'name_latin',
      'sex',
      'birth_date',
      'national_id',
      'phone',
      'village',
      'commune',
      'join_date',
      'next_of_kin',
      'notes',
    ],
    ['name_km', 'sex', 'join_date'],
  ),
  opening: csvArb(['account_code', 'member_number', 'amount'], ['account_code', 'member_number', 'amount']),
};

type Encoding = 'utf8' | 'utf8-bom' | 'utf16le-bom' | 'utf16be-bom' | 'utf16le' | 'latin1';
function encode(text: string, encoding: Encoding): Buffer {
  const le = () => Buffer.from(text, 'utf16le');
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text);
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    case 'utf16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), le()]);
    case 'utf16be-bom':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le().swap16()]);
    case 'utf16le':
      return le();
    case 'latin1':
      return Buffer.from(text, 'latin1');
  }
}
const encodingArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<Encoding>('utf8', 'utf8-bom', 'utf16le-bom', 'utf16be-bom') },
  { weight: 1, arbitrary: fc.constantFrom<Encoding>('utf16le', 'latin1') },
);
const fileArb = (importer: keyof typeof CSV) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 3000 }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.string({ unit: 'binary', maxLength: 400 }), encodingArb)
        .map(([t, e]) => encode(t, e)),
    },
    { weight: 6, arbitrary: fc.tuple(CSV[importer], encodingArb).map(([t, e]) => encode(t, e)) },
  );

const MEGABYTE = 1024 * 1024;
// A megabyte, described small (so that a failure prints the recipe, not the megabyte): random bytes
// repeated, one generated file's rows over and over, or a single endless cell.
type Megabyte =
  | { bytes: Uint8Array }
  | { csv: string; encoding: Encoding }
  | { cell: string }
  | { register: number };
const megabyteArb = (importer: keyof typeof CSV) =>
  fc.oneof(
    fc.uint8Array({ minLength: 16, maxLength: 64 }).map((bytes): Megabyte => ({ bytes })),
    fc.tuple(CSV[importer], encodingArb).map(([csv, encoding]): Megabyte => ({ csv, encoding })),
    fc.constantFrom('name_km,', 'account_code,', '"', '').map((cell): Megabyte => ({ cell })),
    // The largest file that is all good: a whole register of full rows, every one to be imported.
    fc.integer({ min: 0, max: 9 }).map((register): Megabyte => ({ register })),
  );
const REGISTER_HEADER =
  'name_km,name_latin,sex,birth_date,national_id,phone,village,commune,join_date,next_of_kin,notes\n';
const REGISTER_ROW = (i: number, first: number) =>
  `សុខ ស្រីមុំ ${i},Sok Sreymom ${i},ស្រី,02/03/1980,${first + i},012 345 678,ព្រែកតាមាក,ព្រះស្តេច,15/01/2020,ចាន់ ធីតា,ប្រធានក្រុម\n`;
function megabyte(recipe: Megabyte): Buffer {
  if ('bytes' in recipe) return Buffer.alloc(MEGABYTE, recipe.bytes);
  if ('cell' in recipe) return Buffer.from(recipe.cell.padEnd(MEGABYTE / 3, 'ស'));
  if ('register' in recipe) {
    const rows = [REGISTER_HEADER];
    // National IDs unique in the file; a register imported once is refused the second time (IDs taken).
    const first = 100_000_000 + recipe.register * 1_000_000;
    for (let i = 0, size = 0; size < MEGABYTE - 200; i++) {
      rows.push(REGISTER_ROW(i, first));
      size += Buffer.byteLength(rows.at(-1) ?? '');
    }
    return Buffer.from(rows.join(''));
  }
  const [header = '', ...rest] = recipe.csv.split('\n');
  const body = `${rest.join('\n') || 'x'}\n`;
  const text = `${header}\n${body.repeat(Math.ceil(MEGABYTE / body.length))}`.slice(0, MEGABYTE);
  return encode(text, recipe.encoding);
}

// Hundreds of files each: on a 2-core machine running other test files, longer than the default 20 s.
describe('the CSV importers under any file', { timeout: 60_000 }, () => {
  for (const importer of ['members', 'opening'] as const) {
    it(`${importer}: never crashes and never writes on refusal, whatever the bytes`, async () => {
      await fc.assert(
        fc.asyncProperty(fileArb(importer), async (bytes) => {
          await importOnce(importer, bytes);
        }),
        { numRuns: 300 },
      );
    });

    it(`${importer}: answers a 1 MB file in under a second`, async () => {
      await fc.assert(
        fc.asyncProperty(megabyteArb(importer), async (recipe) => {
          expect(await importOnce(importer, megabyte(recipe))).toBeLessThan(1000);
        }),
        { numRuns: 8 },
      );
    });
  }
});
