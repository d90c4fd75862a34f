import type { Kysely } from 'kysely';
import { type InputUnit, QUANTITY_SCALE } from '../../shared/inputs';
import type { Database } from '../db/schema';
import { memberInputCredits } from '../inputs/credit';
import { createItem, createSupplier } from '../inputs/items';
import { paySupplier, postPurchase, supplierOwed } from '../inputs/purchases';
import { postDistribution, postRepaymentDay } from '../inputs/sales';
import { adjustStock, countStock, stockPositions } from '../inputs/stock';
import { accountByRole } from '../ledger/accounts';
import type { Actor } from '../ledger/posting';
import type { MemberInfo } from './ledger-history';
import { createRandom } from './members';

// Two input seasons a year, as a rice-growing cooperative runs them: fertiliser and seed bought on credit
// from a supplier before planting, sold to most members on credit until the harvest (some pay on the
// day), repaid after the harvest (most on time, some late, a few not yet), the supplier paid from what
// comes back, and a stock count at the end of each season. Everything goes through the app's own
// functions, one transaction per event, so the demo's books are what the app itself would have written.

interface DemoItem {
  nameKm: string;
  nameLatin: string;
  unit: InputUnit;
  /** Riel per unit in the demo's first year; prices rise a little every year. */
  cost: number;
  /** Share of buyers who take it, and how many units each (whole units, or kg in steps). */
  takers: number;
  units: [low: number, high: number, step: number];
  season: 'both' | 'wet';
}

const ITEMS: readonly DemoItem[] = [
  {
    nameKm: 'ជីអ៊ុយរ៉េ ៤៦%',
    nameLatin: 'Urea 46%',
    unit: 'bag50',
    cost: 92_000,
    takers: 0.85,
    units: [1, 4, 1],
    season: 'both',
  },
  {
    nameKm: 'ជី ដេអេភី ១៨-៤៦-០',
    nameLatin: 'DAP 18-46-0',
    unit: 'bag50',
    cost: 125_000,
    takers: 0.45,
    units: [1, 2, 1],
    season: 'both',
  },
  {
    nameKm: 'គ្រាប់ពូជស្រូវ ផ្ការំដួល',
    nameLatin: 'Phka Rumduol rice seed',
    unit: 'kg',
    cost: 2_600,
    takers: 0.4,
    units: [30, 90, 10],
    season: 'wet',
  },
  {
    nameKm: 'ថ្នាំសម្លាប់សត្វល្អិត',
    nameLatin: 'Insecticide',
    unit: 'litre',
    cost: 38_000,
    takers: 0.2,
    units: [1, 2, 1],
    season: 'both',
  },
];

const SUPPLIERS = [
  { name: 'ហាងលក់ជី និងថ្នាំកសិកម្ម សុខ ហេង', phone: '012 456 789', village: 'ផ្សារព្រះស្តេច' },
  { name: 'ក្រុមហ៊ុន អង្គរ អាគ្រី ខេមបូឌា', phone: '023 880 145', village: 'ភ្នំពេញ' },
];

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const roundTo = (value: number, step: number) => Math.round(value / step) * step;

interface Season {
  purchase: string;
  days: string[];
  due: string;
  wet: boolean;
}

function seasonsOf(year: number): Season[] {
  const days = (start: string, count: number, every: number) =>
    Array.from({ length: count }, (_, i) => isoOf(dayOf(start) + i * every));
  return [
    { purchase: `${year}-05-04`, days: days(`${year}-05-06`, 6, 3), due: `${year}-12-15`, wet: true },
    { purchase: `${year}-11-18`, days: days(`${year}-11-21`, 5, 3), due: `${year + 1}-04-30`, wet: false },
  ];
}

type Event = { date: string; order: number; run: () => Promise<void> };

export async function writeDemoInputs(
  db: Kysely<Database>,
  options: { seed: number; members: readonly MemberInfo[]; founded: string; today: string; actor: Actor },
): Promise<{ sales: number; repayments: number }> {
  const random = createRandom(options.seed * 7 + 3);
  const between = (low: number, high: number, step = 1) =>
    low + step * Math.floor(random() * (Math.floor((high - low) / step) + 1));
  const at = (date: string): Actor => ({
    ...options.actor,
    today: options.today,
    timestamp: `${date}T09:30:00.000Z`,
  });
  const setup = at(options.founded);
  const [stock, income, cash] = await Promise.all([
    accountByRole(db, 'input_stock'),
    accountByRole(db, 'input_sales'),
    accountByRole(db, 'cash_khr'),
  ]);
  const items: (DemoItem & { id: number })[] = [];
  for (const item of ITEMS) {
    const made = await createItem(
      db,
      {
        nameKm: item.nameKm,
        nameLatin: item.nameLatin,
        unit: item.unit,
        salePrice: roundTo(item.cost * 1.15, 500),
        stockAccountId: stock.id,
        incomeAccountId: income.id,
      },
      setup,
    );
    items.push({ ...item, id: made.id });
  }
  const suppliers: number[] = [];
  for (const supplier of SUPPLIERS) suppliers.push((await createSupplier(db, supplier, setup)).id);

  const start = dayOf(options.founded) + 30;
  const last = dayOf(options.today);
  const active = options.members.filter((m) => m.status === 'active');
  const events: Event[] = [];
  const repayments = new Map<string, { memberId: number; amount: number }[]>();
  let sales = 0;
  let repaid = 0;
  const firstYear = Number(options.founded.slice(0, 4));
  for (let year = firstYear; year <= Number(options.today.slice(0, 4)); year++) {
    for (const [index, season] of seasonsOf(year).entries()) {
      if (dayOf(season.purchase) < start || dayOf(season.days.at(-1) ?? season.purchase) > last) continue;
      const rise = 1 + 0.03 * (year - firstYear);
      const price = (item: DemoItem) => roundTo(item.cost * rise * 1.15, 500);
      const supplierId = suppliers[index % suppliers.length] ?? 0;
      // Who buys what on which distribution day, decided before the purchase so it can cover them.
      const buyers = active
        .filter((m) => m.joinDate < (season.days[0] ?? season.purchase) && random() < 0.65)
        .map((m) => {
          const lines = items
            .filter((item) => (item.season === 'both' || season.wet) && random() < item.takers)
            .map((item) => ({
              itemId: item.id,
              quantity: between(item.units[0], item.units[1], item.units[2]) * QUANTITY_SCALE,
              unitPrice: price(item),
            }));
          const day = season.days[Math.floor(random() * season.days.length)] ?? season.purchase;
          return {
            memberId: m.id,
            day,
            lines,
            payment: random() < 0.15 ? ('cash' as const) : ('credit' as const),
          };
        })
        .filter((b) => b.lines.length > 0);
      if (buyers.length === 0) continue;
      const wanted = new Map<number, number>();
      for (const b of buyers)
        for (const l of b.lines) wanted.set(l.itemId, (wanted.get(l.itemId) ?? 0) + l.quantity);
      const purchase = season.purchase;
      events.push({
        date: purchase,
        order: 0,
        run: async () => {
          const held = await stockPositions(db, [...wanted.keys()]);
          const lines = [...wanted].flatMap(([itemId, quantity]) => {
            const item = items.find((i) => i.id === itemId);
            const short = Math.ceil((quantity * 1.03 - (held.get(itemId)?.quantity ?? 0)) / QUANTITY_SCALE);
            if (!item || short <= 0) return [];
            return [{ itemId, quantity: short * QUANTITY_SCALE, unitCost: roundTo(item.cost * rise, 100) }];
          });
          if (lines.length === 0) return;
          const reference = `INV-${purchase.slice(0, 4)}-${purchase.slice(5, 7)}`;
          await postPurchase(
            db,
            {
              supplierId,
              date: purchase,
              payment: 'credit',
              currency: 'KHR',
              cashAccountId: null,
              rate: null,
              reference,
              lines,
            },
            at(purchase),
          );
        },
      });
      for (const day of season.days) {
        const todays = buyers.filter((b) => b.day === day);
        if (todays.length === 0) continue;
        events.push({
          date: day,
          order: 1,
          run: async () => {
            await postDistribution(
              db,
              {
                date: day,
                dueDate: season.due,
                charge: { kind: 'rate', monthlyBp: 100 },
                cashAccountId: cash.id,
                sales: todays.map((b) => ({ memberId: b.memberId, payment: b.payment, lines: b.lines })),
              },
              at(day),
            );
          },
        });
        sales += todays.length;
      }
      // After the harvest: most repay in the weeks around the due date, some in two parts, some late,
      // and a few have not repaid yet. The amounts are what each one owes, read when the day comes.
      const due = dayOf(season.due);
      for (const b of buyers.filter((x) => x.payment === 'credit')) {
        const fate = random();
        const plan: [day: number, share: number][] =
          fate < 0.72
            ? [[due - between(0, 25), 1]]
            : fate < 0.84
              ? [
                  [due - between(5, 30), 0.5],
                  [due + between(5, 50), 1],
                ]
              : fate < 0.95
                ? [[due + between(31, 140), 1]]
                : [];
        for (const [planned, share] of plan) {
          // Repayments are taken on the office's weekly day (a Monday), as collection days are.
          const day = planned + ((8 - ((planned + 4) % 7)) % 7);
          if (day > last) continue;
          const date = isoOf(day);
          const list = repayments.get(date) ?? [];
          // The share is of what is still owed on the day; 1 pays it all.
          list.push({ memberId: b.memberId, amount: -Math.round(share * 1000) });
          repayments.set(date, list);
        }
      }
      // The season's end: a bag or two damaged in the store, and the shelves counted.
      const end = isoOf(dayOf(season.days.at(-1) ?? purchase) + 10);
      if (dayOf(end) <= last) {
        events.push({
          date: end,
          order: 2,
          run: async () => {
            const urea = items[0];
            if (!urea) return;
            const held = await stockPositions(
              db,
              items.map((i) => i.id),
            );
            if ((held.get(urea.id)?.quantity ?? 0) >= 2 * QUANTITY_SCALE && random() < 0.6) {
              await adjustStock(
                db,
                {
                  itemId: urea.id,
                  date: end,
                  reason: 'damage',
                  quantity: -QUANTITY_SCALE,
                  note: 'បាវរហែក ទឹកភ្លៀងជ្រាបចូល',
                },
                at(end),
              );
            }
            const after = await stockPositions(
              db,
              items.map((i) => i.id),
            );
            await countStock(
              db,
              {
                date: end,
                note: 'រាប់ស្តុកចុងរដូវ',
                counts: items.map((i) => {
                  const quantity = after.get(i.id)?.quantity ?? 0;
                  const off =
                    quantity >= 2 * QUANTITY_SCALE && random() < 0.35
                      ? i.unit === 'kg'
                        ? between(1, 5)
                        : 1
                      : 0;
                  return { itemId: i.id, counted: quantity - off * QUANTITY_SCALE };
                }),
              },
              at(end),
            );
          },
        });
      }
    }
  }
  for (const [date, list] of repayments) {
    events.push({
      date,
      order: 3,
      run: async () => {
        const owed = await memberInputCredits(
          db,
          list.map((r) => r.memberId),
          '9999-12-31',
        );
        const day = list.flatMap((r) => {
          const outstanding = owed.get(r.memberId)?.outstanding ?? 0;
          const amount = r.amount === -1000 ? outstanding : roundTo((outstanding * -r.amount) / 1000, 100);
          owed.set(r.memberId, {
            memberId: r.memberId,
            outstanding: outstanding - amount,
            overdue: 0,
            sales: [],
          });
          return amount > 0 ? [{ memberId: r.memberId, amount }] : [];
        });
        if (day.length === 0) return;
        const posted = await postRepaymentDay(
          db,
          { date, cashAccountId: cash.id, repayments: day },
          at(date),
        );
        repaid += posted.count;
        // What came in pays the supplier still owed the most, as far as it goes.
        const owedTo = await Promise.all(
          suppliers.map(async (id) => ({ id, owed: await supplierOwed(db, id) })),
        );
        const [first] = owedTo.sort((a, b) => b.owed - a.owed);
        const amount = Math.min(posted.total, first?.owed ?? 0);
        if (first && amount > 0)
          await paySupplier(db, { supplierId: first.id, date, cashAccountId: cash.id, amount }, at(date));
      },
    });
  }
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
  for (const event of events) await event.run();
  return { sales, repayments: repaid };
}
