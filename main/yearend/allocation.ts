import { type Kysely, sql } from 'kysely';
import type { Bylaws } from '../../shared/meetings';
import { ALLOCATION_PARTS, type AllocationPart, type YearAllocation } from '../../shared/yearend';
import type { Database } from '../db/schema';
import { accountByRole } from '../ledger/accounts';
import { balanceAt, incomeStatement } from '../ledger/statements';
import { shareByWeight } from '../sales/payout-math';

// What a year's surplus comes to and how the by-law shares it out, down to each member's riel. Read from
// the books as they stand, so that the screen's preview and the close post the very same figures.

export interface MemberWeight {
  memberId: number;
  memberNumber: number;
  nameKm: string;
  shares: number;
  business: number;
}

export interface AllocationPlan {
  allocation: YearAllocation;
  members: (MemberWeight & { dividend: number; patronage: number })[];
}

const PERCENT_OF: Record<AllocationPart, keyof Bylaws> = {
  reserve: 'reservePercent',
  development: 'developmentPercent',
  social: 'socialPercent',
  dividends: 'dividendPercent',
  patronage: 'patronagePercent',
};

/**
 * Each member's shares at the year's last day and business with the cooperative over the year, in riel:
 * the inputs they bought (what the goods and any credit charge came to) and what their paddy sold together
 * fetched.
 */
export async function memberWeights(db: Kysely<Database>, from: string, to: string): Promise<MemberWeight[]> {
  const rows = await db
    .selectFrom('members as m')
    .select((eb) => [
      'm.id',
      'm.number',
      'm.name_km',
      eb
        .selectFrom('share_movements as s')
        .select(sql<number>`coalesce(sum(s.shares), 0)`.as('n'))
        .whereRef('s.member_id', '=', 'm.id')
        .where('s.date', '<=', to)
        .as('shares'),
      eb
        .selectFrom('input_sales as i')
        .innerJoin('journal_entries as e', 'e.id', 'i.entry_id')
        .select(sql<number>`coalesce(sum(i.goods + i.charge), 0)`.as('n'))
        .whereRef('i.member_id', '=', 'm.id')
        .where('i.date', '>=', from)
        .where('i.date', '<=', to)
        // A reversed sale was never business.
        .where((w) =>
          w.not(
            w.exists(
              w.selectFrom('journal_entries as r').select('r.id').whereRef('r.reverses_id', '=', 'e.id'),
            ),
          ),
        )
        .as('business'),
      // Paddy sold together: what the member's delivered paddy fetched (before the fee), in the year its
      // campaign was paid out, riel campaigns only, as the by-law counts business in riel.
      eb
        .selectFrom('sales_payouts as p')
        .innerJoin('sales_payout_runs as r', 'r.campaign_id', 'p.campaign_id')
        .innerJoin('sales_campaigns as c', 'c.id', 'p.campaign_id')
        .select(sql<number>`coalesce(sum(p.gross), 0)`.as('n'))
        .whereRef('p.member_id', '=', 'm.id')
        .where('c.currency', '=', 'KHR')
        .where('r.date', '>=', from)
        .where('r.date', '<=', to)
        .as('paddy'),
    ])
    .where('m.join_date', '<=', to)
    .orderBy('m.number')
    .execute();
  return rows
    .map((r) => ({
      memberId: r.id,
      memberNumber: r.number,
      nameKm: r.name_km,
      shares: Number(r.shares ?? 0),
      business: Number(r.business ?? 0) + Number(r.paddy ?? 0),
    }))
    .filter((m) => m.shares > 0 || m.business > 0);
}

/** The year's riel and dollar results, from the income statement (which leaves out the close itself). */
export async function yearResults(db: Kysely<Database>, from: string, to: string) {
  const statement = await incomeStatement(db, from, to);
  const of = (currency: 'KHR' | 'USD') => statement.currencies.find((c) => c.currency === currency);
  return { statement, khr: of('KHR')?.surplus ?? 0, usd: of('USD')?.surplus ?? 0 };
}

/**
 * The by-law's sharing of a riel surplus, whole riel throughout: a loss carried forward is covered first,
 * the rest goes to the five parts by percentage, the dividends by shares held and the patronage refunds by
 * business. Every split is by largest remainder, so the parts add up to the surplus and the members'
 * amounts to their parts, to the riel.
 */
export function allocateSurplus(
  bylaws: Bylaws,
  result: { surplus: number; carriedLoss: number; resultUsd: number },
  weights: readonly MemberWeight[],
): AllocationPlan {
  const { surplus, carriedLoss } = result;
  const lossCovered = surplus > 0 && carriedLoss > 0 ? Math.min(surplus, carriedLoss) : 0;
  const distributable = Math.max(surplus - lossCovered, 0);
  const amounts = shareByWeight(
    distributable,
    ALLOCATION_PARTS.map((part) => bylaws[PERCENT_OF[part]] as number),
  );
  const parts = Object.fromEntries(ALLOCATION_PARTS.map((part, i) => [part, amounts[i] ?? 0])) as Record<
    AllocationPart,
    number
  >;
  // A part nobody can receive (no shares, no business that year) stays with the cooperative, in its reserve.
  for (const [part, weight] of [
    ['dividends', (m: MemberWeight) => m.shares],
    ['patronage', (m: MemberWeight) => m.business],
  ] as const) {
    if (!weights.some((m) => weight(m) > 0)) {
      parts.reserve += parts[part];
      parts[part] = 0;
    }
  }
  const dividends = shareByWeight(
    parts.dividends,
    weights.map((m) => m.shares),
  );
  const patronage = shareByWeight(
    parts.patronage,
    weights.map((m) => m.business),
  );
  return {
    allocation: { surplus, lossCovered, distributable, parts, resultUsd: result.resultUsd },
    members: weights.map((m, i) => ({ ...m, dividend: dividends[i] ?? 0, patronage: patronage[i] ?? 0 })),
  };
}

/** What the year's surplus comes to in these books, and each member's dividend and patronage refund. */
export async function planAllocation(
  db: Kysely<Database>,
  bylaws: Bylaws,
  span: { from: string; to: string },
): Promise<AllocationPlan> {
  const { khr, usd } = await yearResults(db, span.from, span.to);
  const retained = await accountByRole(db, 'retained_surplus');
  // Retained surplus is a credit balance; a debit there is a loss carried forward from earlier years.
  const carried = (await balanceAt(db, [retained.id], span.to)).get(retained.id) ?? 0;
  const weights = await memberWeights(db, span.from, span.to);
  return allocateSurplus(
    bylaws,
    { surplus: khr, carriedLoss: Math.max(carried, 0), resultUsd: usd },
    weights,
  );
}
