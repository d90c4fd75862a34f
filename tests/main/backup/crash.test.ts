// Kill -9 while posting, during a backup and during a restore, at many random moments: the books are
// whole afterwards, every entry reported as committed is there with the audit chain verifying, and no
// file with a backup's name is ever half-written. 200 kills while posting, 50 each for backups and
// restores, to keep the suite short; the moments are spread over the whole length of the work.
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../main/audit/verify';
import { createBackup } from '../../../main/backup/create';
import { sweepPartials } from '../../../main/backup/files';
import { rotateBackups } from '../../../main/backup/rotation';
import { verifyBackup } from '../../../main/backup/verify';
import { AT, addMember, demoBooks, scratchDir } from './books';

const KILLS = 50;
const POSTING_KILLS = 200;
let scratch: ReturnType<typeof scratchDir>;
let child: string;
let pristine: string;
let newer: string;
let members: { old: number; new: number };

// A fixed seed: a failure is seen again on the next run.
let seed = 20261204;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

beforeAll(async () => {
  scratch = scratchDir();
  // Bundled once: a child through tsx would spend its life compiling.
  child = join(scratch.dir, 'crash-child.cjs');
  await build({
    entryPoints: [join(__dirname, 'crash-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: child,
    external: ['better-sqlite3'],
    logLevel: 'warning',
  });
  pristine = join(scratch.dir, 'pristine.db');
  const books = await demoBooks(pristine, 30);
  const before = count(books.sqlite);
  await addMember(books, 'ហេង វិចិត្រ');
  newer = (await createBackup(books.sqlite, { dir: join(scratch.dir, 'newer'), appVersion: 'crash', at: AT }))
    .file;
  books.sqlite.prepare('DELETE FROM members WHERE id = (SELECT max(id) FROM members)').run();
  await books.close();
  members = { old: before, new: before + 1 };
}, 120_000);
afterAll(() => scratch.done());

const count = (sqlite: BetterSqlite3.Database) =>
  sqlite.prepare('SELECT count(*) FROM members').pluck().get() as number;

/**
 * Runs the child; kills it `afterMs` after it is ready (if null: once it has made its first backup, or
 * never for a restore, which ends by itself). Resolves with what it printed and how long it ran.
 */
function run(args: string[], afterMs: number | null): Promise<{ out: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const proc: ChildProcess = spawn(process.execPath, [child, ...args], {
      cwd: process.cwd(),
      env: { ...process.env, NODE_PATH: join(process.cwd(), 'node_modules') },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let started = 0;
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (afterMs === null && out.includes('made ')) proc.kill('SIGKILL');
      if (started === 0 && out.includes('ready\n')) {
        started = performance.now();
        if (afterMs !== null) setTimeout(() => proc.kill('SIGKILL'), afterMs);
      }
    });
    proc.on('error', reject);
    proc.on('exit', () => resolve({ out, ms: performance.now() - started }));
  });
}

function checkBooks(file: string): number {
  const sqlite = new BetterSqlite3(file);
  try {
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    return count(sqlite);
  } finally {
    sqlite.close();
  }
}

describe('killed with SIGKILL', () => {
  it(`while posting, ${POSTING_KILLS} times: every entry it reported is there, the audit chain verifies`, async () => {
    const books = join(scratch.dir, 'books-p.db');
    await (await demoBooks(books, 8)).close();
    const reported = new Set<number>();
    let posted = 0;
    for (let i = 0; i < POSTING_KILLS; i++) {
      const result = await run(['post', books], random() * 150);
      for (const line of result.out.split('\n')) {
        if (line.startsWith('posted ')) reported.add(Number(line.slice('posted '.length)));
      }
      const sqlite = new BetterSqlite3(books);
      try {
        expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
        const ids = new Set(
          sqlite.prepare("SELECT id FROM journal_entries WHERE kind = 'receipt'").pluck().all(),
        );
        expect([...reported].filter((id) => !ids.has(id))).toEqual([]);
        posted = ids.size;
        const audit = verifyAudit(sqlite);
        expect(audit.findings).toEqual([]);
      } finally {
        sqlite.close();
      }
    }
    // The kills fell both between and inside transactions: some posted, not all killed before the first.
    expect(reported.size).toBeGreaterThan(POSTING_KILLS / 2);
    expect(posted).toBeGreaterThanOrEqual(reported.size);
  }, 600_000);

  it(`during backups, ${KILLS} times: the books whole, every file named as a backup verifies`, async () => {
    const books = join(scratch.dir, 'books-b.db');
    copyFileSync(pristine, books);
    const out = join(scratch.dir, 'usb');
    mkdirSync(out);
    // How long one backup takes in the child, now (the machine may be busy): the kills fall over two.
    const timing = await run(['backup', books, join(scratch.dir, 'timing')], null);
    const span = Math.max(50, timing.ms * 2);
    let made = 0;
    for (let i = 0; i < KILLS; i++) {
      const result = await run(['backup', books, out], random() * span);
      made += result.out.split('\n').filter((l) => l.startsWith('made ')).length;
      expect(checkBooks(books)).toBe(members.old);
      for (const name of readdirSync(out).filter((n) => !n.startsWith('.'))) {
        expect((await verifyBackup(join(out, name))).rowCounts.members).toBe(members.old);
      }
    }
    expect(made).toBeGreaterThan(0);
    rotateBackups(out);
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
  }, 300_000);

  it(`during restores, ${KILLS} times: the old books or the new, whole; the new once it said so`, async () => {
    const books = join(scratch.dir, 'books-r.db');
    copyFileSync(pristine, books);
    const timing = await run(['restore', books, newer], null);
    expect(timing.out).toContain('restored');
    expect(checkBooks(books)).toBe(members.new);
    const span = Math.max(50, timing.ms * 1.2);
    const seen = { old: 0, new: 0 };
    for (let i = 0; i < KILLS; i++) {
      copyFileSync(pristine, books);
      const result = await run(['restore', books, newer], random() * span);
      const found = checkBooks(books);
      expect([members.old, members.new]).toContain(found);
      if (result.out.includes('restored')) expect(found).toBe(members.new);
      seen[found === members.new ? 'new' : 'old'] += 1;
    }
    // What the kills left half-written beside the books goes at the next start.
    sweepPartials(scratch.dir);
    expect(readdirSync(scratch.dir).filter((n) => n.startsWith('.'))).toEqual([]);
    // The moments fell both before and after the swap.
    expect(seen.old).toBeGreaterThan(0);
    expect(seen.new).toBeGreaterThan(0);
  }, 300_000);
});
