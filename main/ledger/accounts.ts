import type { Kysely, Transaction } from 'kysely';
import { DomainError } from '../../shared/errors';
import type { Account, AccountInput } from '../../shared/ledger';
import type { Now } from '../clock';
import type { AccountRecord, Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export function toAccount(row: AccountRecord, hasPostings: boolean): Account {
  return {
    id: row.id,
    code: row.code,
    nameKm: row.name_km,
    nameEn: row.name_en,
    type: row.type,
    currency: row.currency,
    parentId: row.parent_id,
    isControl: row.is_control === 1,
    isCash: row.is_cash === 1,
    isBank: row.is_bank === 1,
    active: row.active === 1,
    role: row.role,
    hasPostings,
  };
}

/** The chart in code order, each account saying whether anything was ever posted to it. */
export async function listAccounts(db: Db): Promise<Account[]> {
  const rows = await db.selectFrom('accounts').selectAll().orderBy('code').execute();
  const used = new Set(
    (await db.selectFrom('account_month_totals').select('account_id').distinct().execute()).map(
      (r) => r.account_id,
    ),
  );
  return rows.map((row) => toAccount(row, used.has(row.id)));
}

/** One account as the screens see it, or null: two key lookups, for statements that ask often. */
export async function findAccount(db: Db, id: number): Promise<Account | null> {
  const row = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAccount(row, await hasPostings(db, id)) : null;
}

export async function getAccount(db: Db, id: number): Promise<AccountRecord> {
  const row = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('account_unknown', 'account');
  return row;
}

/** The account the code posts to automatically for a purpose ('cash_khr', 'opening_usd', ...). */
export async function accountByRole(db: Db, role: string): Promise<AccountRecord> {
  const row = await db.selectFrom('accounts').selectAll().where('role', '=', role).executeTakeFirst();
  if (!row) throw new Error(`The chart of accounts has no account for '${role}'`);
  return row;
}

async function hasPostings(db: Db, id: number): Promise<boolean> {
  const row = await db
    .selectFrom('account_month_totals')
    .select('account_id')
    .where('account_id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

async function checkParent(db: Db, input: AccountInput): Promise<void> {
  if (input.parentId === null) return;
  const parent = await db
    .selectFrom('accounts')
    .selectAll()
    .where('id', '=', input.parentId)
    .executeTakeFirst();
  // A parent is a group of the same type: the statements add children into their parent's section.
  if (!parent || parent.currency !== null || parent.type !== input.type) {
    throw new DomainError('account_parent_invalid', 'parentId');
  }
}

export function createAccount(db: Kysely<Database>, input: AccountInput, now: Now): Promise<Account> {
  return db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('accounts')
      .select('id')
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (taken) throw new DomainError('account_code_taken', 'code');
    if (input.currency === null && input.isControl) throw new DomainError('validation', 'isControl');
    if (input.money !== 'none' && (input.type !== 'asset' || input.currency === null || input.isControl)) {
      throw new DomainError('validation', 'money');
    }
    await checkParent(trx, input);
    const row = await trx
      .insertInto('accounts')
      .values({
        code: input.code,
        name_km: input.nameKm,
        name_en: input.nameEn,
        type: input.type,
        currency: input.currency,
        parent_id: input.parentId,
        is_control: input.isControl ? 1 : 0,
        is_cash: input.money === 'cash' ? 1 : 0,
        is_bank: input.money === 'bank' ? 1 : 0,
        active: 1,
        role: null,
        created_at: now.timestamp,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toAccount(row, false);
  });
}

export async function renameAccount(
  db: Kysely<Database>,
  input: { id: number; nameKm: string; nameEn: string },
): Promise<Account> {
  await getAccount(db, input.id);
  const row = await db
    .updateTable('accounts')
    .set({ name_km: input.nameKm, name_en: input.nameEn })
    .where('id', '=', input.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAccount(row, await hasPostings(db, input.id));
}

/** A deactivated account keeps its history and balance but takes no new postings. */
export async function setAccountActive(
  db: Kysely<Database>,
  input: { id: number; active: boolean },
): Promise<Account> {
  await getAccount(db, input.id);
  const row = await db
    .updateTable('accounts')
    .set({ active: input.active ? 1 : 0 })
    .where('id', '=', input.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAccount(row, await hasPostings(db, input.id));
}

/** Only an account that never took a posting, holds no accounts and has no automatic role may go. */
export function deleteAccount(db: Kysely<Database>, id: number): Promise<void> {
  return db.transaction().execute(async (trx) => {
    const account = await getAccount(trx, id);
    if (await hasPostings(trx, id)) throw new DomainError('account_has_postings', 'id');
    const child = await trx
      .selectFrom('accounts')
      .select('id')
      .where('parent_id', '=', id)
      .executeTakeFirst();
    if (child || account.role !== null) throw new DomainError('account_in_use', 'id');
    await trx.deleteFrom('accounts').where('id', '=', id).execute();
  });
}
