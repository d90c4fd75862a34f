// Every member's statement at once (the printed document for all members) reads the books account by
// account rather than member by member: it must give each member exactly their own statement.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type OpenedDatabase, openDatabase } from '../../main/db/open';
import { createDemoCooperative } from '../../main/demo/cooperative';
import { EVERY_MEMBER, listMembers } from '../../main/members/search';
import { memberStatement, memberStatements } from '../../main/members/statement';

const NOW = { today: '2026-11-28', timestamp: '2026-11-28T02:00:00.000Z' };

let dir: string;
let opened: OpenedDatabase;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-member-statements-'));
  opened = await openDatabase(join(dir, 'demo.db'));
  // More members than are read one by one, with two years of deposits, interest and fixed deposits.
  await createDemoCooperative(opened.db, { members: 130, seed: 5, years: 2, now: NOW });
}, 300_000);

afterAll(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

it.each([
  ['the year so far', '2026-01-01', NOW.today],
  ['a period in the middle', '2025-03-15', '2025-09-20'],
  ['the whole history', undefined, NOW.today],
])(
  'gives every member their own statement for %s',
  async (_, from, to) => {
    const db = opened.db;
    const members = await listMembers(db, EVERY_MEMBER);
    expect(members.length).toBe(130);
    const all = await memberStatements(db, members, to, from);
    const one = await Promise.all(members.map((m) => memberStatement(db, m.id, to, from)));
    expect(all).toEqual(one);
    // Not trivially equal: money moved, interest was earned and carried forward.
    const accounts = all.flatMap((s) => s.savings);
    expect(accounts.reduce((n, a) => n + a.movements.length, 0)).toBeGreaterThan(500);
    expect(accounts.some((a) => a.interestEarned > 0)).toBe(true);
    if (from !== undefined) expect(accounts.some((a) => a.opening > 0)).toBe(true);
    // The running balance ends where the opening and the movements lead.
    for (const a of accounts) {
      expect(a.balance).toBe(a.opening + a.movements.reduce((sum, m) => sum + m.amount, 0));
    }
  },
  120_000,
);
