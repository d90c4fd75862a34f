import type { Kysely, Transaction } from 'kysely';
import { DomainError } from '../../shared/errors';
import type { SavingsProduct, SavingsProductInput } from '../../shared/savings';
import type { Now } from '../clock';
import type { Database, SavingsProductRecord } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export function toProduct(
  row: SavingsProductRecord & { account_code: string },
  openAccounts: number,
): SavingsProduct {
  return {
    id: row.id,
    nameKm: row.name_km,
    nameEn: row.name_en,
    currency: row.currency,
    kind: row.kind,
    termMonths: row.term_months,
    annualRateBp: row.annual_rate_bp,
    posting: row.posting,
    minOpeningDeposit: row.min_opening_deposit,
    earlyWithdrawal: row.early_withdrawal === 1,
    earlyPenaltyBp: row.early_penalty_bp,
    accountId: row.account_id,
    accountCode: row.account_code,
    active: row.active === 1,
    openAccounts,
  };
}

function productRows(db: Db) {
  return db
    .selectFrom('savings_products as p')
    .innerJoin('accounts as a', 'a.id', 'p.account_id')
    .selectAll('p')
    .select('a.code as account_code');
}

export async function listProducts(db: Db): Promise<SavingsProduct[]> {
  const rows = await productRows(db).orderBy('p.id').execute();
  const counts = new Map(
    (
      await db
        .selectFrom('savings_accounts')
        .select((eb) => ['product_id', eb.fn.countAll<number>().as('n')])
        .where('closed_on', 'is', null)
        .groupBy('product_id')
        .execute()
    ).map((r) => [r.product_id, r.n]),
  );
  return rows.map((row) => toProduct(row, counts.get(row.id) ?? 0));
}

export async function getProduct(db: Db, id: number): Promise<SavingsProduct> {
  const row = await productRows(db).where('p.id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'productId');
  return toProduct(row, 0);
}

/**
 * The control account that will hold a new product's balances: the chart's own savings account of that
 * kind and currency while no product uses it yet (so that opening balances entered on it belong to the
 * first such product), otherwise a new account in the member-savings group.
 */
async function controlAccountFor(
  trx: Transaction<Database>,
  input: SavingsProductInput,
  now: Now,
): Promise<number> {
  const role = `savings_${input.kind === 'fixed' ? 'fixed' : 'ordinary'}_${input.currency.toLowerCase()}`;
  const own = await trx
    .selectFrom('accounts')
    .select('id')
    .where('role', '=', role)
    .where('id', 'not in', trx.selectFrom('savings_products').select('account_id'))
    .executeTakeFirst();
  if (own) return own.id;
  const group = await trx
    .selectFrom('accounts')
    .select('id')
    .where('code', '=', '21')
    .executeTakeFirstOrThrow();
  const siblings = await trx
    .selectFrom('accounts')
    .select('code')
    .where('parent_id', '=', group.id)
    .execute();
  const next = Math.max(2100, ...siblings.map((s) => Number(s.code)).filter(Number.isFinite)) + 1;
  const created = await trx
    .insertInto('accounts')
    .values({
      code: String(next),
      name_km: input.nameKm,
      name_en: input.nameEn,
      type: 'liability',
      currency: input.currency,
      parent_id: group.id,
      is_control: 1,
      is_cash: 0,
      is_bank: 0,
      active: 1,
      role: null,
      created_at: now.timestamp,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return created.id;
}

export function createProduct(
  db: Kysely<Database>,
  input: SavingsProductInput,
  now: Now,
): Promise<SavingsProduct> {
  return db.transaction().execute(async (trx) => {
    const accountId = await controlAccountFor(trx, input, now);
    const row = await trx
      .insertInto('savings_products')
      .values({
        name_km: input.nameKm,
        name_en: input.nameEn,
        currency: input.currency,
        kind: input.kind,
        term_months: input.termMonths,
        annual_rate_bp: input.annualRateBp,
        posting: input.posting,
        min_opening_deposit: input.minOpeningDeposit,
        early_withdrawal: input.earlyWithdrawal ? 1 : 0,
        early_penalty_bp: input.earlyPenaltyBp,
        account_id: accountId,
        active: 1,
        created_at: now.timestamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return getProduct(trx, row.id);
  });
}

/** A closed product keeps its accounts and history but opens no new accounts. */
export async function setProductActive(
  db: Kysely<Database>,
  id: number,
  active: boolean,
): Promise<SavingsProduct> {
  await getProduct(db, id);
  await db
    .updateTable('savings_products')
    .set({ active: active ? 1 : 0 })
    .where('id', '=', id)
    .execute();
  return getProduct(db, id);
}
