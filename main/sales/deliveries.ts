import type { Kysely, Transaction } from 'kysely';
import { DomainError } from '../../shared/errors';
import { type ConsentInput, type DeliveryDayInput, type DeliveryRow, netWeight } from '../../shared/sales';
import type { Database } from '../db/schema';
import { documentNumbers } from '../inputs/purchases';
import type { Actor } from '../ledger/posting';
import { getCampaign } from './campaigns';

type Db = Kysely<Database> | Transaction<Database>;

/** A campaign still taking paddy, and a date it can take it on. */
async function openCampaign(trx: Db, campaignId: number, date: string) {
  const campaign = await getCampaign(trx, campaignId);
  if (campaign.status === 'closed') throw new DomainError('campaign_closed', 'campaignId');
  if (date < campaign.startDate)
    throw new DomainError('campaign_date_before_start', 'date', { date: campaign.startDate });
  return campaign;
}

async function hasPayout(trx: Db, campaignId: number) {
  return (
    (await trx
      .selectFrom('sales_payout_runs')
      .select('campaign_id')
      .where('campaign_id', '=', campaignId)
      .executeTakeFirst()) !== undefined
  );
}

/**
 * A morning at the scale: each member's delivery with its own slip number, all in one transaction so
 * that one refused line (named by its row) saves nothing. Consent given at the scale is recorded with it.
 */
export function postDeliveryDay(db: Kysely<Database>, input: DeliveryDayInput, actor: Actor) {
  return db.transaction().execute(async (trx) => {
    const campaign = await openCampaign(trx, input.campaignId, input.date);
    if (input.date > actor.today) throw new DomainError('date_in_future', 'date');
    const memberIds = [...new Set(input.deliveries.map((d) => d.memberId))];
    const members = new Map(
      (
        await trx
          .selectFrom('members')
          .select(['id', 'status', 'join_date'])
          .where('id', 'in', memberIds)
          .execute()
      ).map((m) => [m.id, m]),
    );
    const nets = input.deliveries.map((delivery, line) => {
      const member = members.get(delivery.memberId);
      if (!member) throw new DomainError('member_unknown', 'deliveries', { line });
      if (member.status !== 'active') throw new DomainError('member_not_active', 'deliveries', { line });
      if (input.date < member.join_date)
        throw new DomainError('date_before_join', 'deliveries', { line, date: member.join_date });
      if (delivery.deductionKind === 'percent' && delivery.deductionValue >= 10_000)
        throw new DomainError('delivery_deduction_too_large', 'deliveries', { line });
      const net = netWeight(delivery.grossG, delivery.deductionKind, delivery.deductionValue);
      if (net <= 0) throw new DomainError('delivery_deduction_too_large', 'deliveries', { line });
      return net;
    });
    const consenting = [...new Set(input.deliveries.filter((d) => d.consent).map((d) => d.memberId))];
    if (consenting.length > 0 && campaign.currency !== 'KHR')
      throw new DomainError('payout_offset_riel', 'deliveries');
    const numbers = await documentNumbers(trx, 'sales_delivery', 'DS', input.deliveries.length);
    const rows = input.deliveries.map((d, index) => ({
      number: numbers[index] ?? '',
      campaign_id: campaign.id,
      member_id: d.memberId,
      date: input.date,
      gross_g: d.grossG,
      deduction_kind: d.deductionKind,
      deduction_value: d.deductionValue,
      net_g: nets[index] ?? 0,
      created_at: actor.timestamp,
    }));
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('sales_deliveries')
        .values(rows.slice(i, i + 500))
        .execute();
    for (let i = 0; i < consenting.length; i += 500) {
      await trx
        .insertInto('sales_consents')
        .values(
          consenting.slice(i, i + 500).map((memberId) => ({
            campaign_id: campaign.id,
            member_id: memberId,
            date: input.date,
            created_at: actor.timestamp,
          })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    return {
      count: rows.length,
      netG: nets.reduce((s, n) => s + n, 0),
      numbers,
    };
  });
}

/** Records or withdraws a member's consent to have input credit taken from this campaign's payout, until it is paid out. */
export function setConsent(db: Kysely<Database>, input: ConsentInput, actor: Actor) {
  return db.transaction().execute(async (trx) => {
    const campaign = await getCampaign(trx, input.campaignId);
    if (campaign.currency !== 'KHR') throw new DomainError('payout_offset_riel', 'campaignId');
    if (await hasPayout(trx, campaign.id)) throw new DomainError('payout_done', 'campaignId');
    const member = await trx
      .selectFrom('members')
      .select('id')
      .where('id', '=', input.memberId)
      .executeTakeFirst();
    if (!member) throw new DomainError('member_unknown', 'memberId');
    if (input.given) {
      await trx
        .insertInto('sales_consents')
        .values({
          campaign_id: campaign.id,
          member_id: input.memberId,
          date: input.date,
          created_at: actor.timestamp,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
    } else {
      await trx
        .deleteFrom('sales_consents')
        .where('campaign_id', '=', campaign.id)
        .where('member_id', '=', input.memberId)
        .execute();
    }
    return { given: input.given };
  });
}

/** The members who consented for a campaign. */
export async function consentingMembers(db: Db, campaignId: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('sales_consents')
    .select('member_id')
    .where('campaign_id', '=', campaignId)
    .execute();
  return new Set(rows.map((r) => r.member_id));
}

/** A campaign's deliveries in slip order, each with its member. */
export async function listDeliveries(db: Db, campaignId: number): Promise<DeliveryRow[]> {
  const rows = await db
    .selectFrom('sales_deliveries as d')
    .innerJoin('members as m', 'm.id', 'd.member_id')
    .select([
      'd.id',
      'd.number',
      'd.member_id',
      'm.number as member_number',
      'm.name_km',
      'd.date',
      'd.gross_g',
      'd.deduction_kind',
      'd.deduction_value',
      'd.net_g',
    ])
    .where('d.campaign_id', '=', campaignId)
    .orderBy('d.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    memberId: r.member_id,
    memberNumber: r.member_number,
    nameKm: r.name_km,
    date: r.date,
    grossG: r.gross_g,
    deductionKind: r.deduction_kind,
    deductionValue: r.deduction_value,
    netG: r.net_g,
  }));
}
