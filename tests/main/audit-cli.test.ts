import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../shared/audit';
import { demoBooks, scratchDir } from './backup/books';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const cli = (...args: string[]) =>
  spawnSync(TSX, ['main/cli.ts', ...args], { cwd: process.cwd(), encoding: 'utf8' });

let scratch: ReturnType<typeof scratchDir>;
let books: string;
beforeAll(async () => {
  scratch = scratchDir();
  books = join(scratch.dir, 'books.db');
  await (await demoBooks(books, 5)).close();
}, 60_000);
afterAll(() => scratch.done());

describe('audit verify on the command line', () => {
  it('says the trail is intact, then names an outside edit in Khmer and English and exits 1', () => {
    const intact = cli('audit', 'verify', '--db', books, '--format', 'json');
    expect(intact.status).toBe(0);
    const report = JSON.parse(intact.stdout) as AuditReport;
    expect(report).toMatchObject({ intact: true, findings: [], counts: {} });
    expect(report.rows).toBeGreaterThan(100);

    const outside = new BetterSqlite3(books);
    outside.exec('DROP TRIGGER journal_entries_no_delete');
    outside.close();
    const broken = cli('audit', 'verify', '--db', books);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toBe(
      'គន្លឹះការពារទិន្នន័យ «journal_entries_no_delete» ត្រូវបានលុបចោល។\n' +
        '  The protective trigger journal_entries_no_delete was dropped.\n',
    );
    expect(broken.stderr).toBe('the audit trail does not verify: 1 finding(s)\n');
  });
});
