import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open';
import { memberStatement } from '../../main/members/statement';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
let dir: string;
let file: string;

const cli = (...args: string[]) => {
  const run = spawnSync(TSX, ['main/cli.ts', ...args], { cwd: process.cwd(), encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-cli-statement-'));
  file = join(dir, 'demo.db');
  expect(cli('demo', '--db', file, '--members', '30', '--years', '2', '--seed', '5').status).toBe(0);
}, 60_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

it('prints a member statement as JSON equal to the one the screens show, and as CSV rows', async () => {
  const json = cli(
    'report',
    'member-statement',
    '--db',
    file,
    '--member',
    '3',
    '--to',
    '2026-11-28',
    '--format',
    'json',
  );
  expect(json.stderr).toBe('');
  const printed = JSON.parse(json.stdout) as { member: { number: number } };
  const opened = await openDatabase(file);
  try {
    const member = await opened.db
      .selectFrom('members')
      .select('id')
      .where('number', '=', 3)
      .executeTakeFirstOrThrow();
    expect(printed).toEqual(await memberStatement(opened.db, member.id, '2026-11-28'));
  } finally {
    await opened.close();
  }
  const csv = cli('report', 'member-statement', '--db', file, '--member', '3', '--to', '2026-11-28');
  const rows = parse<Record<string, string>>(csv.stdout, { columns: true });
  expect(rows[0]?.line).toBe('shares');
  const movements = rows.filter((r) => r.line === 'movement');
  expect(movements.length).toBeGreaterThan(0);
  // Every running balance is the one before it plus the movement, per savings account.
  const last = new Map<string, number>();
  for (const row of movements) {
    const before = last.get(row.account ?? '') ?? 0;
    const scale = row.currency === 'USD' ? 100 : 1;
    expect(Math.round(Number(row.balance) * scale)).toBe(before + Math.round(Number(row.amount) * scale));
    last.set(row.account ?? '', Math.round(Number(row.balance) * scale));
  }
  expect(cli('report', 'member-statement', '--db', file, '--member', '999').stderr).toContain('not_found');
}, 60_000);
