// The collective-sales figures of `npm run bench` (issue 10): a campaign's payout for every active member
// worked out and posted in one transaction (fees, consented credit taken as repayments, savings deposits),
// and the printed payout sheet of that campaign.

import type { Kysely } from 'kysely';
import type { Database } from '../../main/db/schema';
import { accountByRole } from '../../main/ledger/accounts';
import { buildReport } from '../../main/reports/catalog';
import { recordBuyerReceipt, recordBuyerSale } from '../../main/sales/buyer';
import { closeCampaign, createCampaign } from '../../main/sales/campaigns';
import { postDeliveryDay } from '../../main/sales/deliveries';
import { postPayout } from '../../main/sales/payout';
import { QUANTITY_SCALE } from '../../shared/inputs';
import { reportRequestSchema } from '../../shared/reports';

interface Figure {
  what: string;
  value: string;
  target?: { label: string; pass: boolean };
  detail?: string;
}
type Timer = (runs: number, run: (i: number) => Promise<unknown>) => Promise<number>;
type Timed = (what: string, measured: number, targetMs: number, detail?: string) => Figure;

const RUNS = 3;

/** A campaign every active member delivered to, closed, sold and paid for in full: ready to pay out. */
async function readyCampaign(db: Kysely<Database>, now: { today: string; timestamp: string }, run: number) {
  const actor = { ...now, user: 'bench' };
  const members = await db.selectFrom('members').select('id').where('status', '=', 'active').execute();
  const campaign = await createCampaign(
    db,
    {
      name: `bench ${run}`,
      crop: 'ស្រូវ',
      variety: '',
      buyerName: 'bench',
      buyerPhone: '',
      startDate: now.today,
      endDate: '',
      currency: 'KHR',
      feeKind: 'per_kg',
      feeValue: 20_000,
    },
    actor,
  );
  await postDeliveryDay(
    db,
    {
      campaignId: campaign.id,
      date: now.today,
      deliveries: members.map((m, i) => ({
        memberId: m.id,
        grossG: (800 + ((i * 37) % 3000)) * QUANTITY_SCALE,
        deductionKind: 'percent' as const,
        deductionValue: 300,
        consent: i % 5 < 2,
      })),
    },
    actor,
  );
  await closeCampaign(db, campaign.id, now.today);
  const sale = await recordBuyerSale(
    db,
    {
      campaignId: campaign.id,
      date: now.today,
      soldG: members.length * 1_500_000,
      unitPrice: 1_100_000,
      deductions: 0,
    },
    actor,
  );
  const bank = await accountByRole(db, 'bank_khr');
  await recordBuyerReceipt(
    db,
    { campaignId: campaign.id, date: now.today, accountId: bank.id, amount: sale.amount },
    actor,
  );
  return { campaign, members: members.length };
}

/** The payout of a campaign to every active member, posted on a copy of the demo, median of three; then its sheet. */
export async function salesFigures(
  db: Kysely<Database>,
  now: { today: string; timestamp: string },
  medianMs: Timer,
  timed: Timed,
): Promise<Figure[]> {
  const ready: Awaited<ReturnType<typeof readyCampaign>>[] = [];
  for (let run = 0; run < RUNS; run++) ready.push(await readyCampaign(db, now, run));
  let result = { members: 0, credit: 0 };
  const payoutMs = await medianMs(RUNS, async (i) => {
    const campaign = ready[i]?.campaign;
    if (!campaign) throw new Error('no campaign ready');
    result = await postPayout(
      db,
      { campaignId: campaign.id, date: now.today, toSavings: [] },
      { ...now, user: 'bench' },
    );
  });
  const campaignId = ready[0]?.campaign.id ?? 0;
  let pages = 0;
  const sheetMs = await medianMs(RUNS, async () => {
    const pdf = await buildReport(
      db,
      reportRequestSchema.parse({ report: 'payout-sheet', campaignId, lang: 'km' }),
      now.today,
    );
    pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  });
  return [
    timed(
      `a campaign's payout to ${result.members} members worked out and posted in one transaction (median of ${RUNS})`,
      payoutMs,
      1000,
      `${result.credit.toLocaleString('en')} riel of input credit taken from the payouts of members who consented`,
    ),
    timed(`payout sheet PDF, ${result.members} members (median of ${RUNS})`, sheetMs, 2000, `${pages} pages`),
  ];
}
