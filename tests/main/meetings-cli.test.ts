import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Member } from '../../shared/schemas';
import { assembly, type Books, closeMonthsTo, openBooks, writeYear } from './meetings-books';

// The year close and the meetings' reports from the command line, on a real file.

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
let books: Books;
let file: string;

function cli(...args: string[]) {
  const run = spawnSync(TSX, ['main/cli.ts', ...args, '--db', file], {
    cwd: process.cwd(),
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(async () => {
  books = await openBooks();
  const db = books.opened.db;
  await writeYear(db, books.members, 2024);
  await closeMonthsTo(db, '2024-11');
  await assembly(db, '2025-02-14', books.members.slice(0, 4) as Member[]);
  file = join(books.dir, 'books.db');
  await books.opened.close();
}, 60_000);

afterAll(() => books.close().catch(() => undefined));

it('refuses to close a year with a month open, closes it once the month is closed, and refuses a second close', async () => {
  const open = cli('year', 'close', '--year', '2024');
  expect(open.status).toBe(1);
  expect(open.stderr).toBe('year: year_months_open (month=2024-12)\n');
  const { closeMonth } = await import('../../main/ledger/months');
  const { openDatabase } = await import('../../main/db/open');
  const reopened = await openDatabase(file);
  await closeMonth(reopened.db, '2024-12', {
    today: '2026-03-20',
    timestamp: '2026-03-20T03:00:00.000Z',
    user: 'cli',
  });
  await reopened.close();
  const closed = cli('year', 'close', '--year', '2024');
  expect(closed.stderr).toBe('');
  expect(closed.stdout).toContain('year 2024 (2024-01-01 to 2024-12-31): closed, approved by MT-0001');
  expect(closed.stdout).toContain('reserve 320000\n');
  expect(cli('year', 'close', '--year', '2024').stderr).toBe('year: year_already_closed\n');
  const out = join(books.dir, 'annual.pdf');
  const printed = cli('report', 'annual', '--year', '2024', '--format', 'pdf', '--out', out);
  expect(printed.stdout).toBe(`wrote ${out} (${readFileSync(out).length} bytes)\n`);
  const sheet = join(books.dir, 'attendance.pdf');
  expect(
    cli('report', 'attendance', '--meeting', 'MT-0001', '--blank', 'yes', '--format', 'pdf', '--out', sheet)
      .status,
  ).toBe(0);
  expect(readFileSync(sheet).subarray(0, 5).toString()).toBe('%PDF-');
  const listed = cli('meetings', 'list');
  expect(listed.stdout.split('\n')[1]).toBe('MT-0001,2025-02-14,general_assembly,សាលាឃុំព្រៃខ្លា,yes,4,yes');
}, 120_000);
