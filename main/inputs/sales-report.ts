import type { Kysely, Transaction } from 'kysely';
import type { InputSalesReport } from '../../shared/inputs';
import type { Database } from '../db/schema';
import { reversedEntries } from '../ledger/journal';
import { saleLines } from './credit';

type Db = Kysely<Database> | Transaction<Database>;

/** Every input sale of a period, with its lines, the totals per item and the cost at average cost. Reversed sales are left out. */
export async function inputSalesReport(db: Db, from: string, to: string): Promise<InputSalesReport> {
  const reversed = reversedEntries(db);
  const sales = await db
    .selectFrom('input_sales as s')
    .innerJoin('members as m', 'm.id', 's.member_id')
    .select([
      's.id',
      's.number',
      's.date',
      's.payment',
      's.goods',
      's.charge',
      's.cost',
      'm.number as member_number',
      'm.name_km',
    ])
    .where('s.date', '>=', from)
    .where('s.date', '<=', to)
    .where('s.entry_id', 'not in', reversed)
    .orderBy('s.date')
    .orderBy('s.id')
    .execute();
  const lines = await saleLines(
    db,
    sales.map((s) => s.id),
  );
  const items = new Map<number, InputSalesReport['items'][number]>();
  for (const { line, cost } of [...lines.values()].flat()) {
    const item = items.get(line.itemId) ?? {
      itemId: line.itemId,
      nameKm: line.itemNameKm,
      nameLatin: line.itemNameLatin,
      unit: line.unit,
      quantity: 0,
      sales: 0,
      cost: 0,
    };
    item.quantity += line.quantity;
    item.sales += line.amount;
    item.cost += cost;
    items.set(line.itemId, item);
  }
  const rows = sales.map((s) => ({
    saleId: s.id,
    number: s.number,
    date: s.date,
    memberNumber: s.member_number,
    memberNameKm: s.name_km,
    payment: s.payment,
    goods: s.goods,
    charge: s.charge,
    cost: s.cost,
    lines: (lines.get(s.id) ?? []).map((l) => l.line),
  }));
  const collator = new Intl.Collator('km');
  return {
    from,
    to,
    rows,
    items: [...items.values()].sort((a, b) => collator.compare(a.nameKm, b.nameKm)),
    totals: {
      goods: rows.reduce((sum, r) => sum + r.goods, 0),
      charge: rows.reduce((sum, r) => sum + r.charge, 0),
      cost: rows.reduce((sum, r) => sum + r.cost, 0),
      cash: rows.filter((r) => r.payment === 'cash').reduce((sum, r) => sum + r.goods, 0),
      credit: rows.filter((r) => r.payment === 'credit').reduce((sum, r) => sum + r.goods + r.charge, 0),
    },
  };
}
