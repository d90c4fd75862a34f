import { type Kysely, sql, type Transaction } from 'kysely';
import { DomainError } from '../../shared/errors';
import type { MemberInputCredit } from '../../shared/inputs';
import type {
  Campaign,
  PayoutCollectionInput,
  PayoutInput,
  PayoutLine,
  PayoutSheet,
} from '../../shared/sales';
import type { Database } from '../db/schema';
import { memberInputCredits } from '../inputs/credit';
import { documentNumber, documentNumbers } from '../inputs/purchases';
import { postRepaymentsFrom } from '../inputs/sales';
import { accountByRole } from '../ledger/accounts';
import { type Actor, type EntryDraft, postEntries } from '../ledger/posting';
import { checkCashCovers, moneyAccount } from '../ledger/vouchers';
import { depositDraft, receiptNumbers } from '../savings/accounts';
import { campaignAccounts } from './buyer';
import { campaignSummary, getCampaign } from './campaigns';
import { consentingMembers } from './deliveries';
import { memberShares } from './payout-math';

type Db = Kysely<Database> | Transaction<Database>;

interface SavingsTarget {
  memberId: number;
  nameKm: string;
  currency: Campaign['currency'];
  accountId: number;
}

/** Each member's open, ordinary savings account in the campaign's currency (the oldest if several). */
async function savingsTargets(db: Db, campaign: Campaign, memberIds: readonly number[]) {
  const rows = await db
    .selectFrom('savings_accounts as s')
    .innerJoin('savings_products as p', 'p.id', 's.product_id')
    .select(['s.member_id', 'p.name_km', 'p.currency', 'p.account_id'])
    .where('p.currency', '=', campaign.currency)
    .where('p.kind', '=', 'ordinary')
    .where('s.closed_on', 'is', null)
    .where('s.member_id', 'in', memberIds.length > 0 ? memberIds : [0])
    .orderBy('s.id', 'desc')
    .execute();
  return new Map<number, SavingsTarget>(
    rows.map((r) => [
      r.member_id,
      { memberId: r.member_id, nameKm: r.name_km, currency: r.currency, accountId: r.account_id },
    ]),
  );
}

/**
 * What each consenting member owes for inputs at the payout: what was owed on the day, but never more than
 * the lowest balance of any later day, so that a payout dated back never takes credit that a later
 * repayment already paid (the member's credit would dip below nothing in between).
 */
async function creditOwed(db: Db, memberIds: readonly number[], date: string) {
  if (memberIds.length === 0) return new Map<number, MemberInputCredit>();
  const onDay = await memberInputCredits(db, memberIds, date);
  const account = await accountByRole(db, 'input_credit_khr');
  const lows = await sql<{ member_id: number; low: number }>`
    WITH days AS (
      SELECT member_id, date, sum(amount) AS amount FROM journal_lines
      WHERE account_id = ${account.id} AND member_id IN (${sql.join([...memberIds])})
      GROUP BY member_id, date
    ), running AS (
      SELECT member_id, date, sum(amount) OVER (PARTITION BY member_id ORDER BY date) AS balance FROM days
    )
    SELECT member_id, min(balance) AS low FROM running WHERE date >= ${date} GROUP BY member_id
  `.execute(db);
  for (const { member_id, low } of lows.rows) {
    const credit = onDay.get(member_id);
    if (credit && low < credit.outstanding)
      onDay.set(member_id, { ...credit, outstanding: Math.max(low, 0) });
  }
  return onDay;
}

/** Net kg per member who delivered, in member-number order: the weights the proceeds are shared by. */
async function deliveredByMember(db: Db, campaignId: number) {
  return db
    .selectFrom('sales_deliveries as d')
    .innerJoin('members as m', 'm.id', 'd.member_id')
    .select(['d.member_id', 'm.number', 'm.name_km'])
    .select((eb) => eb.fn.sum<number>('d.net_g').as('net_g'))
    .where('d.campaign_id', '=', campaignId)
    .groupBy('d.member_id')
    .orderBy('m.number')
    .execute();
}

const totalsOf = (lines: readonly PayoutLine[]) => ({
  netG: lines.reduce((s, l) => s + l.netG, 0),
  gross: lines.reduce((s, l) => s + l.gross, 0),
  fee: lines.reduce((s, l) => s + l.fee, 0),
  credit: lines.reduce((s, l) => s + l.credit, 0),
  net: lines.reduce((s, l) => s + l.net, 0),
  uncollected: lines.reduce((s, l) => s + (l.method === 'cash' && l.paidOn === null ? l.net : 0), 0),
});

/** What each member would get if the campaign were paid out on `date`: the same figures the payout posts. */
async function computePayout(db: Db, campaign: Campaign, date: string, toSavings: ReadonlySet<number>) {
  const summary = await campaignSummary(db, campaign.id);
  const proceeds = Math.max(summary.saleAmount - summary.buyerDeductions - summary.sharedCosts, 0);
  const delivered = await deliveredByMember(db, campaign.id);
  const memberIds = delivered.map((d) => d.member_id);
  // Without consent for this campaign nothing is taken for credit; a campaign in dollars never takes any.
  const consent = campaign.currency === 'KHR' ? await consentingMembers(db, campaign.id) : new Set<number>();
  const credits = await creditOwed(db, [...consent], date);
  const savings = await savingsTargets(db, campaign, memberIds);
  const shares = memberShares(
    proceeds,
    delivered.map((d) => ({
      netG: d.net_g,
      creditOwed: consent.has(d.member_id) ? Math.max(credits.get(d.member_id)?.outstanding ?? 0, 0) : 0,
    })),
    { kind: campaign.feeKind, value: campaign.feeValue },
  );
  const lines: PayoutLine[] = delivered.map((d, index) => {
    const share = shares[index] ?? { gross: 0, fee: 0, credit: 0, net: 0 };
    return {
      memberId: d.member_id,
      memberNumber: d.number,
      nameKm: d.name_km,
      netG: d.net_g,
      ...share,
      creditOwed: Math.max(credits.get(d.member_id)?.outstanding ?? 0, 0),
      consent: consent.has(d.member_id),
      method: toSavings.has(d.member_id) ? 'savings' : 'cash',
      canSave: savings.has(d.member_id),
      paidOn: null,
    };
  });
  return { summary, proceeds, lines, credits, savings };
}

/** The posted payout's rows, with who has collected their cash. */
async function postedLines(db: Db, campaignId: number): Promise<PayoutLine[]> {
  const rows = await db
    .selectFrom('sales_payouts as p')
    .innerJoin('members as m', 'm.id', 'p.member_id')
    .select([
      'p.member_id',
      'm.number',
      'm.name_km',
      'p.net_g',
      'p.gross',
      'p.fee',
      'p.credit',
      'p.net',
      'p.method',
      'p.paid_on',
    ])
    .where('p.campaign_id', '=', campaignId)
    .orderBy('m.number')
    .execute();
  return rows.map((r) => ({
    memberId: r.member_id,
    memberNumber: r.number,
    nameKm: r.name_km,
    netG: r.net_g,
    gross: r.gross,
    fee: r.fee,
    creditOwed: r.credit,
    credit: r.credit,
    net: r.net,
    consent: r.credit > 0,
    method: r.method,
    canSave: r.method === 'savings',
    paidOn: r.paid_on,
  }));
}

/**
 * The payout sheet: once the campaign is paid out, what was posted and who has collected; before that,
 * what a payout on `date` would post.
 */
export async function payoutSheet(
  db: Db,
  campaignId: number,
  date: string,
  toSavings: readonly number[] = [],
): Promise<PayoutSheet> {
  const campaign = await getCampaign(db, campaignId);
  const run = await db
    .selectFrom('sales_payout_runs')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .executeTakeFirst();
  if (run) {
    const lines = await postedLines(db, campaignId);
    return { campaign, date: run.date, posted: true, proceeds: run.proceeds, lines, totals: totalsOf(lines) };
  }
  const { proceeds, lines } = await computePayout(db, campaign, date, new Set(toSavings));
  return { campaign, date, posted: false, proceeds, lines, totals: totalsOf(lines) };
}

/** The refusals before a payout: paid once, after the campaign closed, the sale made and paid for in full. */
async function checkPayable(trx: Db, campaign: Campaign, date: string) {
  const run = await trx
    .selectFrom('sales_payout_runs')
    .select('date')
    .where('campaign_id', '=', campaign.id)
    .executeTakeFirst();
  if (run) throw new DomainError('payout_done', 'campaignId', { date: run.date });
  if (campaign.status === 'open') throw new DomainError('campaign_open', 'campaignId');
  const last = await trx
    .selectFrom('sales_buyer_sales')
    .select((eb) => eb.fn.max('date').as('date'))
    .where('campaign_id', '=', campaign.id)
    .executeTakeFirst();
  if (!last?.date || last.date > date) throw new DomainError('payout_before_sale', 'date');
  const lastReceipt = await trx
    .selectFrom('sales_receipts')
    .select((eb) => eb.fn.max('date').as('date'))
    .where('campaign_id', '=', campaign.id)
    .executeTakeFirst();
  if (lastReceipt?.date && lastReceipt.date > date)
    throw new DomainError('date_before_entry', 'date', { date: lastReceipt.date });
}

/**
 * Pays a campaign out, as one transaction for every member: the fee to the cooperative's income, the
 * consented credit as repayments through the inputs code, the savings payouts as deposits; the cash
 * payouts stay owed on the clearing account until each member collects. Refused whole, nothing written.
 */
export function postPayout(db: Kysely<Database>, input: PayoutInput, actor: Actor) {
  return db.transaction().execute(async (trx) => {
    const campaign = await getCampaign(trx, input.campaignId);
    await checkPayable(trx, campaign, input.date);
    const toSavings = new Set(input.toSavings);
    const { summary, proceeds, lines, credits, savings } = await computePayout(
      trx,
      campaign,
      input.date,
      toSavings,
    );
    if (summary.owedByBuyer > 0)
      throw new DomainError('payout_buyer_owes', 'campaignId', { owed: summary.owedByBuyer });
    if (proceeds <= 0 || lines.length === 0) throw new DomainError('payout_nothing', 'campaignId');
    const inPayout = new Set(lines.map((l) => l.memberId));
    for (const memberId of toSavings) {
      if (!inPayout.has(memberId))
        throw new DomainError('payout_not_member', 'toSavings', { member: memberId });
      if (!savings.has(memberId)) {
        const number = lines.find((l) => l.memberId === memberId)?.memberNumber ?? 0;
        throw new DomainError('payout_no_savings', 'toSavings', {
          member: number,
          currency: campaign.currency,
        });
      }
    }
    const accounts = await campaignAccounts(trx, campaign);
    const totals = totalsOf(lines);

    let feeEntryId: number | null = null;
    if (totals.fee > 0) {
      const number = await documentNumber(trx, 'sales_payout', 'PO');
      const draft: EntryDraft = {
        date: input.date,
        kind: 'sales_payout',
        number,
        memo: campaign.name,
        details: { campaign: campaign.number },
        lines: [
          { accountId: accounts.clearing.id, currency: campaign.currency, amount: totals.fee },
          { accountId: accounts.fees.id, currency: campaign.currency, amount: -totals.fee },
        ],
      };
      [feeEntryId = null] = await postEntries(trx, [draft], actor);
    }

    const repaying = lines.filter((l) => l.credit > 0);
    const { entryIds: repaymentIds } = await postRepaymentsFrom(
      trx,
      input.date,
      accounts.clearing,
      repaying.map((l) => ({ memberId: l.memberId, amount: l.credit, saleId: null })),
      credits,
      actor,
    );
    const repaymentOf = new Map(repaying.map((l, i) => [l.memberId, repaymentIds[i] ?? null]));

    const saving = lines.filter((l) => l.method === 'savings' && l.net > 0);
    const receipts = await receiptNumbers(trx, 'deposit', saving.length);
    const depositIds = await postEntries(
      trx,
      saving.map((l, i) => {
        const target = savings.get(l.memberId) as SavingsTarget;
        const product = { nameKm: target.nameKm, currency: target.currency, accountId: target.accountId };
        return {
          ...depositDraft(product, accounts.clearing, l.memberId, input.date, l.net),
          number: receipts[i] ?? '',
        };
      }),
      actor,
    );
    const depositOf = new Map(saving.map((l, i) => [l.memberId, depositIds[i] ?? null]));

    await trx
      .insertInto('sales_payout_runs')
      .values({
        campaign_id: campaign.id,
        date: input.date,
        proceeds,
        fees: totals.fee,
        credit: totals.credit,
        to_pay: totals.net,
        entry_id: feeEntryId,
        created_at: actor.timestamp,
      })
      .execute();
    const rows = lines.map((l) => ({
      campaign_id: campaign.id,
      member_id: l.memberId,
      net_g: l.netG,
      gross: l.gross,
      fee: l.fee,
      credit: l.credit,
      net: l.net,
      method: l.method,
      repayment_entry_id: repaymentOf.get(l.memberId) ?? null,
      savings_entry_id: depositOf.get(l.memberId) ?? null,
    }));
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('sales_payouts')
        .values(rows.slice(i, i + 500))
        .execute();
    return { members: lines.length, ...totals, proceeds };
  });
}

/**
 * Members collecting their cash payout at the office: each its own payment and entry out of the
 * clearing account, all in one transaction; collecting twice, or a payout that went into savings, is refused.
 */
export function collectPayouts(db: Kysely<Database>, input: PayoutCollectionInput, actor: Actor) {
  return db.transaction().execute(async (trx) => {
    const campaign = await getCampaign(trx, input.campaignId);
    const run = await trx
      .selectFrom('sales_payout_runs')
      .select('date')
      .where('campaign_id', '=', campaign.id)
      .executeTakeFirst();
    if (!run) throw new DomainError('payout_not_done', 'campaignId');
    if (input.date < run.date) throw new DomainError('date_before_entry', 'date', { date: run.date });
    const cash = await moneyAccount(trx, input.cashAccountId, 'cashAccountId');
    if (cash.currency !== campaign.currency) throw new DomainError('currency_mismatch', 'cashAccountId');
    const payouts = new Map(
      (
        await trx
          .selectFrom('sales_payouts as p')
          .innerJoin('members as m', 'm.id', 'p.member_id')
          .select(['p.id', 'p.member_id', 'p.net', 'p.method', 'p.paid_on', 'm.number', 'm.name_km'])
          .where('p.campaign_id', '=', campaign.id)
          .execute()
      ).map((p) => [p.member_id, p]),
    );
    const seen = new Set<number>();
    const collecting = input.memberIds.map((memberId, line) => {
      const payout = payouts.get(memberId);
      if (!payout || payout.net === 0) throw new DomainError('payout_not_member', 'memberIds', { line });
      if (payout.method === 'savings') throw new DomainError('payout_in_savings', 'memberIds', { line });
      if (payout.paid_on !== null || seen.has(memberId))
        throw new DomainError('payout_already_collected', 'memberIds', {
          line,
          date: payout.paid_on ?? input.date,
        });
      seen.add(memberId);
      return payout;
    });
    const total = collecting.reduce((s, p) => s + p.net, 0);
    await checkCashCovers(trx, cash, total, input.date, actor);
    const accounts = await campaignAccounts(trx, campaign);
    const numbers = await documentNumbers(trx, 'sales_payment', 'PP', collecting.length);
    const entryIds = await postEntries(
      trx,
      collecting.map((p, i) => ({
        date: input.date,
        kind: 'sales_payment',
        number: numbers[i] ?? '',
        memo: `${campaign.name} · ${p.name_km}`,
        details: { campaign: campaign.number, member: p.number },
        lines: [
          { accountId: accounts.clearing.id, currency: campaign.currency, amount: p.net },
          { accountId: cash.id, currency: campaign.currency, amount: -p.net },
        ],
      })),
      actor,
    );
    for (const [i, p] of collecting.entries()) {
      await trx
        .updateTable('sales_payouts')
        .set({ paid_on: input.date, paid_entry_id: entryIds[i] ?? 0 })
        .where('id', '=', p.id)
        .execute();
    }
    return { count: collecting.length, total, numbers };
  });
}
