import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_PROBLEMS } from '../../../shared/file-problems';
import { demoBooks, scratchDir } from './books';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const cli = (...args: string[]) =>
  spawnSync(TSX, ['main/cli.ts', ...args], { cwd: process.cwd(), encoding: 'utf8' });

let scratch: ReturnType<typeof scratchDir>;
let books: string;
beforeAll(async () => {
  scratch = scratchDir();
  books = join(scratch.dir, 'books.db');
  await (await demoBooks(books)).close();
  writeFileSync(join(scratch.dir, 'pass.txt'), 'ស្រូវ ២០២៦\n');
}, 60_000);
afterAll(() => scratch.done());

describe('the backup commands', () => {
  it('create an encrypted backup, verify it, refuse it without the passphrase, restore it', () => {
    const pass = join(scratch.dir, 'pass.txt');
    const made = cli(
      'backup',
      'create',
      '--db',
      books,
      '--out',
      join(scratch.dir, 'usb'),
      '--passphrase-file',
      pass,
    );
    expect(made.status).toBe(0);
    expect(made.stdout).toMatch(/^backed up and verified: .*\.sahakum-backup\n {2}cooperative: /);
    expect(made.stdout).toContain('encrypted');
    const [name] = readdirSync(join(scratch.dir, 'usb'));
    const file = join(scratch.dir, 'usb', name as string);

    const locked = cli('backup', 'verify', file);
    expect(locked.status).toBe(1);
    expect(locked.stderr).toContain(FILE_PROBLEMS.km.backup_passphrase_required);
    expect(cli('backup', 'verify', file, '--passphrase-file', pass).stdout).toMatch(/^verified: /);

    const before = readFileSync(books);
    const bad = join(scratch.dir, 'bad.sahakum-backup');
    writeFileSync(bad, '');
    const refused = cli('backup', 'restore', bad, '--db', books);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(FILE_PROBLEMS.km.backup_not_a_backup);
    expect(readFileSync(books).equals(before)).toBe(true);

    const restored = cli('backup', 'restore', file, '--db', books, '--passphrase-file', pass);
    expect(restored.status).toBe(0);
    expect(restored.stdout).toMatch(/the books replaced are kept in .*before-restore-/);
  }, 120_000);

  it('health-check prints the report as JSON', () => {
    const run = cli('health-check', '--db', books, '--format', 'json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ healthy: true, findings: [] });
  }, 60_000);
});
