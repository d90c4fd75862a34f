import type { Kysely, Transaction } from 'kysely';
import { DomainError } from '../../shared/errors';
import type {
  InputItem,
  InputItemInput,
  InputItemUpdate,
  InputUnit,
  Supplier,
  SupplierInput,
} from '../../shared/inputs';
import type { Now } from '../clock';
import type { Database } from '../db/schema';
import { getAccount } from '../ledger/accounts';
import { reversedEntries } from '../ledger/journal';
import { movementTotals } from './stock';

type Db = Kysely<Database> | Transaction<Database>;

/** An item's stock sits on a riel asset account, and its sales go to a riel income account. */
async function checkItemAccounts(db: Db, input: InputItemInput) {
  const stock = await getAccount(db, input.stockAccountId).catch(() => {
    throw new DomainError('account_unknown', 'stockAccountId');
  });
  if (
    stock.type !== 'asset' ||
    stock.currency !== 'KHR' ||
    stock.is_control === 1 ||
    stock.is_cash ||
    stock.is_bank
  )
    throw new DomainError('validation', 'stockAccountId');
  const income = await getAccount(db, input.incomeAccountId).catch(() => {
    throw new DomainError('account_unknown', 'incomeAccountId');
  });
  if (income.type !== 'income' || income.currency !== 'KHR')
    throw new DomainError('validation', 'incomeAccountId');
}

const blank = (text: string) => (text.trim() === '' ? null : text.trim());

/** Every item with what is on hand now; active ones first, then by Khmer name. */
export async function listItems(db: Db): Promise<InputItem[]> {
  const rows = await db.selectFrom('input_items').selectAll().execute();
  const held = await movementTotals(db, {});
  const collator = new Intl.Collator('km');
  return rows
    .map((row) => ({
      id: row.id,
      nameKm: row.name_km,
      nameLatin: row.name_latin ?? '',
      unit: row.unit as InputUnit,
      salePrice: row.sale_price,
      stockAccountId: row.stock_account_id,
      incomeAccountId: row.income_account_id,
      active: row.active === 1,
      quantity: held.get(row.id)?.quantity ?? 0,
      value: held.get(row.id)?.value ?? 0,
    }))
    .sort((a, b) => Number(b.active) - Number(a.active) || collator.compare(a.nameKm, b.nameKm));
}

export async function getItem(db: Db, id: number): Promise<InputItem> {
  const item = (await listItems(db)).find((i) => i.id === id);
  if (!item) throw new DomainError('not_found', 'itemId');
  return item;
}

export async function createItem(db: Kysely<Database>, input: InputItemInput, now: Now): Promise<InputItem> {
  const id = await db.transaction().execute(async (trx) => {
    await checkItemAccounts(trx, input);
    const row = await trx
      .insertInto('input_items')
      .values({
        name_km: input.nameKm,
        name_latin: blank(input.nameLatin),
        unit: input.unit,
        sale_price: input.salePrice,
        stock_account_id: input.stockAccountId,
        income_account_id: input.incomeAccountId,
        created_at: now.timestamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
  return getItem(db, id);
}

/**
 * Names, unit, price and activity can change; the stock account cannot once the item has stock
 * movements, since its value sits on that account.
 */
export async function updateItem(db: Kysely<Database>, input: InputItemUpdate): Promise<InputItem> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('input_items').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!row) throw new DomainError('not_found', 'id');
    await checkItemAccounts(trx, input);
    const moved = await trx
      .selectFrom('input_movements')
      .select('id')
      .where('item_id', '=', input.id)
      .executeTakeFirst();
    if (moved && (row.stock_account_id !== input.stockAccountId || row.unit !== input.unit))
      throw new DomainError('account_in_use', row.unit !== input.unit ? 'unit' : 'stockAccountId');
    await trx
      .updateTable('input_items')
      .set({
        name_km: input.nameKm,
        name_latin: blank(input.nameLatin),
        unit: input.unit,
        sale_price: input.salePrice,
        stock_account_id: input.stockAccountId,
        income_account_id: input.incomeAccountId,
        active: input.active ? 1 : 0,
      })
      .where('id', '=', input.id)
      .execute();
  });
  return getItem(db, input.id);
}

/**
 * What the cooperative owes each supplier: credit purchases less payments, reversed ones left out, up to
 * the end of `asOf` (all of them unless given). Payables are one ledger account; this is its sub-ledger.
 */
export async function supplierBalances(db: Db, asOf = '9999-12-31'): Promise<Map<number, number>> {
  const reversed = reversedEntries(db);
  const totals = new Map<number, number>();
  const bought = await db
    .selectFrom('input_purchases')
    .select('supplier_id')
    .select((eb) => eb.fn.sum<number>('value').as('total'))
    .where('payment', '=', 'credit')
    .where('date', '<=', asOf)
    .where('entry_id', 'not in', reversed)
    .groupBy('supplier_id')
    .execute();
  for (const row of bought) totals.set(row.supplier_id, row.total);
  const paid = await db
    .selectFrom('input_supplier_payments')
    .select('supplier_id')
    .select((eb) => eb.fn.sum<number>('amount').as('total'))
    .where('date', '<=', asOf)
    .where('entry_id', 'not in', reversed)
    .groupBy('supplier_id')
    .execute();
  for (const row of paid) totals.set(row.supplier_id, (totals.get(row.supplier_id) ?? 0) - row.total);
  return totals;
}

/** Suppliers in name order, each with what the cooperative still owes it. */
export async function listSuppliers(db: Db): Promise<Supplier[]> {
  const rows = await db.selectFrom('input_suppliers').selectAll().execute();
  const owed = await supplierBalances(db);
  const collator = new Intl.Collator('km');
  return rows
    .map((row) => ({
      id: row.id,
      name: row.name,
      phone: row.phone ?? '',
      village: row.village ?? '',
      owed: owed.get(row.id) ?? 0,
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

export async function getSupplier(db: Db, id: number): Promise<Supplier> {
  const supplier = (await listSuppliers(db)).find((s) => s.id === id);
  if (!supplier) throw new DomainError('not_found', 'supplierId');
  return supplier;
}

export async function createSupplier(
  db: Kysely<Database>,
  input: SupplierInput,
  now: Now,
): Promise<Supplier> {
  const row = await db
    .insertInto('input_suppliers')
    .values({
      name: input.name,
      phone: blank(input.phone),
      village: blank(input.village),
      created_at: now.timestamp,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getSupplier(db, row.id);
}

export async function updateSupplier(
  db: Kysely<Database>,
  input: SupplierInput & { id: number },
): Promise<Supplier> {
  const result = await db
    .updateTable('input_suppliers')
    .set({ name: input.name, phone: blank(input.phone), village: blank(input.village) })
    .where('id', '=', input.id)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new DomainError('not_found', 'id');
  return getSupplier(db, input.id);
}
