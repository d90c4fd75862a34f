import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCooperative } from '../../main/cooperative/profile';
import { openDatabase } from '../../main/db/open';
import { accountByRole, renameAccount } from '../../main/ledger/accounts';
import { postOpeningBalances } from '../../main/ledger/opening';
import { FILE_PROBLEMS } from '../../shared/file-problems';
import { preyKhla } from '../support/cooperative';

// Each case as a careless user or a hostile file would hand it to the command line: the file is made
// here, the answer must name the problem in Khmer, and the database must be byte-for-byte as it was.

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const KM = FILE_PROBLEMS.km;
const NOW = { today: '2026-11-28', timestamp: '2026-11-28T03:00:00.000Z' };

let dir: string;
let books: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-bad-files-'));
  books = join(dir, 'books.db');
  const opened = await openDatabase(books);
  await createCooperative(opened.db, preyKhla, NOW);
  await opened.close();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function cli(...args: string[]) {
  const run = spawnSync(TSX, ['main/cli.ts', ...args], { cwd: process.cwd(), encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

let copies = 0;
/** A fresh copy of the cooperative's books, closed, with its bytes as they are now. */
function booksCopy(): { file: string; bytes: Buffer } {
  const file = join(dir, `copy-${++copies}.db`);
  copyFileSync(books, file);
  return { file, bytes: readFileSync(file) };
}

function expectUnchanged(file: string, bytes: Buffer): void {
  expect(readFileSync(file).equals(bytes), `${file} is byte-for-byte as it was`).toBe(true);
  expect(existsSync(`${file}-wal`)).toBe(false);
  expect(existsSync(`${file}-shm`)).toBe(false);
}

function memberCount(file: string): number {
  const sqlite = new BetterSqlite3(file, { readonly: true });
  try {
    return sqlite.prepare('SELECT count(*) FROM members').pluck().get() as number;
  } finally {
    sqlite.close();
  }
}

function csvFile(name: string, content: string | Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

const MEMBERS = 'name_km,name_latin,sex,join_date\nសុខ ស្រីមុំ,Sok Sreymom,ស្រី,15/01/2020\n';

// Each command is a tsx start of a second or two; on a busy 2-core machine a case of several takes longer.
describe('files the command line is handed', { timeout: 120_000 }, () => {
  it('a members file saved in Latin-1 or UTF-16 without its mark is refused, saying to save it as UTF-8', () => {
    const { file, bytes } = booksCopy();
    // Older Excel's "CSV (Comma delimited)": Windows-1252, where é is one byte that UTF-8 never has alone.
    const latin1 = csvFile(
      'latin1.csv',
      Buffer.from('name_km,name_latin,sex,join_date\nSok,Séng Sóphal,F,2020-01-15\n', 'latin1'),
    );
    const utf16 = csvFile('utf16.csv', Buffer.from(MEMBERS, 'utf16le'));
    for (const csv of [latin1, utf16]) {
      const run = cli('members', 'import', '--db', file, '--file', csv);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(KM.file_encoding);
      expect(run.stderr).toContain('UTF-8');
      expectUnchanged(file, bytes);
    }
  });

  it('a members file saved as UTF-16 with its mark (Excel\u2019s "Unicode text") is imported with its Khmer names', () => {
    const { file } = booksCopy();
    const csv = csvFile(
      'unicode.csv',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MEMBERS, 'utf16le')]),
    );
    expect(cli('members', 'import', '--db', file, '--file', csv)).toEqual({
      status: 0,
      stdout: 'imported 1 members\n',
      stderr: '',
    });
    const list = parse(cli('members', 'list', '--db', file).stdout, { columns: true }) as Record<
      string,
      string
    >[];
    expect(list.map((m) => [m.name_km, m.name_latin, m.sex])).toEqual([['សុខ ស្រីមុំ', 'Sok Sreymom', 'F']]);
  });

  it('cells a spreadsheet would run are written out neutralised by members list and the CSV reports', async () => {
    const { file } = booksCopy();
    const csv = csvFile(
      'formulas.csv',
      'name_km,name_latin,sex,join_date,village,notes\n' +
        'សុខ ស្រីមុំ,"=HYPERLINK(""http://x.example"",""click"")",F,2020-01-15,@SUM(A1),-2+3\n',
    );
    expect(cli('members', 'import', '--db', file, '--file', csv).status).toBe(0);
    const opened = await openDatabase(file, { mustExist: true });
    const cash = await accountByRole(opened.db, 'cash_khr');
    await renameAccount(opened.db, { id: cash.id, nameKm: '+សាច់ប្រាក់', nameEn: '=1+1' });
    const equity = await accountByRole(opened.db, 'opening_khr');
    const lines = [cash, equity].map((account) => ({
      accountId: account.id,
      memberId: null,
      amount: 150_000,
    }));
    await postOpeningBalances(opened.db, { date: '2025-12-31', lines }, { ...NOW, user: 'test' });
    // Stored as typed: only what is written out for a spreadsheet changes.
    const stored = await opened.db.selectFrom('members').select(['name_latin', 'village', 'notes']).execute();
    await opened.close();
    expect(stored).toEqual([
      { name_latin: '=HYPERLINK("http://x.example","click")', village: '@SUM(A1)', notes: '-2+3' },
    ]);

    const bytes = readFileSync(file);
    const [member] = parse(cli('members', 'list', '--db', file).stdout, { columns: true }) as Record<
      string,
      string
    >[];
    expect([member?.name_latin, member?.village]).toEqual([
      '\'=HYPERLINK("http://x.example","click")',
      "'@SUM(A1)",
    ]);
    const trial = parse(cli('report', 'trial-balance', '--db', file, '--to', '2026-11-28').stdout, {
      columns: true,
    }) as Record<string, string>[];
    expect(trial.filter((row) => row.code === cash.code).map((row) => [row.name_km, row.name_en])).toEqual([
      ["'+សាច់ប្រាក់", "'=1+1"],
    ]);
    expectUnchanged(file, bytes);
  });

  it('the same opening-balances file posted twice is refused the second time, naming the date it was posted', () => {
    const { file } = booksCopy();
    const opening = csvFile('opening.csv', 'account_code,member_number,amount\n1101,,150000\n3901,,150000\n');
    const first = cli('opening', 'import', '--db', file, '--file', opening, '--date', '2025-12-31');
    expect([first.status, first.stdout]).toEqual([0, 'posted 2 opening balances as entry 1\n']);
    const bytes = readFileSync(file);

    const second = cli('opening', 'import', '--db', file, '--file', opening, '--date', '2026-01-01');
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(
      KM.opening_exists.replace('{date}', '2025-12-31').replace('{entry}', '1'),
    );
    expectUnchanged(file, bytes);
  });

  it('books held by another program: the command waits, then says the books are in use elsewhere', async () => {
    const { file, bytes } = booksCopy();
    const csv = csvFile('busy.csv', MEMBERS);
    // The app beside the CLI, in the middle of saving.
    const app = new BetterSqlite3(file);
    app.exec('BEGIN IMMEDIATE');
    try {
      const child = spawn(TSX, ['main/cli.ts', 'members', 'import', '--db', file, '--file', csv]);
      let stderr = '';
      child.stderr.on('data', (chunk) => {
        stderr += String(chunk);
      });
      const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(status).toBe(1);
      expect(stderr).toContain(KM.database_busy);
      expect(stderr).not.toContain('unexpected');
    } finally {
      app.exec('ROLLBACK');
      app.close();
    }
    expectUnchanged(file, bytes);
    expect(memberCount(file)).toBe(0);
  });

  it('an empty file is refused by every command but init, and stays empty', () => {
    const empty = join(dir, 'empty.db');
    writeFileSync(empty, '');
    const members = csvFile('members.csv', MEMBERS);
    const opening = csvFile('opening-empty.csv', 'account_code,member_number,amount\n');
    const out = join(dir, 'never-written.journal');
    const commands = [
      ['members', 'list'],
      ['members', 'import', '--file', members],
      ['report', 'trial-balance', '--to', '2026-11-28'],
      ['opening', 'import', '--file', opening, '--date', '2025-12-31'],
      ['export', 'hledger', '--out', out],
    ];
    for (const command of commands) {
      const run = cli(...command, '--db', empty);
      expect([run.status, run.stdout]).toEqual([1, '']);
      expect(run.stderr).toContain(KM.not_sahakum_database);
      expectUnchanged(empty, Buffer.alloc(0));
    }
    expect(existsSync(out)).toBe(false);
    expect(cli('init', '--db', empty, '--name-km', 'សហគមន៍កសិកម្ម ថ្មី').status).toBe(0);
    expect(memberCount(empty)).toBe(0);
  }, 240_000);

  it('a garbage, foreign, truncated or damaged database file is named in the user\u2019s words and left as it was', () => {
    const garbage = csvFile('garbage.db', `${MEMBERS}${'not a database '.repeat(400)}`);
    const foreign = join(dir, 'photos.db');
    const sqlite = new BetterSqlite3(foreign);
    sqlite.exec('CREATE TABLE photos (name TEXT)');
    sqlite.pragma('user_version = 2');
    sqlite.close();
    const truncated = booksCopy().file;
    truncateSync(truncated, Math.floor(readFileSync(truncated).length / 2));
    const damaged = booksCopy().file;
    const pages = readFileSync(damaged);
    pages.fill(0x5a, 4096, pages.length);
    writeFileSync(damaged, pages);

    const cases: [string, keyof typeof KM][] = [
      [garbage, 'not_sahakum_database'],
      [foreign, 'not_sahakum_database'],
      [truncated, 'database_damaged'],
      [damaged, 'database_damaged'],
    ];
    for (const [file, problem] of cases) {
      const bytes = readFileSync(file);
      const run = cli('members', 'list', '--db', file);
      expect([run.status, run.stdout]).toEqual([1, '']);
      expect(run.stderr).toBe(`${KM[problem]}\n${FILE_PROBLEMS.en[problem]} [${problem}]\n`);
      expectUnchanged(file, bytes);
    }
  });

  it('an unknown column is named by its first 40 letters, not echoed back whole', () => {
    const { file, bytes } = booksCopy();
    const csv = csvFile('wide.csv', `${'x'.repeat(1_000_000)},name_km,sex,join_date\n,សុខ,F,2020-01-15\n`);
    const run = cli('members', 'import', '--db', file, '--file', csv);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `header, ${'x'.repeat(40)}…: unknown_column\nnothing imported: 1 error(s) in ${csv}\n`,
    );
    expectUnchanged(file, bytes);
  });

  it('an --out that names the database file is refused before anything is written', () => {
    const { file, bytes } = booksCopy();
    const run = cli('export', 'hledger', '--db', file, '--out', file);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--out must not be the database file');
    expectUnchanged(file, bytes);
  });
});
