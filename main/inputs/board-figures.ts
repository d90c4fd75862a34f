import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { reversedEntries } from '../ledger/journal';
import { creditAging } from './credit';
import { supplierBalances } from './items';
import { stockOnHand } from './stock';

type Db = Kysely<Database> | Transaction<Database>;

export interface MonthAndYear {
  month: number;
  yearToDate: number;
}

/** The inputs business as the board reads it each month (SPEC 2.9), in riel. */
export interface BoardInputs {
  purchases: MonthAndYear;
  /** Goods sold to members, and of them on credit; the charges on credit; the cost at average cost. */
  sales: MonthAndYear;
  creditSales: MonthAndYear;
  charges: MonthAndYear;
  cost: MonthAndYear;
  repayments: MonthAndYear;
  /** At the month end. */
  creditOutstanding: number;
  overdue: number;
  overdue90: number;
  debtors: number;
  stockValue: number;
  owedToSuppliers: number;
}

/** The inputs figures of a month and of the year to date, and the positions at the month end. */
export async function boardInputs(db: Db, yearFrom: string, from: string, to: string): Promise<BoardInputs> {
  const split = async <T extends { date: string }>(rows: Promise<T[]>, pick: (row: T) => number) => {
    const figure = { month: 0, yearToDate: 0 };
    for (const row of await rows) {
      figure.yearToDate += pick(row);
      if (row.date >= from) figure.month += pick(row);
    }
    return figure;
  };
  const purchases = split(
    db
      .selectFrom('input_purchases')
      .select(['date', 'value', 'payment'])
      .where('date', '>=', yearFrom)
      .where('date', '<=', to)
      .where('entry_id', 'not in', reversedEntries(db))
      .execute(),
    (r) => r.value,
  );
  const salesRows = db
    .selectFrom('input_sales')
    .select(['date', 'goods', 'charge', 'cost', 'payment'])
    .where('date', '>=', yearFrom)
    .where('date', '<=', to)
    .where('entry_id', 'not in', reversedEntries(db))
    .execute();
  const repaid = split(
    db
      .selectFrom('input_repayments')
      .select(['date', 'amount'])
      .where('date', '>=', yearFrom)
      .where('date', '<=', to)
      .where('entry_id', 'not in', reversedEntries(db))
      .execute(),
    (r) => r.amount,
  );
  const [aging, stock, suppliers] = await Promise.all([
    creditAging(db, to),
    stockOnHand(db, to),
    supplierBalances(db, to),
  ]);
  return {
    purchases: await purchases,
    sales: await split(salesRows, (r) => r.goods),
    creditSales: await split(salesRows, (r) => (r.payment === 'credit' ? r.goods : 0)),
    charges: await split(salesRows, (r) => r.charge),
    cost: await split(salesRows, (r) => r.cost),
    repayments: await repaid,
    creditOutstanding: aging.totals.total,
    overdue: aging.totals.total - aging.totals.current,
    overdue90: aging.totals.over90,
    debtors: aging.rows.length,
    stockValue: stock.totalValue,
    owedToSuppliers: [...suppliers.values()].reduce((sum, owed) => sum + owed, 0),
  };
}

/** Whether a cooperative keeps an inputs business at all: one without items gets no inputs section. */
export async function hasInputsBusiness(db: Db): Promise<boolean> {
  return (await db.selectFrom('input_items').select('id').executeTakeFirst()) !== undefined;
}
