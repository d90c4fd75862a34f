import type { Kysely, Selectable, Transaction } from 'kysely';
import { DomainError } from '../../shared/errors';
import type { Campaign, CampaignInput, CampaignSummary } from '../../shared/sales';
import type { Now } from '../clock';
import type { Database } from '../db/schema';
import { takeNextNumber } from '../db/sequences';
import type { SalesCampaignsTable } from './tables';

type Db = Kysely<Database> | Transaction<Database>;
type CampaignRow = Selectable<SalesCampaignsTable>;

export function toCampaign(row: CampaignRow): Campaign {
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    crop: row.crop,
    variety: row.variety ?? '',
    buyerName: row.buyer_name,
    buyerPhone: row.buyer_phone ?? '',
    startDate: row.start_date,
    endDate: row.end_date ?? '',
    currency: row.currency,
    feeKind: row.fee_kind,
    feeValue: row.fee_value,
    status: row.status,
    closedOn: row.closed_on,
  };
}

export async function getCampaign(db: Db, id: number): Promise<Campaign> {
  const row = await db.selectFrom('sales_campaigns').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'campaignId');
  return toCampaign(row);
}

/** A new campaign, open for deliveries, numbered in sequence (SC-000001). */
export function createCampaign(db: Kysely<Database>, input: CampaignInput, now: Now): Promise<Campaign> {
  return db.transaction().execute(async (trx) => {
    const number = `SC-${String(await takeNextNumber(trx, 'sales_campaign')).padStart(6, '0')}`;
    const { id } = await trx
      .insertInto('sales_campaigns')
      .values({
        number,
        name: input.name,
        crop: input.crop,
        variety: input.variety || null,
        buyer_name: input.buyerName,
        buyer_phone: input.buyerPhone || null,
        start_date: input.startDate,
        end_date: input.endDate || null,
        currency: input.currency,
        fee_kind: input.feeKind,
        fee_value: input.feeValue,
        created_at: now.timestamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return getCampaign(trx, id);
  });
}

/** Closes a campaign to deliveries, so that its sale and payout work on a fixed list of what came in. */
export function closeCampaign(db: Kysely<Database>, campaignId: number, date: string): Promise<Campaign> {
  return db.transaction().execute(async (trx) => {
    const campaign = await getCampaign(trx, campaignId);
    if (campaign.status === 'closed') throw new DomainError('campaign_closed', 'campaignId');
    if (date < campaign.startDate)
      throw new DomainError('campaign_date_before_start', 'date', { date: campaign.startDate });
    await trx
      .updateTable('sales_campaigns')
      .set({ status: 'closed', closed_on: date })
      .where('id', '=', campaignId)
      .execute();
    return getCampaign(trx, campaignId);
  });
}

const sumOf = <T extends Record<string, number | null>>(row: T | undefined, key: keyof T) =>
  Number(row?.[key] ?? 0);

/** Every figure of one campaign, as its screen and the board statement show them, from its documents. */
export async function campaignSummary(db: Db, campaignId: number): Promise<CampaignSummary> {
  const campaign = await getCampaign(db, campaignId);
  const [deliveries, sales, receipts, costs, run, uncollected] = await Promise.all([
    db
      .selectFrom('sales_deliveries')
      .select((eb) => [
        eb.fn.countAll<number>().as('count'),
        eb.fn.count<number>('member_id').distinct().as('members'),
        eb.fn.sum<number>('gross_g').as('gross'),
        eb.fn.sum<number>('net_g').as('net'),
      ])
      .where('campaign_id', '=', campaignId)
      .executeTakeFirst(),
    db
      .selectFrom('sales_buyer_sales')
      .select((eb) => [
        eb.fn.sum<number>('sold_g').as('sold'),
        eb.fn.sum<number>('amount').as('amount'),
        eb.fn.sum<number>('deductions').as('deductions'),
      ])
      .where('campaign_id', '=', campaignId)
      .executeTakeFirst(),
    db
      .selectFrom('sales_receipts')
      .select((eb) => eb.fn.sum<number>('amount').as('amount'))
      .where('campaign_id', '=', campaignId)
      .executeTakeFirst(),
    db
      .selectFrom('sales_costs')
      .select('shared')
      .select((eb) => eb.fn.sum<number>('amount').as('amount'))
      .where('campaign_id', '=', campaignId)
      .groupBy('shared')
      .execute(),
    db.selectFrom('sales_payout_runs').selectAll().where('campaign_id', '=', campaignId).executeTakeFirst(),
    db
      .selectFrom('sales_payouts')
      .select((eb) => eb.fn.sum<number>('net').as('amount'))
      .where('campaign_id', '=', campaignId)
      .where('method', '=', 'cash')
      .where('paid_on', 'is', null)
      .executeTakeFirst(),
  ]);
  const saleAmount = sumOf(sales, 'amount');
  const buyerDeductions = sumOf(sales, 'deductions');
  const received = sumOf(receipts, 'amount');
  const sharedCosts = Number(costs.find((c) => c.shared === 1)?.amount ?? 0);
  const ownCosts = Number(costs.find((c) => c.shared === 0)?.amount ?? 0);
  const owedBeforePayout = saleAmount - buyerDeductions - sharedCosts;
  const stillOwed = run ? sumOf(uncollected, 'amount') : owedBeforePayout;
  return {
    ...campaign,
    deliveries: sumOf(deliveries, 'count'),
    members: sumOf(deliveries, 'members'),
    grossG: sumOf(deliveries, 'gross'),
    netG: sumOf(deliveries, 'net'),
    soldG: sumOf(sales, 'sold'),
    saleAmount,
    buyerDeductions,
    received,
    owedByBuyer: saleAmount - buyerDeductions - received,
    sharedCosts,
    ownCosts,
    owedToMembers: stillOwed,
    payout: run
      ? {
          date: run.date,
          toPay: run.to_pay,
          fees: run.fees,
          credit: run.credit,
          uncollected: sumOf(uncollected, 'amount'),
        }
      : null,
  };
}

/** Every campaign, the newest first, with its figures. */
export async function listCampaigns(db: Db): Promise<CampaignSummary[]> {
  const rows = await db
    .selectFrom('sales_campaigns')
    .select('id')
    .orderBy('start_date', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return Promise.all(rows.map((r) => campaignSummary(db, r.id)));
}
