import type { Kysely, Transaction } from 'kysely';
import { DomainError } from '../../shared/errors';
import {
  lineAmount,
  type PostedInputEvent,
  type PurchaseInput,
  type SupplierPaymentInput,
} from '../../shared/inputs';
import { convert } from '../../shared/money';
import type { Database } from '../db/schema';
import { takeNextNumbers } from '../db/sequences';
import { accountByRole } from '../ledger/accounts';
import { type Actor, type LineDraft, postEntry } from '../ledger/posting';
import { checkCashCovers, moneyAccount } from '../ledger/vouchers';
import { getSupplier, supplierBalances } from './items';
import { checkMovementDate, insertMovements, positionOf, putIn, stockLines, stockPositions } from './stock';

type Db = Kysely<Database> | Transaction<Database>;

/** Each kind of inputs document is numbered in its own sequence: IP-000001, IS-000001, ... */
export async function documentNumber(trx: Db, sequence: string, prefix: string) {
  const [number = ''] = await documentNumbers(trx, sequence, prefix, 1);
  return number;
}

/** `count` consecutive document numbers at once, for a day's batch. */
export async function documentNumbers(trx: Db, sequence: string, prefix: string, count: number) {
  const first = await takeNextNumbers(trx, sequence, count);
  return Array.from({ length: count }, (_, i) => `${prefix}-${String(first + i).padStart(6, '0')}`);
}

/**
 * Inputs bought from a supplier: each line's stock up by its quantity and cost, paid now from cash or
 * bank, or owed to the supplier. Paid in dollars, the riel value of each line is its dollar cost at
 * the rate given, through the currency-conversion accounts, as an exchange is. One purchase, one entry.
 */
export function postPurchase(db: Kysely<Database>, input: PurchaseInput, actor: Actor) {
  return db.transaction().execute(async (trx): Promise<PostedInputEvent> => {
    const supplier = await getSupplier(trx, input.supplierId);
    const positions = await stockPositions(
      trx,
      input.lines.map((l) => l.itemId),
    );
    const moves = input.lines.map((line, index) => {
      const position = positionOf(positions, line.itemId, 'lines', { line: index });
      if (!position.active)
        throw new DomainError('item_inactive', 'lines', { line: index, item: position.nameKm });
      checkMovementDate(position, input.date, 'date');
      const amount = lineAmount(line.quantity, line.unitCost);
      if (amount === 0) throw new DomainError('amount_zero', 'lines', { line: index });
      const value = input.currency === 'KHR' ? amount : (convert(amount, 'USD', input.rate ?? '0') ?? 0);
      if (value === 0) throw new DomainError('rate_invalid', 'rate');
      putIn(position, line.quantity, value);
      return { position, line, amount, value };
    });
    const amount = moves.reduce((sum, m) => sum + m.amount, 0);
    const value = moves.reduce((sum, m) => sum + m.value, 0);
    const lines: LineDraft[] = stockLines(moves);
    if (input.payment === 'credit') {
      const payables = await accountByRole(trx, 'payables_khr');
      lines.push({ accountId: payables.id, currency: 'KHR', amount: -value });
    } else {
      const cash = await moneyAccount(trx, input.cashAccountId ?? 0, 'cashAccountId');
      if (cash.currency !== input.currency) throw new DomainError('currency_mismatch', 'cashAccountId');
      await checkCashCovers(trx, cash, amount, input.date, actor, 'cashAccountId');
      if (input.currency === 'USD') {
        const [khr, usd] = await Promise.all([
          accountByRole(trx, 'conversion_khr'),
          accountByRole(trx, 'conversion_usd'),
        ]);
        lines.push(
          { accountId: khr.id, currency: 'KHR', amount: -value },
          { accountId: usd.id, currency: 'USD', amount },
        );
      }
      lines.push({ accountId: cash.id, currency: input.currency, amount: -amount });
    }
    const number = await documentNumber(trx, 'input_purchase', 'IP');
    const entryId = await postEntry(
      trx,
      {
        date: input.date,
        kind: 'input_purchase',
        number,
        memo: supplier.name,
        details: {
          party: supplier.name,
          reference: input.reference,
          ...(input.rate ? { rate: input.rate } : {}),
        },
        lines,
      },
      actor,
    );
    const purchase = await trx
      .insertInto('input_purchases')
      .values({
        number,
        supplier_id: supplier.id,
        date: input.date,
        payment: input.payment,
        currency: input.currency,
        rate: input.currency === 'USD' ? input.rate : null,
        reference: input.reference.trim() || null,
        value,
        amount,
        entry_id: entryId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertMovements(
      trx,
      moves.map((m) => ({
        item_id: m.position.itemId,
        date: input.date,
        kind: 'purchase' as const,
        quantity: m.line.quantity,
        value: m.value,
        unit_price: m.line.unitCost,
        amount: m.amount,
        purchase_id: purchase.id,
        sale_id: null,
        note: null,
        entry_id: entryId,
      })),
    );
    return { entryId, number };
  });
}

/** What the cooperative still owes a supplier now. */
export async function supplierOwed(db: Db, supplierId: number): Promise<number> {
  return (await supplierBalances(db)).get(supplierId) ?? 0;
}

/** A payment of what was bought on credit, never more than is owed. One payment, one entry. */
export function paySupplier(db: Kysely<Database>, input: SupplierPaymentInput, actor: Actor) {
  return db.transaction().execute(async (trx): Promise<PostedInputEvent> => {
    // The supplier as listed carries what is owed to it, read inside this transaction.
    const supplier = await getSupplier(trx, input.supplierId);
    if (input.amount > supplier.owed)
      throw new DomainError('payment_too_large', 'amount', { owed: supplier.owed });
    const cash = await moneyAccount(trx, input.cashAccountId, 'cashAccountId');
    if (cash.currency !== 'KHR') throw new DomainError('currency_mismatch', 'cashAccountId');
    await checkCashCovers(trx, cash, input.amount, input.date, actor);
    const payables = await accountByRole(trx, 'payables_khr');
    const number = await documentNumber(trx, 'input_supplier_payment', 'SP');
    const entryId = await postEntry(
      trx,
      {
        date: input.date,
        kind: 'input_supplier_payment',
        number,
        memo: supplier.name,
        details: { party: supplier.name },
        lines: [
          { accountId: payables.id, currency: 'KHR', amount: input.amount },
          { accountId: cash.id, currency: 'KHR', amount: -input.amount },
        ],
      },
      actor,
    );
    await trx
      .insertInto('input_supplier_payments')
      .values({ number, supplier_id: supplier.id, date: input.date, amount: input.amount, entry_id: entryId })
      .execute();
    return { entryId, number };
  });
}
