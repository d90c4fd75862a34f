import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCooperative } from '../../main/cooperative/profile';
import { openDatabase } from '../../main/db/open';
import { FILE_PROBLEMS } from '../../shared/file-problems';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const LIST_HEADER = [
  'number',
  'name_km',
  'name_latin',
  'sex',
  'birth_date',
  'national_id',
  'phone',
  'village',
  'commune',
  'join_date',
  'status',
  'exit_date',
  'exit_reason',
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function cli(...args: string[]) {
  const run = spawnSync(TSX, ['main/cli.ts', ...args], { cwd: process.cwd(), encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run cli', () => {
  it('prints its usage with --help', () => {
    const run = cli('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('members import --db FILE --file members.csv');
    expect(run.stderr).toBe('');
  });

  it('refuses an unknown option with exit code 2 and one line', () => {
    const run = cli('members', 'list', '--db', join(dir, 'none.db'), '--colour', 'red');
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      'unknown option --colour (npm run cli -- --help shows the commands)',
    ]);
  });

  it('refuses a database written by a newer Sahakum in one line, without a stack trace', () => {
    const file = join(dir, 'newer.db');
    const sqlite = new BetterSqlite3(file);
    sqlite.pragma('user_version = 99');
    sqlite.close();
    const run = cli('members', 'list', '--db', file);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `${FILE_PROBLEMS.km.database_too_new}\n${FILE_PROBLEMS.en.database_too_new} [database_too_new]\n`,
    );
  });

  it('init creates the cooperative once, and refuses a second time', async () => {
    const file = join(dir, 'init.db');
    const first = cli('init', '--db', file, '--name-km', 'សហគមន៍កសិកម្ម ស្រែអំបិល', '--founded', '2016-04-01');
    expect(first.status).toBe(0);

    const opened = await openDatabase(file);
    try {
      const cooperative = await findCooperative(opened.db);
      expect(cooperative?.nameKm).toBe('សហគមន៍កសិកម្ម ស្រែអំបិល');
      expect(cooperative?.foundedOn).toBe('2016-04-01');
    } finally {
      await opened.close();
    }

    const second = cli('init', '--db', file, '--name-km', 'សហគមន៍ផ្សេង');
    expect(second.status).toBe(1);
    expect(second.stderr).toBe('cooperative_exists\n');
  });

  it('init with a founding date in the future says so and leaves no file behind', () => {
    const file = join(dir, 'future.db');
    const run = cli('init', '--db', file, '--name-km', 'សហគមន៍កសិកម្ម', '--founded', '2999-01-01');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('--founded: date_in_future\n');
    expect(existsSync(file)).toBe(false);
  });

  it('demo then members list gives every member once, in Khmer name order, the same for the same seed', () => {
    const lists = ['demo-a.db', 'demo-b.db'].map((name) => {
      const file = join(dir, name);
      const demo = cli('demo', '--db', file, '--members', '40', '--seed', '7');
      expect(demo.status).toBe(0);
      expect(demo.stdout).toMatch(/^demo cooperative with 40 members \(seed 7\)/);
      const list = cli('members', 'list', '--db', file, '--format', 'csv');
      expect(list.status).toBe(0);
      return list.stdout;
    });
    expect(lists[1]).toBe(lists[0]);

    const [header, ...rows] = parse(lists[0] ?? '') as string[][];
    expect(header).toEqual(LIST_HEADER);
    expect(rows).toHaveLength(40);
    expect(rows.map((row) => Number(row[0])).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    const names = rows.map((row) => row[1] ?? '');
    expect(names.every((name) => /^[\u1780-\u17ff]+ [\u1780-\u17ff]+$/.test(name))).toBe(true);
    expect(names).toEqual([...names].sort(new Intl.Collator('km').compare));
    // A code-point sort would be a different order, so the check above does test the collation.
    expect(names).not.toEqual([...names].sort());
  });

  it('demo refuses to overwrite an existing file', () => {
    const file = join(dir, 'taken.db');
    writeFileSync(file, '');
    const run = cli('demo', '--db', file);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`${file} already exists; the demo is only written to a new file\n`);
  });

  it('members import prints every bad row, exits 1 and writes nothing; a good file is imported', () => {
    const file = join(dir, 'import.db');
    expect(cli('init', '--db', file, '--name-km', 'សហគមន៍កសិកម្ម', '--founded', '2015-01-01').status).toBe(0);
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      '\ufeffname_km,sex,join_date\nសុខ ស្រីមុំ,ស្រី,15/01/2020\n,ប្រុស,15/01/2020\nចាន់ វណ្ណា,ប្រុស,15/01/2020\n' +
        'ហេង សុភា,ស្រី,01/01/2999\n',
    );

    const refused = cli('members', 'import', '--db', file, '--file', bad);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim().split('\n')).toEqual([
      'row 2, name_km: required',
      'row 4, join_date: date_in_future',
      `nothing imported: 2 error(s) in ${bad}`,
    ]);
    expect(cli('members', 'list', '--db', file).stdout).toBe(`${LIST_HEADER.join(',')}\n`);

    const good = join(dir, 'good.csv');
    writeFileSync(good, 'name_km,sex,join_date\nសុខ ស្រីមុំ,ស្រី,15/01/2020\nចាន់ វណ្ណា,ប្រុស,១៥/០១/២០២០\n');
    const imported = cli('members', 'import', '--db', file, '--file', good);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toBe('imported 2 members\n');

    const members = JSON.parse(cli('members', 'list', '--db', file, '--format', 'json').stdout) as unknown[];
    expect(members).toMatchObject([
      { number: 2, nameKm: 'ចាន់ វណ្ណា', sex: 'M', joinDate: '2020-01-15' },
      { number: 1, nameKm: 'សុខ ស្រីមុំ', sex: 'F', joinDate: '2020-01-15' },
    ]);
  });
});
