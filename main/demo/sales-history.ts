import type { Kysely } from 'kysely';
import { QUANTITY_SCALE } from '../../shared/inputs';
import { withDigits } from '../../shared/khmer';
import type { CampaignInput, DeliveryInput } from '../../shared/sales';
import type { Database } from '../db/schema';
import { accountByRole } from '../ledger/accounts';
import type { Actor } from '../ledger/posting';
import { recordBuyerReceipt, recordBuyerSale, recordSaleCost } from '../sales/buyer';
import { campaignSummary, closeCampaign, createCampaign } from '../sales/campaigns';
import { postDeliveryDay } from '../sales/deliveries';
import { collectPayouts, payoutSheet, postPayout } from '../sales/payout';
import type { MemberInfo } from './ledger-history';
import { createRandom } from './members';

// Two paddy campaigns a year, as the cooperative sells its members' harvest together: the wet-season
// crop delivered in late November and paid out before the input credit falls due in December, the
// dry-season crop in April. Most members deliver; about two in five consent at the scale to have what
// they still owe for inputs taken from the payout; a few have it paid into their savings. The buyer pays
// in two parts, the members share the trucking, and collect their cash at the office over the next
// weeks (a few of the last campaign's not yet). Everything goes through the app's own functions.

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

interface DemoCampaign {
  input: CampaignInput;
  deliveryDays: string[];
  close: string;
  sale: string;
  receipts: [string, string];
  payout: string;
  collections: string[];
  /** Paddy price in riel a kg, and each member's harvest range in kg. */
  price: number;
  kg: [number, number];
}

function campaignsOf(year: number): DemoCampaign[] {
  const days = (start: string, count: number, every: number) =>
    Array.from({ length: count }, (_, i) => isoOf(dayOf(start) + i * every));
  const rise = (year - 2016) * 15;
  return [
    {
      input: {
        name: `ស្រូវប្រាំង ${withDigits(String(year), 'khmer')}`,
        crop: 'ស្រូវ',
        variety: 'សែនក្រអូប',
        buyerName: 'រោងម៉ាស៊ីនកិនស្រូវ ហេង ហួត',
        buyerPhone: '012 888 123',
        startDate: `${year}-04-14`,
        endDate: `${year}-04-30`,
        currency: 'KHR',
        feeKind: 'percent',
        feeValue: 150,
      },
      deliveryDays: days(`${year}-04-15`, 4, 2),
      close: `${year}-04-23`,
      sale: `${year}-04-24`,
      receipts: [`${year}-04-24`, `${year}-05-04`],
      payout: `${year}-05-06`,
      collections: days(`${year}-05-06`, 3, 7),
      price: 880 + rise,
      kg: [600, 3200],
    },
    {
      input: {
        name: `ស្រូវវស្សា ${withDigits(String(year), 'khmer')}`,
        crop: 'ស្រូវ',
        variety: 'ផ្ការំដួល',
        buyerName: 'ក្រុមហ៊ុន អង្គរ រ៉ាយស៍',
        buyerPhone: '023 991 456',
        startDate: `${year}-11-23`,
        endDate: `${year}-12-05`,
        currency: 'KHR',
        feeKind: 'per_kg',
        feeValue: 20 * 1000,
      },
      deliveryDays: days(`${year}-11-24`, 5, 2),
      close: `${year}-12-03`,
      sale: `${year}-12-04`,
      receipts: [`${year}-12-04`, `${year}-12-09`],
      payout: `${year}-12-10`,
      collections: days(`${year}-12-10`, 3, 7),
      price: 1_050 + rise,
      kg: [800, 4500],
    },
  ];
}

export async function writeDemoSales(
  db: Kysely<Database>,
  options: { seed: number; members: readonly MemberInfo[]; founded: string; today: string; actor: Actor },
): Promise<{ campaigns: number; deliveries: number }> {
  const random = createRandom(options.seed * 11 + 5);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const at = (date: string): Actor => ({ ...options.actor, timestamp: `${date}T10:00:00.000Z` });
  const cash = await accountByRole(db, 'cash_khr');
  const savers = new Set(
    (
      await db
        .selectFrom('savings_accounts as s')
        .innerJoin('savings_products as p', 'p.id', 's.product_id')
        .select('s.member_id')
        .where('p.currency', '=', 'KHR')
        .where('p.kind', '=', 'ordinary')
        .where('s.closed_on', 'is', null)
        .execute()
    ).map((r) => r.member_id),
  );
  let campaigns = 0;
  let deliveries = 0;
  const first = Math.max(Number(options.founded.slice(0, 4)), 2016);
  for (let year = first; year <= Number(options.today.slice(0, 4)); year++) {
    for (const c of campaignsOf(year)) {
      const lastCollection = c.collections.at(-1) ?? c.payout;
      if (c.input.startDate <= options.founded || c.deliveryDays[0] === undefined) continue;
      if (c.deliveryDays[0] > options.today) continue;
      const campaign = await createCampaign(db, c.input, at(c.input.startDate));
      campaigns++;
      const growers = options.members.filter(
        (m) => m.status === 'active' && m.joinDate < (c.deliveryDays[0] ?? '') && random() < 0.78,
      );
      const byDay = new Map<string, DeliveryInput[]>();
      for (const m of growers) {
        const day = c.deliveryDays[Math.floor(random() * c.deliveryDays.length)] ?? c.input.startDate;
        if (day > options.today) continue;
        const grossG = between(c.kg[0], c.kg[1]) * QUANTITY_SCALE;
        const wet = random() < 0.6;
        const list = byDay.get(day) ?? [];
        list.push({
          memberId: m.id,
          grossG,
          deductionKind: wet ? 'percent' : 'kg',
          deductionValue: wet ? between(100, 600) : between(0, 20) * QUANTITY_SCALE,
          consent: random() < 0.4,
        });
        byDay.set(day, list);
      }
      for (const [day, list] of byDay) {
        await postDeliveryDay(db, { campaignId: campaign.id, date: day, deliveries: list }, at(day));
        deliveries += list.length;
      }
      if (byDay.size === 0 || c.close > options.today) continue;
      await closeCampaign(db, campaign.id, c.close);
      if (c.sale > options.today) continue;
      const { netG } = await campaignSummary(db, campaign.id);
      // The buyer's scale reads a little under the members' total, and takes a little off for its own test.
      const soldG = Math.round((netG * between(985, 1000)) / 1000);
      const sale = await recordBuyerSale(
        db,
        { campaignId: campaign.id, date: c.sale, soldG, unitPrice: c.price * 1000, deductions: 0 },
        at(c.sale),
      );
      const trucks = Math.ceil(soldG / 1_000_000 / 10);
      await recordSaleCost(
        db,
        {
          campaignId: campaign.id,
          date: c.sale,
          kind: 'transport',
          shared: true,
          note: `ឡានដឹកស្រូវ ${trucks} ដង`,
          accountId: cash.id,
          amount: trucks * 150_000,
        },
        at(c.sale),
      );
      const firstPart = Math.round(sale.amount * 0.6);
      for (const [date, amount] of [
        [c.receipts[0], firstPart],
        [c.receipts[1], sale.amount - firstPart],
      ] as const) {
        if (date > options.today) break;
        await recordBuyerReceipt(db, { campaignId: campaign.id, date, accountId: cash.id, amount }, at(date));
      }
      if (c.payout > options.today || c.receipts[1] > options.today) continue;
      // Paid in cash: a payout into savings dated back would change interest the demo has already posted.
      // The draws that chose savers are still made, so that the rest of the demo tells the same story.
      for (const m of growers) if (savers.has(m.id)) random();
      await postPayout(db, { campaignId: campaign.id, date: c.payout, toSavings: [] }, at(c.payout));
      const waiting = (await payoutSheet(db, campaign.id, c.payout)).lines
        .filter((l) => l.method === 'cash' && l.net > 0)
        .map((l) => l.memberId);
      // Most collect on the payout day, the rest on the office days after; in the newest campaign a few wait.
      const recent = dayOf(lastCollection) > dayOf(options.today) - 45;
      for (const [index, date] of c.collections.entries()) {
        if (date > options.today) break;
        const share = index === 0 ? 0.7 : index === c.collections.length - 1 && recent ? 0.5 : 1;
        const now = waiting.splice(0, Math.ceil(waiting.length * share));
        if (now.length > 0)
          await collectPayouts(
            db,
            { campaignId: campaign.id, date, cashAccountId: cash.id, memberIds: now },
            at(date),
          );
      }
    }
  }
  return { campaigns, deliveries };
}
