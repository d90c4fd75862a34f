import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { localIsoDate } from '../../shared/dates';
import { DomainError } from '../../shared/errors';
import { parseQuantity, plainQuantity } from '../../shared/inputs';
import type { Currency } from '../../shared/khmer';
import { parseAmount, plainAmount } from '../../shared/money';
import {
  buyerReceiptSchema,
  buyerSaleSchema,
  campaignSchema,
  deliveryDaySchema,
  type PayoutSheet,
  parseUnitPrice,
  payoutCollectionSchema,
  payoutSchema,
  saleCostSchema,
} from '../../shared/sales';
import type { Database } from '../db/schema';
import { writeCsv } from '../files/csv-safe';
import { accountByRole } from '../ledger/accounts';
import { recordBuyerReceipt, recordBuyerSale, recordSaleCost } from '../sales/buyer';
import { closeCampaign, createCampaign, getCampaign, listCampaigns } from '../sales/campaigns';
import { postDeliveryDay, setConsent } from '../sales/deliveries';
import { collectPayouts, payoutSheet, postPayout } from '../sales/payout';
import { type CommandOptions, dateOption, UsageError } from './args';
import type { BooksCommand } from './books';
import type { Report } from './reports';

// Collective sales from the command line, on the same functions as the screens: campaigns, a delivery,
// the sale to the buyer, its receipts and costs, consent, the payout and its collection, and the payout
// sheet as CSV or JSON (and PDF through the catalog).

type Db = Kysely<Database>;

function checked<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new DomainError('validation', parsed.error.issues[0]?.path.join('.') || undefined);
  return parsed.data;
}

const formatOption = (options: CommandOptions) => options.choice('format', ['csv', 'json'], 'csv');
const dateOr = (options: CommandOptions, today: string) => dateOption(options, 'date') ?? today;

function weightOption(options: CommandOptions, name: string): number {
  const grams = parseQuantity(options.required(name));
  if (grams === null || grams === 0)
    throw new UsageError(`--${name} must be a weight in kg such as 1200 or 1200.5`);
  return grams;
}

function amountIn(options: CommandOptions, name: string, currency: Currency, required = true): number {
  const text = required ? options.required(name) : options.optional(name);
  if (text === undefined) return 0;
  const amount = parseAmount(text, currency);
  if (amount === null || amount < 0) throw new UsageError(`--${name} must be an amount in ${currency}`);
  return amount;
}

/** `--campaign` as its id or its number (SC-000001). */
async function campaignOf(db: Db, options: CommandOptions) {
  const given = options.required('campaign');
  const row = await db
    .selectFrom('sales_campaigns')
    .select('id')
    .where(/^[0-9]+$/.test(given) ? 'id' : 'number', '=', /^[0-9]+$/.test(given) ? Number(given) : given)
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'campaign');
  return getCampaign(db, row.id);
}

async function memberIds(db: Db, numbers: readonly number[]): Promise<number[]> {
  const rows = await db
    .selectFrom('members')
    .select(['id', 'number'])
    .where('number', 'in', numbers)
    .execute();
  const byNumber = new Map(rows.map((r) => [r.number, r.id]));
  return numbers.map((n) => {
    const id = byNumber.get(n);
    if (id === undefined) throw new DomainError('not_found', 'member', { member: n });
    return id;
  });
}

function numberList(options: CommandOptions, name: string): number[] {
  const text = options.optional(name);
  if (text === undefined || text === '') return [];
  if (!/^[0-9]+(,[0-9]+)*$/.test(text))
    throw new UsageError(`--${name} must be member numbers such as 12,40,41`);
  return text.split(',').map(Number);
}

/** --account CODE, or the campaign currency's cash on hand. */
async function moneyAccountOf(db: Db, options: CommandOptions, currency: Currency) {
  const code = options.optional('account');
  if (code === undefined) return (await accountByRole(db, `cash_${currency.toLowerCase()}`)).id;
  const row = await db.selectFrom('accounts').select('id').where('code', '=', code).executeTakeFirst();
  if (!row) throw new DomainError('account_unknown', 'account');
  return row.id;
}

export const SALES_COMMANDS: Record<string, BooksCommand> = {
  'sales campaigns': {
    options: ['format'],
    prepare(options) {
      const format = formatOption(options);
      return async (db) => {
        const campaigns = await listCampaigns(db);
        if (format === 'json') return `${JSON.stringify(campaigns, null, 2)}\n`;
        return writeCsv(
          campaigns.map((c) => ({
            id: c.id,
            number: c.number,
            name: c.name,
            buyer: c.buyerName,
            currency: c.currency,
            status: c.status,
            members: c.members,
            net_kg: plainQuantity(c.netG),
            sale: plainAmount(c.saleAmount - c.buyerDeductions, c.currency),
            owed_by_buyer: plainAmount(c.owedByBuyer, c.currency),
            owed_to_members: plainAmount(c.owedToMembers, c.currency),
            paid_out: c.payout?.date ?? '',
          })),
          [
            'id',
            'number',
            'name',
            'buyer',
            'currency',
            'status',
            'members',
            'net_kg',
            'sale',
            'owed_by_buyer',
            'owed_to_members',
            'paid_out',
          ],
        );
      };
    },
  },
  'sales add-campaign': {
    options: [
      'name',
      'crop',
      'variety',
      'buyer',
      'buyer-phone',
      'start',
      'end',
      'currency',
      'fee-per-kg',
      'fee-percent',
    ],
    prepare(options, actor) {
      const currency = options.choice('currency', ['KHR', 'USD'], 'KHR');
      const perKg = options.optional('fee-per-kg');
      const percent = options.optional('fee-percent');
      if ((perKg === undefined) === (percent === undefined))
        throw new UsageError('give one of --fee-per-kg or --fee-percent');
      const feeValue = perKg !== undefined ? parseUnitPrice(perKg, currency) : parseQuantity(percent ?? '');
      if (feeValue === null) throw new UsageError('the fee must be a number such as 20 or 1.5');
      const input = checked(campaignSchema, {
        name: options.required('name'),
        crop: options.optional('crop') ?? 'ស្រូវ',
        variety: options.optional('variety') ?? '',
        buyerName: options.required('buyer'),
        buyerPhone: options.optional('buyer-phone') ?? '',
        startDate: dateOption(options, 'start') ?? actor.today,
        endDate: dateOption(options, 'end') ?? '',
        currency,
        feeKind: perKg !== undefined ? 'per_kg' : 'percent',
        // A percent typed as 1.5 is 150 hundredths of a percent: parseQuantity gives thousandths.
        feeValue: perKg !== undefined ? feeValue : feeValue / 10,
      });
      return async (db) => {
        const campaign = await createCampaign(db, input, actor);
        return `campaign ${campaign.id} (${campaign.number}): ${campaign.name}\n`;
      };
    },
  },
  'sales deliver': {
    options: ['campaign', 'member', 'gross', 'deduct-kg', 'deduct-percent', 'consent', 'date'],
    prepare(options, actor) {
      const grossG = weightOption(options, 'gross');
      const percent = options.optional('deduct-percent');
      const kg = options.optional('deduct-kg');
      const deduction =
        percent !== undefined ? parseQuantity(percent) : kg !== undefined ? parseQuantity(kg) : 0;
      if (deduction === null) throw new UsageError('the deduction must be a number such as 25 or 2.5');
      const consent = options.choice('consent', ['yes', 'no'], 'no') === 'yes';
      const date = dateOr(options, actor.today);
      const number = options.integer('member', 0, 1);
      return async (db) => {
        const campaign = await campaignOf(db, options);
        const [memberId] = await memberIds(db, [number]);
        const input = checked(deliveryDaySchema, {
          campaignId: campaign.id,
          date,
          deliveries: [
            {
              memberId,
              grossG,
              deductionKind: percent !== undefined ? 'percent' : 'kg',
              deductionValue: percent !== undefined ? deduction / 10 : deduction,
              consent,
            },
          ],
        });
        const result = await postDeliveryDay(db, input, actor);
        return `delivery ${result.numbers[0]}: ${plainQuantity(result.netG)} kg net\n`;
      };
    },
  },
  'sales close': {
    options: ['campaign', 'date'],
    prepare(options, actor) {
      const date = dateOr(options, actor.today);
      return async (db) => {
        const campaign = await closeCampaign(db, (await campaignOf(db, options)).id, date);
        return `campaign ${campaign.number} closed to deliveries on ${date}\n`;
      };
    },
  },
  'sales consent': {
    options: ['campaign', 'member', 'withdraw', 'date'],
    prepare(options, actor) {
      const number = options.integer('member', 0, 1);
      const given = options.choice('withdraw', ['yes', 'no'], 'no') === 'no';
      const date = dateOr(options, actor.today);
      return async (db) => {
        const campaign = await campaignOf(db, options);
        const [memberId = 0] = await memberIds(db, [number]);
        await setConsent(db, { campaignId: campaign.id, memberId, date, given }, actor);
        return `member ${number}: consent ${given ? 'recorded' : 'withdrawn'} for ${campaign.number}\n`;
      };
    },
  },
  'sales sell': {
    options: ['campaign', 'kg', 'price', 'deductions', 'date'],
    prepare(options, actor) {
      const soldG = weightOption(options, 'kg');
      const date = dateOr(options, actor.today);
      return async (db) => {
        const campaign = await campaignOf(db, options);
        const unitPrice = parseUnitPrice(options.required('price'), campaign.currency);
        if (unitPrice === null) throw new UsageError('--price must be a price per kg such as 1150 or 0.265');
        const input = checked(buyerSaleSchema, {
          campaignId: campaign.id,
          date,
          soldG,
          unitPrice,
          deductions: amountIn(options, 'deductions', campaign.currency, false),
        });
        const sale = await recordBuyerSale(db, input, actor);
        return `sale ${sale.number}: ${plainAmount(sale.amount, campaign.currency)} ${campaign.currency}\n`;
      };
    },
  },
  'sales receive': {
    options: ['campaign', 'amount', 'account', 'date'],
    prepare(options, actor) {
      const date = dateOr(options, actor.today);
      return async (db) => {
        const campaign = await campaignOf(db, options);
        const input = checked(buyerReceiptSchema, {
          campaignId: campaign.id,
          date,
          accountId: await moneyAccountOf(db, options, campaign.currency),
          amount: amountIn(options, 'amount', campaign.currency),
        });
        const receipt = await recordBuyerReceipt(db, input, actor);
        return `receipt ${receipt.number}: the buyer still owes ${plainAmount(receipt.owed, campaign.currency)}\n`;
      };
    },
  },
  'sales cost': {
    options: ['campaign', 'amount', 'kind', 'shared', 'note', 'account', 'date'],
    prepare(options, actor) {
      const kind = options.choice('kind', ['transport', 'loading', 'other'], 'transport');
      const shared = options.choice('shared', ['yes', 'no'], 'yes') === 'yes';
      const date = dateOr(options, actor.today);
      return async (db) => {
        const campaign = await campaignOf(db, options);
        const input = checked(saleCostSchema, {
          campaignId: campaign.id,
          date,
          kind,
          shared,
          note: options.optional('note') ?? '',
          accountId: await moneyAccountOf(db, options, campaign.currency),
          amount: amountIn(options, 'amount', campaign.currency),
        });
        const cost = await recordSaleCost(db, input, actor);
        return `cost ${cost.number}\n`;
      };
    },
  },
  'sales payout': {
    options: ['campaign', 'to-savings', 'date'],
    prepare(options, actor) {
      const date = dateOr(options, actor.today);
      const savers = numberList(options, 'to-savings');
      return async (db) => {
        const campaign = await campaignOf(db, options);
        const input = checked(payoutSchema, {
          campaignId: campaign.id,
          date,
          toSavings: await memberIds(db, savers),
        });
        const result = await postPayout(db, input, actor);
        const c = campaign.currency;
        return `paid out ${campaign.number} to ${result.members} members: fees ${plainAmount(result.fee, c)}, credit ${plainAmount(result.credit, c)}, to pay ${plainAmount(result.net, c)} ${c}\n`;
      };
    },
  },
  'sales collect': {
    options: ['campaign', 'members', 'account', 'date'],
    prepare(options, actor) {
      const date = dateOr(options, actor.today);
      const numbers = numberList(options, 'members');
      if (numbers.length === 0) throw new UsageError('--members is required: member numbers such as 12,40');
      return async (db) => {
        const campaign = await campaignOf(db, options);
        const input = checked(payoutCollectionSchema, {
          campaignId: campaign.id,
          date,
          cashAccountId: await moneyAccountOf(db, options, campaign.currency),
          memberIds: await memberIds(db, numbers),
        });
        const result = await collectPayouts(db, input, actor);
        return `${result.count} payouts collected: ${plainAmount(result.total, campaign.currency)} ${campaign.currency}\n`;
      };
    },
  },
};

const SHEET_COLUMNS = [
  'line',
  'member_number',
  'name_km',
  'net_kg',
  'gross',
  'fee',
  'credit',
  'net',
  'method',
  'paid_on',
];

function sheetRows(sheet: PayoutSheet) {
  const c = sheet.campaign.currency;
  const amounts = (l: { gross: number; fee: number; credit: number; net: number }) => ({
    gross: plainAmount(l.gross, c),
    fee: plainAmount(l.fee, c),
    credit: plainAmount(l.credit, c),
    net: plainAmount(l.net, c),
  });
  return [
    ...sheet.lines.map((l) => ({
      line: 'member',
      member_number: l.memberNumber,
      name_km: l.nameKm,
      net_kg: plainQuantity(l.netG),
      ...amounts(l),
      method: l.method,
      paid_on: l.paidOn ?? '',
    })),
    { line: 'total', net_kg: plainQuantity(sheet.totals.netG), ...amounts(sheet.totals) },
  ];
}

export const SALES_REPORTS: Record<string, Report> = {
  'payout-sheet': {
    options: ['campaign', 'date'],
    prepare(options) {
      const format = formatOption(options);
      const date = dateOption(options, 'date');
      return async (db) => {
        const campaign = await campaignOf(db, options);
        const sheet = await payoutSheet(db, campaign.id, date ?? localIsoDate(new Date()));
        return format === 'json'
          ? `${JSON.stringify(sheet, null, 2)}\n`
          : writeCsv(sheetRows(sheet), SHEET_COLUMNS);
      };
    },
  },
};

/** `--campaign` for the printed sheet: the request's campaign id. */
export async function campaignField(db: Db, options: CommandOptions) {
  return { campaignId: (await campaignOf(db, options)).id };
}

export const SALES_USAGE = `  sales campaigns --db FILE [--format csv|json]
  sales add-campaign --db FILE --name TEXT --buyer TEXT [--buyer-phone P] [--crop T] [--variety T]
      [--start D] [--end D] [--currency KHR|USD] (--fee-per-kg AMOUNT | --fee-percent P)
  sales deliver --db FILE --campaign ID --member NUMBER --gross KG [--deduct-kg KG | --deduct-percent P]
      [--consent yes] [--date D]
  sales consent --db FILE --campaign ID --member NUMBER [--withdraw yes] [--date D]
  sales close --db FILE --campaign ID [--date D]
  sales sell --db FILE --campaign ID --kg KG --price PER_KG [--deductions AMOUNT] [--date D]
  sales receive --db FILE --campaign ID --amount A [--account CODE] [--date D]
  sales cost --db FILE --campaign ID --amount A [--kind transport|loading|other] [--shared yes|no]
      [--note T] [--account CODE] [--date D]
  sales payout --db FILE --campaign ID [--to-savings NUMBER,NUMBER] [--date D]
  sales collect --db FILE --campaign ID --members NUMBER,NUMBER [--account CODE] [--date D]
      Collective sales on the same code as the screens: --campaign is its id or number (SC-000001),
      weights in kg, amounts and prices in the campaign's currency.
  report payout-sheet --db FILE --campaign ID [--format csv|json|pdf]
      Each member's net kg, gross, fee, credit taken, net to pay and whether collected.`;
