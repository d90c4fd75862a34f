// The payout sheet read back as a reader would (pdftotext) on a demo cooperative with two paddy campaigns
// a year: its totals are the posted payout's, and the clearing account holds exactly what is uncollected.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenedDatabase, openDatabase } from '../../../main/db/open';
import type { Database } from '../../../main/db/schema';
import { createDemoCooperative } from '../../../main/demo/cooperative';
import { accountByRole } from '../../../main/ledger/accounts';
import { balanceAt } from '../../../main/ledger/statements';
import { payoutSheetPdf } from '../../../main/reports/payout-sheet';
import { payoutSheet } from '../../../main/sales/payout';
import { formatAmount } from '../../../shared/khmer';

// Two days after the wet season's payout: most members have collected, some have still to come.
const NOW = { today: '2026-12-12', timestamp: '2026-12-12T08:00:00.000Z' };
let dir: string;
let opened: OpenedDatabase;
let db: Kysely<Database>;

const squeeze = (s: string) => s.replace(/\s+/g, '');
const km = (amount: number) => formatAmount(amount, 'KHR', { digits: 'khmer', brackets: true });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-payout-pdf-'));
  opened = await openDatabase(join(dir, 'demo.db'));
  db = opened.db;
  await createDemoCooperative(db, { members: 40, seed: 4, years: 2, now: NOW });
}, 240_000);

afterAll(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the payout sheet', () => {
  it('prints every member who delivered with totals equal to the posted payout', async () => {
    const run = await db
      .selectFrom('sales_payout_runs')
      .selectAll()
      .orderBy('campaign_id', 'desc')
      .executeTakeFirstOrThrow();
    const sheet = await payoutSheet(db, run.campaign_id, NOW.today);
    expect(sheet.posted).toBe(true);
    expect(sheet.totals).toMatchObject({
      gross: run.proceeds,
      fee: run.fees,
      credit: run.credit,
      net: run.to_pay,
    });
    expect(sheet.totals.fee + sheet.totals.credit + sheet.totals.net).toBe(run.proceeds);
    const file = join(dir, 'sheet.pdf');
    writeFileSync(
      file,
      await payoutSheetPdf(db, { lang: 'km', today: NOW.today, campaignId: run.campaign_id }),
    );
    const text = squeeze(
      execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'], { encoding: 'utf8' }),
    );
    expect(text).toContain('បញ្ជីបើកប្រាក់ការលក់រួម');
    expect(text).toContain(squeeze(`សរុប`));
    for (const amount of [run.proceeds, run.fees, run.to_pay]) expect(text).toContain(squeeze(km(amount)));
    for (const line of sheet.lines) expect(text).toContain(squeeze(line.nameKm));
  });

  it('leaves on the clearing account exactly the cash not yet collected, zero for campaigns fully collected', async () => {
    const clearing = await accountByRole(db, 'sales_clearing_khr');
    const balance = (await balanceAt(db, [clearing.id], NOW.today)).get(clearing.id) ?? 0;
    const runs = await db.selectFrom('sales_payout_runs').select('campaign_id').execute();
    expect(runs.length).toBeGreaterThanOrEqual(3);
    let uncollected = 0;
    let collectedCampaigns = 0;
    for (const { campaign_id } of runs) {
      const owed = (await payoutSheet(db, campaign_id, NOW.today)).totals.uncollected;
      if (owed === 0) collectedCampaigns++;
      uncollected += owed;
    }
    expect(collectedCampaigns).toBeGreaterThanOrEqual(2);
    const open = await db
      .selectFrom('sales_campaigns')
      .select('id')
      .where('id', 'not in', runs.map((r) => r.campaign_id).concat(0))
      .execute();
    expect(open).toEqual([]);
    expect(uncollected).toBeGreaterThan(0);
    expect(uncollected + balance).toBe(0);
  });
});
