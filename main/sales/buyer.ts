import type { Kysely, Transaction } from 'kysely';
import { DomainError } from '../../shared/errors';
import {
  amountForWeight,
  type BuyerReceiptInput,
  type BuyerSaleInput,
  type Campaign,
  type PostedSalesEvent,
  type SaleCostInput,
} from '../../shared/sales';
import type { Database } from '../db/schema';
import { documentNumber } from '../inputs/purchases';
import { accountByRole } from '../ledger/accounts';
import { type Actor, postEntry } from '../ledger/posting';
import { checkCashCovers, moneyAccount } from '../ledger/vouchers';
import { campaignSummary, getCampaign } from './campaigns';

type Db = Kysely<Database> | Transaction<Database>;

/** The accounts a campaign in its currency posts to. */
export async function campaignAccounts(trx: Db, campaign: Pick<Campaign, 'currency'>) {
  const suffix = campaign.currency.toLowerCase();
  const [clearing, receivable, fees, costs] = await Promise.all([
    accountByRole(trx, `sales_clearing_${suffix}`),
    accountByRole(trx, `buyer_receivable_${suffix}`),
    accountByRole(trx, `sales_fees_${suffix}`),
    accountByRole(trx, `sales_costs_${suffix}`),
  ]);
  return { clearing, receivable, fees, costs };
}

async function checkDate(trx: Db, campaignId: number, date: string) {
  const campaign = await getCampaign(trx, campaignId);
  if (date < campaign.startDate)
    throw new DomainError('campaign_date_before_start', 'date', { date: campaign.startDate });
  const run = await trx
    .selectFrom('sales_payout_runs')
    .select('date')
    .where('campaign_id', '=', campaignId)
    .executeTakeFirst();
  // After the payout, what members are owed is fixed: a later sale, receipt or shared cost would change it.
  if (run) throw new DomainError('payout_done', 'campaignId');
  return campaign;
}

/**
 * The paddy sold to the campaign's buyer: the price for the kg sold less the buyer's deductions is
 * owed by the buyer, and owed on to the members. One sale, one entry.
 */
export function recordBuyerSale(db: Kysely<Database>, input: BuyerSaleInput, actor: Actor) {
  return db.transaction().execute(async (trx): Promise<PostedSalesEvent & { amount: number }> => {
    const campaign = await checkDate(trx, input.campaignId, input.date);
    const amount = amountForWeight(input.soldG, input.unitPrice);
    if (amount === 0) throw new DomainError('amount_zero', 'unitPrice');
    if (input.deductions >= amount) throw new DomainError('amount_invalid', 'deductions', { max: amount });
    const accounts = await campaignAccounts(trx, campaign);
    const number = await documentNumber(trx, 'sales_buyer_sale', 'PS');
    const owed = amount - input.deductions;
    const entryId = await postEntry(
      trx,
      {
        date: input.date,
        kind: 'sales_sale',
        number,
        memo: `${campaign.name} · ${campaign.buyerName}`,
        details: {
          party: campaign.buyerName,
          campaign: campaign.number,
          soldG: input.soldG,
          deductions: input.deductions,
        },
        lines: [
          { accountId: accounts.receivable.id, currency: campaign.currency, amount: owed },
          { accountId: accounts.clearing.id, currency: campaign.currency, amount: -owed },
        ],
      },
      actor,
    );
    await trx
      .insertInto('sales_buyer_sales')
      .values({
        number,
        campaign_id: campaign.id,
        date: input.date,
        sold_g: input.soldG,
        unit_price: input.unitPrice,
        amount,
        deductions: input.deductions,
        entry_id: entryId,
      })
      .execute();
    return { entryId, number, amount };
  });
}

/** Money from the buyer into cash or the bank, in part or in full; never more than it owes. */
export function recordBuyerReceipt(db: Kysely<Database>, input: BuyerReceiptInput, actor: Actor) {
  return db.transaction().execute(async (trx): Promise<PostedSalesEvent & { owed: number }> => {
    const campaign = await checkDate(trx, input.campaignId, input.date);
    const money = await moneyAccount(trx, input.accountId, 'accountId');
    if (money.currency !== campaign.currency) throw new DomainError('currency_mismatch', 'accountId');
    const { owedByBuyer } = await campaignSummary(trx, campaign.id);
    if (input.amount > owedByBuyer)
      throw new DomainError('buyer_receipt_too_large', 'amount', { owed: owedByBuyer });
    const accounts = await campaignAccounts(trx, campaign);
    const number = await documentNumber(trx, 'sales_receipt', 'PR');
    const entryId = await postEntry(
      trx,
      {
        date: input.date,
        kind: 'sales_receipt',
        number,
        memo: `${campaign.name} · ${campaign.buyerName}`,
        details: { party: campaign.buyerName, campaign: campaign.number },
        lines: [
          { accountId: money.id, currency: campaign.currency, amount: input.amount },
          { accountId: accounts.receivable.id, currency: campaign.currency, amount: -input.amount },
        ],
      },
      actor,
    );
    await trx
      .insertInto('sales_receipts')
      .values({
        number,
        campaign_id: campaign.id,
        date: input.date,
        amount: input.amount,
        account_id: money.id,
        entry_id: entryId,
      })
      .execute();
    return { entryId, number, owed: owedByBuyer - input.amount };
  });
}

/**
 * A cost of the sale paid from cash or the bank. Shared by the members, it comes off what they are owed
 * (the clearing account) and so off their payout; borne by the cooperative, it is its own expense.
 */
export function recordSaleCost(db: Kysely<Database>, input: SaleCostInput, actor: Actor) {
  return db.transaction().execute(async (trx): Promise<PostedSalesEvent> => {
    const campaign = await checkDate(trx, input.campaignId, input.date);
    const money = await moneyAccount(trx, input.accountId, 'accountId');
    if (money.currency !== campaign.currency) throw new DomainError('currency_mismatch', 'accountId');
    await checkCashCovers(trx, money, input.amount, input.date, actor);
    const accounts = await campaignAccounts(trx, campaign);
    const number = await documentNumber(trx, 'sales_cost', 'PC');
    const head = input.shared ? accounts.clearing : accounts.costs;
    const entryId = await postEntry(
      trx,
      {
        date: input.date,
        kind: 'sales_cost',
        number,
        memo: input.note || campaign.name,
        details: { campaign: campaign.number, cost: input.kind, shared: input.shared },
        lines: [
          { accountId: head.id, currency: campaign.currency, amount: input.amount },
          { accountId: money.id, currency: campaign.currency, amount: -input.amount },
        ],
      },
      actor,
    );
    await trx
      .insertInto('sales_costs')
      .values({
        number,
        campaign_id: campaign.id,
        date: input.date,
        kind: input.kind,
        shared: input.shared ? 1 : 0,
        note: input.note || null,
        amount: input.amount,
        account_id: money.id,
        entry_id: entryId,
      })
      .execute();
    return { entryId, number };
  });
}
