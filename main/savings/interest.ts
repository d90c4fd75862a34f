import type { Kysely, Transaction } from 'kysely';
import { DomainError } from '../../shared/errors';
import type { InterestLine, InterestRun, SavingsProduct } from '../../shared/savings';
import type { Database } from '../db/schema';
import { accountByRole } from '../ledger/accounts';
import { type Actor, postEntries } from '../ledger/posting';
import { interestMemo } from './accounts';
import { accruedInterest, type BalanceChange, periodRange } from './interest-math';
import { getProduct } from './products';

type Db = Kysely<Database> | Transaction<Database>;

const PERIOD_SHAPE = {
  monthly: /^\d{4}-\d{2}$/,
  maturity: /^\d{4}-\d{2}$/,
  quarterly: /^\d{4}-Q[1-4]$/,
  yearly: /^\d{4}$/,
} as const;

const dayBefore = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * Each account's interest for a period, from the member's lines on the product's control account:
 * the balance before the period and the movements within it (a liability: credits are what is held).
 */
async function interestLines(
  db: Db,
  product: SavingsProduct,
  range: { from: string; to: string },
  postedEntryId: number | null,
): Promise<InterestLine[]> {
  const { from, to } = range;
  const accounts = await db
    .selectFrom('savings_accounts as s')
    .innerJoin('members as m', 'm.id', 's.member_id')
    .select(['s.id', 's.member_id', 's.opened_on', 's.maturity_on', 'm.number', 'm.name_km'])
    .where('s.product_id', '=', product.id)
    .where('s.opened_on', '<=', to)
    // An account closed before the period's end was paid out in full when it closed: interest credited
    // afterwards would sit on an account that no longer exists.
    .where((eb) => eb.or([eb('s.closed_on', 'is', null), eb('s.closed_on', '>', to)]))
    .orderBy('m.number')
    .execute();
  if (accounts.length === 0) return [];
  // Two reads cover every member: balances before the period, then its movements; both by the index on
  // (account, date) that also carries the member.
  // Each member's balance before the period, one index seek per member: grouping all of a product's
  // lines by member would read its whole history.
  const opening = new Map(
    (
      await db
        .selectFrom('savings_accounts as s')
        .select((eb) => [
          's.member_id',
          eb
            .selectFrom('journal_lines as l')
            .select((inner) => inner.fn.sum<number>('l.amount').as('amount'))
            .whereRef('l.member_id', '=', 's.member_id')
            .where('l.account_id', '=', product.accountId)
            .where('l.date', '<', from)
            .as('amount'),
        ])
        .where(
          's.id',
          'in',
          accounts.map((a) => a.id),
        )
        .execute()
    ).map((r) => [r.member_id, -(r.amount ?? 0)]),
  );
  const changes = new Map<number, BalanceChange[]>();
  for (const line of await db
    .selectFrom('journal_lines')
    .select(['member_id', 'date', 'amount', 'entry_id'])
    .where('account_id', '=', product.accountId)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .execute()) {
    // A preview of a period already run leaves out that run's own credits, dated the period's last day.
    if (line.member_id === null || line.entry_id === postedEntryId) continue;
    const list = changes.get(line.member_id) ?? [];
    list.push({ date: line.date, amount: -line.amount });
    changes.set(line.member_id, list);
  }
  return accounts
    .map((account) => {
      // A fixed-term deposit earns over its term, which ends the day before it matures.
      const until =
        product.posting === 'maturity' && account.maturity_on ? dayBefore(account.maturity_on) : to;
      const start = product.posting === 'maturity' ? account.opened_on : from;
      return {
        memberId: account.member_id,
        memberNumber: account.number,
        nameKm: account.name_km,
        savingsAccountId: account.id,
        interest: accruedInterest({
          opening: product.posting === 'maturity' ? 0 : (opening.get(account.member_id) ?? 0),
          changes: (changes.get(account.member_id) ?? []).filter((c) => c.date <= until),
          from: start,
          to: until,
          annualRateBp: product.annualRateBp,
        }),
      };
    })
    .filter((line) => line.interest > 0);
}

async function runPeriod(db: Db, productId: number, period: string, today: string) {
  const product = await getProduct(db, productId);
  if (!PERIOD_SHAPE[product.posting].test(period)) throw new DomainError('validation', 'period');
  const range = periodRange(period);
  if (range.to >= today) throw new DomainError('period_not_ended', 'period');
  const run = await db
    .selectFrom('interest_runs')
    .select('entry_id')
    .where('product_id', '=', product.id)
    .where('period', '=', period)
    .executeTakeFirst();
  return { product, range, run };
}

/** The periods already run for a product, newest first: the interest screen marks them. */
export async function interestRunPeriods(db: Kysely<Database>, productId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('interest_runs')
    .select('period')
    .where('product_id', '=', productId)
    .orderBy('period', 'desc')
    .execute();
  return rows.map((r) => r.period);
}

/** What a run would post, for the bookkeeper to check first. */
export async function previewInterest(
  db: Kysely<Database>,
  productId: number,
  period: string,
  today: string,
) {
  const { product, range, run } = await runPeriod(db, productId, period, today);
  const lines = await maturityAware(db, product, range, run?.entry_id ?? null);
  return summary(product.id, period, range, null, lines);
}

/** A maturity product pays, in a month, the deposits that mature in it; the others pay everyone open. */
async function maturityAware(
  db: Db,
  product: SavingsProduct,
  range: { from: string; to: string },
  postedEntryId: number | null,
) {
  if (product.posting !== 'maturity') return interestLines(db, product, range, postedEntryId);
  const maturing = new Set(
    (
      await db
        .selectFrom('savings_accounts')
        .select('id')
        .where('product_id', '=', product.id)
        .where('maturity_on', '>=', range.from)
        .where('maturity_on', '<=', range.to)
        .execute()
    ).map((a) => a.id),
  );
  const lines = await interestLines(db, product, { from: '1900-01-01', to: range.to }, postedEntryId);
  return lines.filter((line) => maturing.has(line.savingsAccountId));
}

function summary(
  productId: number,
  period: string,
  range: { from: string; to: string },
  entryId: number | null,
  lines: InterestLine[],
): InterestRun {
  return {
    productId,
    period,
    ...range,
    entryId,
    lines,
    total: lines.reduce((sum, l) => sum + l.interest, 0),
  };
}

/**
 * Posts a product's interest for one period: one entry, the cooperative's expense against one line per
 * member, dated the period's last day. A product and period are run once; a second run is refused.
 */
export function postInterest(db: Kysely<Database>, productId: number, period: string, actor: Actor) {
  return db.transaction().execute(async (trx) => {
    const { product, range, run } = await runPeriod(trx, productId, period, actor.today);
    if (run) throw new DomainError('interest_already_posted', 'period');
    const lines = await maturityAware(trx, product, range, null);
    const total = lines.reduce((sum, l) => sum + l.interest, 0);
    let entryId: number | null = null;
    if (total > 0) {
      const expense = await accountByRole(trx, `interest_paid_${product.currency.toLowerCase()}`);
      [entryId = null] = await postEntries(
        trx,
        [
          {
            date: range.to,
            kind: 'interest',
            memo: interestMemo(product, period),
            details: { productId: product.id, period },
            lines: [
              { accountId: expense.id, currency: product.currency, amount: total },
              ...lines.map((l) => ({
                accountId: product.accountId,
                memberId: l.memberId,
                currency: product.currency,
                amount: -l.interest,
              })),
            ],
          },
        ],
        actor,
      );
    }
    await trx
      .insertInto('interest_runs')
      .values({ product_id: product.id, period, entry_id: entryId })
      .execute();
    return summary(product.id, period, range, entryId, lines);
  });
}
