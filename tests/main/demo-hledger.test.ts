import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type OpenedDatabase, openDatabase } from '../../main/db/open';
import { createDemoCooperative } from '../../main/demo/cooperative';
import { expectHledgerAgrees } from '../support/hledger';

const NOW = { today: '2026-11-28', timestamp: '2026-11-28T02:00:00.000Z' };

let dir: string;
let opened: OpenedDatabase;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-demo-hledger-'));
  opened = await openDatabase(join(dir, 'demo.db'));
});

afterEach(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

it('hledger checks three years of demo books and agrees with the trial balance to the riel and the cent', async () => {
  await createDemoCooperative(opened.db, { members: 60, seed: 11, years: 3, now: NOW });
  const span = await opened.db
    .selectFrom('journal_entries')
    .select((eb) => [eb.fn.min('date').as('first'), eb.fn.countAll<number>().as('n')])
    .executeTakeFirstOrThrow();
  // Three whole years of history really are there, not only the last months.
  expect(span.first).toBe('2023-11-28');
  expect(span.n).toBeGreaterThan(3000);
  await expectHledgerAgrees(opened.db, join(dir, 'demo.journal'), NOW.today);
  for (const asOf of ['2024-06-30', '2025-12-31']) {
    await expectHledgerAgrees(opened.db, join(dir, `demo-${asOf}.journal`), asOf);
  }
});
