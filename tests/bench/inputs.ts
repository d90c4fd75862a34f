// The farm-inputs figures of `npm run bench` (issue 9): a season's distribution to every active member
// posted in one go, the credit aging over the whole register, and the stock on hand at a date.

import type { Kysely } from 'kysely';
import type { Database } from '../../main/db/schema';
import { creditAging } from '../../main/inputs/credit';
import { listItems, listSuppliers } from '../../main/inputs/items';
import { postPurchase } from '../../main/inputs/purchases';
import { postDistribution } from '../../main/inputs/sales';
import { stockOnHand } from '../../main/inputs/stock';
import { QUANTITY_SCALE } from '../../shared/inputs';

interface Figure {
  what: string;
  value: string;
  target?: { label: string; pass: boolean };
  detail?: string;
}

type Timer = (runs: number, run: (i: number) => Promise<unknown>) => Promise<number>;
type Timed = (what: string, measured: number, targetMs: number, detail?: string) => Figure;

const RUNS = 3;

/** Read-only figures on the demo as it is. */
export async function inputsReadFigures(db: Kysely<Database>, today: string, medianMs: Timer, timed: Timed) {
  const cooperative = await db.selectFrom('cooperative').select('founded_on').executeTakeFirstOrThrow();
  const start = Date.parse(cooperative.founded_on);
  const dates = Array.from({ length: 10 }, (_, i) =>
    new Date(start + ((Date.parse(today) - start) * (i + 0.37)) / 10).toISOString().slice(0, 10),
  );
  const aging = await creditAging(db, today);
  const agingMs = await medianMs(20, () => creditAging(db, today));
  const stock = await stockOnHand(db, today);
  const stockMs = await medianMs(50, (i) => stockOnHand(db, dates[i % dates.length] ?? today));
  const movements = await db
    .selectFrom('input_movements')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return [
    timed(
      'input credit aging, every member (median of 20)',
      agingMs,
      50,
      `${aging.rows.length} members owe ${aging.totals.total.toLocaleString('en')} riel`,
    ),
    timed(
      'stock on hand at a date (median of 50)',
      stockMs,
      10,
      `${stock.rows.length} items, ${movements.n.toLocaleString('en')} stock movements`,
    ),
  ];
}

/** A season's distribution to every active member, posted on a copy of the demo, median of three. */
export async function distributionFigure(
  db: Kysely<Database>,
  now: { today: string; timestamp: string },
  medianMs: Timer,
  timed: Timed,
): Promise<Figure> {
  const actor = { ...now, user: 'bench' };
  const items = (await listItems(db)).filter((i) => i.active).slice(0, 2);
  const [supplier] = await listSuppliers(db);
  const members = await db.selectFrom('members').select('id').where('status', '=', 'active').execute();
  if (!supplier || items.length < 2) throw new Error('the demo has no inputs to distribute');
  const lines = items.map((item, i) => ({
    itemId: item.id,
    quantity: (i + 2) * QUANTITY_SCALE,
    unitPrice: item.salePrice,
  }));
  await postPurchase(
    db,
    {
      supplierId: supplier.id,
      date: now.today,
      payment: 'credit',
      currency: 'KHR',
      cashAccountId: null,
      rate: null,
      reference: 'bench',
      lines: lines.map((l) => ({
        itemId: l.itemId,
        quantity: l.quantity * members.length * RUNS,
        unitCost: 90_000,
      })),
    },
    actor,
  );
  const due = `${Number(now.today.slice(0, 4)) + 1}-04-30`;
  const measured = await medianMs(RUNS, () =>
    postDistribution(
      db,
      {
        date: now.today,
        dueDate: due,
        charge: { kind: 'rate', monthlyBp: 100 },
        sales: members.map((m) => ({ memberId: m.id, lines })),
      },
      actor,
    ),
  );
  return timed(
    `a season's distribution to ${members.length} members, ${lines.length} items each, posted (median of ${RUNS})`,
    measured,
    1000,
    `${members.length} sales, each its own entry`,
  );
}
