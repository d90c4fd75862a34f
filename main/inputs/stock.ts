import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import { DomainError } from '../../shared/errors';
import type { InputUnit, StockAdjustmentInput, StockCountInput, StockOnHand } from '../../shared/inputs';
import { plainQuantity, QUANTITY_SCALE } from '../../shared/inputs';
import type { Database, InputMovementKind, InputMovementsTable } from '../db/schema';
import { takeNextNumber } from '../db/sequences';
import { accountByRole } from '../ledger/accounts';
import { type Actor, type LineDraft, postEntry } from '../ledger/posting';
import { balanceAt } from '../ledger/statements';

type Db = Kysely<Database> | Transaction<Database>;
export type MovementRow = Insertable<InputMovementsTable>;

/** What one item holds at a moment: quantity in thousandths of its unit, value in riel at average cost. */
export interface StockPosition {
  itemId: number;
  nameKm: string;
  active: boolean;
  stockAccountId: number;
  incomeAccountId: number;
  unit: InputUnit;
  quantity: number;
  value: number;
  /** The last day anything moved: the average is perpetual, so nothing may be dated before it. */
  lastDate: string | null;
  /** Riel per unit of the last purchase, for stock found when none was on hand. */
  lastUnitCost: number;
}

/** Half up, exact: value × part ÷ whole in BigInt, since value × quantity can pass 2^53. */
function share(value: number, part: number, whole: number): number {
  const n = BigInt(value) * BigInt(part);
  const d = BigInt(whole);
  return Number((2n * n + d) / (2n * d));
}

/**
 * What `quantity` taken out of a position is worth at the weighted average cost. Taking all that is left
 * takes all the value, so that an item with nothing on hand is worth nothing, to the riel.
 */
export function costOut(position: Pick<StockPosition, 'quantity' | 'value'>, quantity: number): number {
  if (quantity >= position.quantity) return position.value;
  return share(position.value, quantity, position.quantity);
}

/** What `quantity` put back is worth: at the average cost on hand, or the last purchase's when none is. */
export function costIn(position: StockPosition, quantity: number): number {
  if (position.quantity > 0) return share(position.value, quantity, position.quantity);
  return share(position.lastUnitCost, quantity, QUANTITY_SCALE);
}

/** Each item's quantity, value and last movement day, up to a day and for some items if asked. */
export async function movementTotals(db: Db, only: { asOf?: string; itemIds?: readonly number[] }) {
  let query = db
    .selectFrom('input_movements')
    .select('item_id')
    .select((eb) => [
      eb.fn.sum<number>('quantity').as('quantity'),
      eb.fn.sum<number>('value').as('value'),
      eb.fn.max<string>('date').as('last_date'),
    ]);
  if (only.asOf !== undefined) query = query.where('date', '<=', only.asOf);
  if (only.itemIds !== undefined) query = query.where('item_id', 'in', only.itemIds);
  return new Map((await query.groupBy('item_id').execute()).map((r) => [r.item_id, r]));
}

/** The positions of the given items now, read inside the transaction that will move them. */
export async function stockPositions(
  trx: Db,
  itemIds: readonly number[],
): Promise<Map<number, StockPosition>> {
  const ids = [...new Set(itemIds)];
  const positions = new Map<number, StockPosition>();
  if (ids.length === 0) return positions;
  const items = await trx.selectFrom('input_items').selectAll().where('id', 'in', ids).execute();
  const totals = await movementTotals(trx, { itemIds: ids });
  for (const item of items) {
    const last = await trx
      .selectFrom('input_movements')
      .select(sql<number>`value * ${sql.lit(QUANTITY_SCALE)} / quantity`.as('unit_cost'))
      .where('item_id', '=', item.id)
      .where('kind', '=', 'purchase')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const total = totals.get(item.id);
    positions.set(item.id, {
      itemId: item.id,
      nameKm: item.name_km,
      active: item.active === 1,
      stockAccountId: item.stock_account_id,
      incomeAccountId: item.income_account_id,
      unit: item.unit as InputUnit,
      quantity: total?.quantity ?? 0,
      value: total?.value ?? 0,
      lastDate: total?.last_date ?? null,
      lastUnitCost: last?.unit_cost ?? 0,
    });
  }
  return positions;
}

/** The position of an item the caller named, refused as unknown (on `field`) when there is none. */
export function positionOf(
  positions: Map<number, StockPosition>,
  itemId: number,
  field: string,
  params = {},
) {
  const position = positions.get(itemId);
  if (!position) throw new DomainError('not_found', field, params);
  return position;
}

/** A movement is never dated before the item's last one: the average cost runs forward only. */
export function checkMovementDate(position: StockPosition, date: string, field: string, params = {}) {
  if (position.lastDate !== null && date < position.lastDate)
    throw new DomainError('date_before_stock_movement', field, { ...params, date: position.lastDate });
}

/** Takes `quantity` out of a position, refusing more than is on hand; returns the cost at average. */
export function takeOut(position: StockPosition, quantity: number, field: string, params = {}): number {
  if (quantity > position.quantity)
    throw new DomainError('insufficient_stock', field, {
      ...params,
      item: position.nameKm,
      available: plainQuantity(position.quantity),
    });
  const cost = costOut(position, quantity);
  position.quantity -= quantity;
  position.value -= cost;
  return cost;
}

export function putIn(position: StockPosition, quantity: number, value: number) {
  position.quantity += quantity;
  position.value += value;
}

export async function insertMovements(trx: Transaction<Database>, rows: readonly MovementRow[]) {
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto('input_movements')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

/** Ledger lines moving `value` on each item's stock account, gathered per account. */
export function stockLines(moves: readonly { position: StockPosition; value: number }[]): LineDraft[] {
  const byAccount = new Map<number, number>();
  for (const { position, value } of moves) {
    byAccount.set(position.stockAccountId, (byAccount.get(position.stockAccountId) ?? 0) + value);
  }
  return [...byAccount]
    .filter(([, amount]) => amount !== 0)
    .map(([accountId, amount]) => ({ accountId, currency: 'KHR', amount }));
}

async function adjustmentNumber(trx: Db): Promise<string> {
  return `SA-${String(await takeNextNumber(trx, 'input_adjustment')).padStart(6, '0')}`;
}

/**
 * Stock damaged, lost or found: out (or back in) at the average cost, against the stock losses account.
 * One adjustment, one entry.
 */
export function adjustStock(db: Kysely<Database>, input: StockAdjustmentInput, actor: Actor) {
  return db.transaction().execute(async (trx) => {
    const positions = await stockPositions(trx, [input.itemId]);
    const position = positionOf(positions, input.itemId, 'itemId');
    checkMovementDate(position, input.date, 'date');
    const found = input.reason === 'found';
    if (found !== input.quantity > 0) throw new DomainError('quantity_invalid', 'quantity');
    const quantity = Math.abs(input.quantity);
    const value = found ? costIn(position, quantity) : -takeOut(position, quantity, 'quantity');
    if (found) putIn(position, quantity, value);
    return postMovements(trx, input.date, 'input_adjustment', input.note || position.nameKm, actor, [
      { position, kind: input.reason, quantity: input.quantity, value, note: input.note },
    ]);
  });
}

/** A count of the shelves: each difference from the books posted as found or missing stock, in one entry. */
export function countStock(db: Kysely<Database>, input: StockCountInput, actor: Actor) {
  return db.transaction().execute(async (trx) => {
    const positions = await stockPositions(
      trx,
      input.counts.map((c) => c.itemId),
    );
    const moves: PendingMove[] = [];
    for (const [line, count] of input.counts.entries()) {
      const position = positionOf(positions, count.itemId, 'counts', { line });
      checkMovementDate(position, input.date, 'date');
      const difference = count.counted - position.quantity;
      if (difference === 0) continue;
      const value =
        difference > 0 ? costIn(position, difference) : -takeOut(position, -difference, 'counts', { line });
      if (difference > 0) putIn(position, difference, value);
      moves.push({ position, kind: 'count', quantity: difference, value, note: input.note });
    }
    if (moves.length === 0) return { entryId: null, number: null, differences: 0 };
    const posted = await postMovements(trx, input.date, 'input_count', input.note, actor, moves);
    return { ...posted, differences: moves.length };
  });
}

interface PendingMove {
  position: StockPosition;
  kind: InputMovementKind;
  quantity: number;
  value: number;
  note: string;
}

async function postMovements(
  trx: Transaction<Database>,
  date: string,
  kind: 'input_adjustment' | 'input_count',
  memo: string,
  actor: Actor,
  moves: readonly PendingMove[],
) {
  const losses = await accountByRole(trx, 'stock_losses');
  const total = moves.reduce((sum, m) => sum + m.value, 0);
  const lines = stockLines(moves);
  if (total !== 0) lines.push({ accountId: losses.id, currency: 'KHR', amount: -total });
  const number = await adjustmentNumber(trx);
  // A movement of quantity whose value rounds to nothing still changes the count, with no entry lines.
  const entryId = lines.length >= 2 ? await postEntry(trx, { date, kind, number, memo, lines }, actor) : null;
  if (entryId === null) throw new DomainError('amount_zero', 'quantity');
  await insertMovements(
    trx,
    moves.map((m) => ({
      item_id: m.position.itemId,
      date,
      kind: m.kind,
      quantity: m.quantity,
      value: m.value,
      unit_price: null,
      amount: null,
      purchase_id: null,
      sale_id: null,
      note: m.note.trim() || null,
      entry_id: entryId,
    })),
  );
  return { entryId, number };
}

/**
 * A reversed entry takes its stock movements back with it: the same quantities and values the other way,
 * on the reversal's date, refused if that would leave less than nothing on hand.
 */
export async function reverseStockMovements(
  trx: Transaction<Database>,
  entryId: number,
  reversalId: number,
  date: string,
) {
  const moved = await trx.selectFrom('input_movements').selectAll().where('entry_id', '=', entryId).execute();
  if (moved.length === 0) return;
  const positions = await stockPositions(
    trx,
    moved.map((m) => m.item_id),
  );
  for (const m of moved) {
    const position = positionOf(positions, m.item_id, 'entryId');
    checkMovementDate(position, date, 'date');
    if (position.quantity - m.quantity < 0 || position.value - m.value < 0)
      throw new DomainError('insufficient_stock', 'entryId', {
        item: position.nameKm,
        available: plainQuantity(position.quantity),
      });
    putIn(position, -m.quantity, -m.value);
  }
  await insertMovements(
    trx,
    moved.map((m) => ({
      item_id: m.item_id,
      date,
      kind: 'reversal' as const,
      quantity: -m.quantity,
      value: -m.value,
      unit_price: m.unit_price,
      amount: m.amount === null ? null : -m.amount,
      purchase_id: m.purchase_id,
      sale_id: m.sale_id,
      note: null,
      entry_id: reversalId,
    })),
  );
}

/** Every item's quantity and value at the end of a day, beside what the stock accounts hold then. */
export async function stockOnHand(db: Db, asOf: string): Promise<StockOnHand> {
  const items = await db.selectFrom('input_items').selectAll().execute();
  const totals = await movementTotals(db, { asOf });
  const collator = new Intl.Collator('km');
  const rows = items
    .map((item) => {
      const quantity = totals.get(item.id)?.quantity ?? 0;
      const value = totals.get(item.id)?.value ?? 0;
      return {
        itemId: item.id,
        nameKm: item.name_km,
        nameLatin: item.name_latin ?? '',
        unit: item.unit as InputUnit,
        quantity,
        value,
        averageCost: quantity > 0 ? share(value, QUANTITY_SCALE, quantity) : 0,
        active: item.active === 1,
      };
    })
    .filter((row) => row.active || row.quantity !== 0 || row.value !== 0)
    .sort((a, b) => collator.compare(a.nameKm, b.nameKm))
    .map(({ active: _active, ...row }) => row);
  const accounts = [...new Set(items.map((i) => i.stock_account_id))];
  const balances = await balanceAt(db, accounts, asOf);
  return {
    asOf,
    rows,
    totalValue: rows.reduce((sum, r) => sum + r.value, 0),
    ledgerValue: accounts.reduce((sum, id) => sum + (balances.get(id) ?? 0), 0),
  };
}
