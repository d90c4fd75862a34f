import type { Kysely, Transaction } from 'kysely';
import type { InputSaleLine, InputSalesReport, InputUnit } from '../../shared/inputs';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/** Every input sale of a period, with its lines, the totals per item and the cost at average cost. Reversed sales are left out. */
export async function inputSalesReport(db: Db, from: string, to: string): Promise<InputSalesReport> {
  const reversed = db
    .selectFrom('journal_entries')
    .select('reverses_id')
    .where('reverses_id', 'is not', null);
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
  const lines = await db
    .selectFrom('input_movements as mv')
    .innerJoin('input_sales as s', 's.id', 'mv.sale_id')
    .innerJoin('input_items as i', 'i.id', 'mv.item_id')
    .select([
      'mv.sale_id',
      'mv.item_id',
      'i.name_km',
      'i.name_latin',
      'i.unit',
      'mv.quantity',
      'mv.value',
      'mv.unit_price',
      'mv.amount',
    ])
    .where('mv.kind', '=', 'sale')
    .where('s.date', '>=', from)
    .where('s.date', '<=', to)
    .where('s.entry_id', 'not in', reversed)
    .orderBy('mv.id')
    .execute();
  const bySale = new Map<number, InputSaleLine[]>();
  const items = new Map<number, InputSalesReport['items'][number]>();
  for (const line of lines) {
    const sold: InputSaleLine = {
      itemId: line.item_id,
      itemNameKm: line.name_km,
      itemNameLatin: line.name_latin ?? '',
      unit: line.unit as InputUnit,
      quantity: -line.quantity,
      unitPrice: line.unit_price ?? 0,
      amount: line.amount ?? 0,
    };
    const list = bySale.get(line.sale_id ?? 0) ?? [];
    list.push(sold);
    bySale.set(line.sale_id ?? 0, list);
    const item = items.get(line.item_id) ?? {
      itemId: line.item_id,
      nameKm: line.name_km,
      nameLatin: line.name_latin ?? '',
      unit: sold.unit,
      quantity: 0,
      sales: 0,
      cost: 0,
    };
    item.quantity += sold.quantity;
    item.sales += sold.amount;
    item.cost += -line.value;
    items.set(line.item_id, item);
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
    lines: bySale.get(s.id) ?? [],
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
