import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { DomainError } from '../../shared/errors';
import {
  AGING_BUCKETS,
  inputItemSchema,
  inputSaleSchema,
  parseQuantity,
  plainQuantity,
  purchaseSchema,
  repaymentSchema,
  stockAdjustmentSchema,
  supplierPaymentSchema,
  supplierSchema,
} from '../../shared/inputs';
import { plainAmount } from '../../shared/money';
import type { Database } from '../db/schema';
import { writeCsv } from '../files/csv-safe';
import { creditAging } from '../inputs/credit';
import { createItem, createSupplier, listItems, listSuppliers } from '../inputs/items';
import { paySupplier, postPurchase } from '../inputs/purchases';
import { postInputSale, postRepayment } from '../inputs/sales';
import { inputSalesReport } from '../inputs/sales-report';
import { adjustStock, stockOnHand } from '../inputs/stock';
import { accountByRole } from '../ledger/accounts';
import { asOfOption, type CommandOptions, dateOption, periodOption, UsageError } from './args';
import type { BooksCommand } from './books';
import type { Report } from './reports';

// The farm-inputs business from the command line, on the same functions as the screens: the items and
// suppliers, one purchase, sale, repayment or adjustment at a time, and the stock, sales and aging reports.

type Db = Kysely<Database>;
type Row = Record<string, string | number>;

const riel = (amount: number) => plainAmount(amount, 'KHR');

function output(format: 'csv' | 'json', value: unknown, columns: readonly string[], rows: () => Row[]) {
  return format === 'json' ? `${JSON.stringify(value, null, 2)}\n` : writeCsv(rows(), columns);
}
const formatOption = (options: CommandOptions) => options.choice('format', ['csv', 'json'], 'csv');

/** A quantity option as typed ('12.5'), in thousandths of the unit. */
function quantityOption(options: CommandOptions, name: string): number {
  const quantity = parseQuantity(options.required(name));
  if (quantity === null || quantity === 0)
    throw new UsageError(`--${name} must be a quantity such as 12 or 12.5`);
  return quantity;
}

function amountOption(options: CommandOptions, name: string): number {
  const amount = options.integer(name, 0, 1);
  if (amount === 0) throw new UsageError(`--${name} is required (whole riel)`);
  return amount;
}

/** Checks a request with the schema the IPC door uses, naming the option of a refused field. */
function checked<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError('validation', issue?.path.join('.') || undefined);
  }
  return parsed.data;
}

async function memberId(db: Db, number: number): Promise<number> {
  const row = await db.selectFrom('members').select('id').where('number', '=', number).executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'member');
  return row.id;
}

/** The cash account to use: --cash-account CODE, riel cash on hand unless given. */
async function cashAccount(
  db: Db,
  options: CommandOptions,
  currency: 'KHR' | 'USD' = 'KHR',
): Promise<number> {
  const code = options.optional('cash-account');
  if (code === undefined) return (await accountByRole(db, currency === 'KHR' ? 'cash_khr' : 'cash_usd')).id;
  const row = await db.selectFrom('accounts').select('id').where('code', '=', code).executeTakeFirst();
  if (!row) throw new DomainError('account_unknown', 'cash-account');
  return row.id;
}

const ITEM_COLUMNS = ['id', 'name_km', 'name_latin', 'unit', 'sale_price', 'quantity', 'value', 'active'];
const SUPPLIER_COLUMNS = ['id', 'name', 'phone', 'village', 'owed'];

export const INPUTS_COMMANDS: Record<string, BooksCommand> = {
  'inputs items': {
    options: ['format'],
    prepare(options) {
      const format = formatOption(options);
      return async (db) => {
        const items = await listItems(db);
        return output(format, items, ITEM_COLUMNS, () =>
          items.map((i) => ({
            id: i.id,
            name_km: i.nameKm,
            name_latin: i.nameLatin,
            unit: i.unit,
            sale_price: riel(i.salePrice),
            quantity: plainQuantity(i.quantity),
            value: riel(i.value),
            active: i.active ? 'yes' : 'no',
          })),
        );
      };
    },
  },
  'inputs add-item': {
    options: ['name-km', 'name-latin', 'unit', 'price'],
    prepare(options, actor) {
      const nameKm = options.required('name-km');
      const nameLatin = options.optional('name-latin') ?? '';
      const unit = options.required('unit');
      const salePrice = options.integer('price', 0, 0);
      return async (db) => {
        const input = checked(inputItemSchema, {
          nameKm,
          nameLatin,
          unit,
          salePrice,
          stockAccountId: (await accountByRole(db, 'input_stock')).id,
          incomeAccountId: (await accountByRole(db, 'input_sales')).id,
        });
        const item = await createItem(db, input, actor);
        return `item ${item.id}: ${item.nameKm}\n`;
      };
    },
  },
  'inputs suppliers': {
    options: ['format'],
    prepare(options) {
      const format = formatOption(options);
      return async (db) => {
        const suppliers = await listSuppliers(db);
        return output(format, suppliers, SUPPLIER_COLUMNS, () =>
          suppliers.map((s) => ({
            id: s.id,
            name: s.name,
            phone: s.phone,
            village: s.village,
            owed: riel(s.owed),
          })),
        );
      };
    },
  },
  'inputs add-supplier': {
    options: ['name', 'phone', 'village'],
    prepare(options, actor) {
      const value = {
        name: options.required('name'),
        phone: options.optional('phone') ?? '',
        village: options.optional('village') ?? '',
      };
      return async (db) => {
        const supplier = await createSupplier(db, checked(supplierSchema, value), actor);
        return `supplier ${supplier.id}: ${supplier.name}\n`;
      };
    },
  },
  'inputs purchase': {
    options: [
      'supplier',
      'date',
      'item',
      'quantity',
      'unit-cost',
      'pay',
      'cash-account',
      'currency',
      'rate',
      'reference',
    ],
    prepare(options, actor) {
      const supplierId = options.integer('supplier', 0, 1);
      const itemId = options.integer('item', 0, 1);
      const quantity = quantityOption(options, 'quantity');
      const unitCost = amountOption(options, 'unit-cost');
      const credit = options.choice('pay', ['cash', 'credit'], 'cash') === 'credit';
      const currency = options.choice('currency', ['KHR', 'USD'], 'KHR');
      const date = dateOption(options, 'date') ?? actor.today;
      return async (db) => {
        const input = checked(purchaseSchema, {
          supplierId,
          date,
          payment: credit ? 'credit' : 'cash',
          currency,
          cashAccountId: credit ? null : await cashAccount(db, options, currency),
          rate: options.optional('rate') ?? null,
          reference: options.optional('reference') ?? '',
          lines: [{ itemId, quantity, unitCost }],
        });
        const posted = await postPurchase(db, input, actor);
        return `purchase ${posted.number} posted as entry ${posted.entryId}\n`;
      };
    },
  },
  'inputs pay-supplier': {
    options: ['supplier', 'date', 'amount', 'cash-account'],
    prepare(options, actor) {
      const supplierId = options.integer('supplier', 0, 1);
      const amount = amountOption(options, 'amount');
      const date = dateOption(options, 'date') ?? actor.today;
      return async (db) => {
        const input = checked(supplierPaymentSchema, {
          supplierId,
          date,
          amount,
          cashAccountId: await cashAccount(db, options),
        });
        const posted = await paySupplier(db, input, actor);
        return `payment ${posted.number} posted as entry ${posted.entryId}\n`;
      };
    },
  },
  'inputs sell': {
    options: ['member', 'date', 'item', 'quantity', 'price', 'due', 'fee', 'monthly-rate-bp', 'cash-account'],
    prepare(options, actor) {
      const number = options.integer('member', 0, 1);
      const itemId = options.integer('item', 0, 1);
      const quantity = quantityOption(options, 'quantity');
      const price = options.optional('price') === undefined ? null : amountOption(options, 'price');
      const due = dateOption(options, 'due');
      const fee = options.integer('fee', 0, 0);
      const rate = options.integer('monthly-rate-bp', 0, 0);
      if (due === undefined && (fee > 0 || rate > 0))
        throw new UsageError('--fee and --monthly-rate-bp need --due');
      if (fee > 0 && rate > 0) throw new UsageError('give --fee or --monthly-rate-bp, not both');
      const date = dateOption(options, 'date') ?? actor.today;
      return async (db) => {
        const item = (await listItems(db)).find((i) => i.id === itemId);
        if (!item) throw new DomainError('not_found', 'item');
        const input = checked(inputSaleSchema, {
          memberId: await memberId(db, number),
          date,
          payment: due === undefined ? 'cash' : 'credit',
          cashAccountId: due === undefined ? await cashAccount(db, options) : null,
          dueDate: due ?? null,
          charge:
            fee > 0
              ? { kind: 'flat', amount: fee }
              : rate > 0
                ? { kind: 'rate', monthlyBp: rate }
                : { kind: 'none' },
          lines: [{ itemId, quantity, unitPrice: price ?? item.salePrice }],
        });
        const posted = await postInputSale(db, input, actor);
        return `sale ${posted.number} of ${riel(posted.total)} riel posted as entry ${posted.entryId}\n`;
      };
    },
  },
  'inputs repay': {
    options: ['member', 'date', 'amount', 'sale', 'cash-account'],
    prepare(options, actor) {
      const number = options.integer('member', 0, 1);
      const amount = amountOption(options, 'amount');
      const sale = options.integer('sale', 0, 1);
      const date = dateOption(options, 'date') ?? actor.today;
      return async (db) => {
        const input = checked(repaymentSchema, {
          memberId: await memberId(db, number),
          date,
          amount,
          saleId: sale === 0 ? null : sale,
          cashAccountId: await cashAccount(db, options),
        });
        const posted = await postRepayment(db, input, actor);
        return `repayment ${posted.number} posted as entry ${posted.entryId}; still owed ${riel(posted.outstanding)} riel\n`;
      };
    },
  },
  'inputs adjust': {
    options: ['item', 'date', 'reason', 'quantity', 'note'],
    prepare(options, actor) {
      const itemId = options.integer('item', 0, 1);
      const reason = options.choice('reason', ['damage', 'loss', 'found'], 'damage');
      const quantity = quantityOption(options, 'quantity');
      const date = dateOption(options, 'date') ?? actor.today;
      const input = checked(stockAdjustmentSchema, {
        itemId,
        date,
        reason,
        quantity: reason === 'found' ? quantity : -quantity,
        note: options.optional('note') ?? '',
      });
      return async (db) => {
        const posted = await adjustStock(db, input, actor);
        return `adjustment ${posted.number} posted as entry ${posted.entryId}\n`;
      };
    },
  },
};

const STOCK_COLUMNS = ['line', 'item_id', 'name_km', 'unit', 'quantity', 'average_cost', 'value'];
const AGING_COLUMNS = ['line', 'member_number', 'name_km', 'village', ...AGING_BUCKETS, 'total'];
const SALES_COLUMNS = [
  'line',
  'date',
  'number',
  'member_number',
  'name_km',
  'payment',
  'item',
  'quantity',
  'unit_price',
  'amount',
  'goods',
  'charge',
  'cost',
];

export const INPUTS_REPORTS: Record<string, Report> = {
  stock: {
    options: ['to', 'as-of'],
    prepare(options) {
      const asOf = asOfOption(options);
      const format = formatOption(options);
      return async (db) => {
        const stock = await stockOnHand(db, asOf);
        return output(format, stock, STOCK_COLUMNS, () => [
          ...stock.rows.map((r) => ({
            line: 'item',
            item_id: r.itemId,
            name_km: r.nameKm,
            unit: r.unit,
            quantity: plainQuantity(r.quantity),
            average_cost: riel(r.averageCost),
            value: riel(r.value),
          })),
          { line: 'total', value: riel(stock.totalValue) },
          { line: 'ledger', value: riel(stock.ledgerValue) },
        ]);
      };
    },
  },
  'input-credit-aging': {
    options: ['to', 'as-of'],
    prepare(options) {
      const asOf = asOfOption(options);
      const format = formatOption(options);
      return async (db) => {
        const aging = await creditAging(db, asOf);
        const amounts = (a: Record<(typeof AGING_BUCKETS)[number] | 'total', number>) =>
          Object.fromEntries([...AGING_BUCKETS, 'total'].map((b) => [b, riel(a[b as keyof typeof a])]));
        return output(format, aging, AGING_COLUMNS, () => [
          ...aging.rows.map((r) => ({
            line: 'member',
            member_number: r.memberNumber,
            name_km: r.nameKm,
            village: r.village,
            ...amounts(r),
          })),
          { line: 'total', ...amounts(aging.totals) },
        ]);
      };
    },
  },
  'input-sales': {
    options: ['from', 'to'],
    prepare(options) {
      const { from, to } = periodOption(options);
      const format = formatOption(options);
      return async (db) => {
        const report = await inputSalesReport(db, from, to);
        return output(format, report, SALES_COLUMNS, () =>
          report.rows.flatMap((r) => [
            {
              line: 'sale',
              date: r.date,
              number: r.number,
              member_number: r.memberNumber,
              name_km: r.memberNameKm,
              payment: r.payment,
              goods: riel(r.goods),
              charge: riel(r.charge),
              cost: riel(r.cost),
            },
            ...r.lines.map((l) => ({
              line: 'item',
              number: r.number,
              item: l.itemNameKm,
              quantity: plainQuantity(l.quantity),
              unit_price: riel(l.unitPrice),
              amount: riel(l.amount),
            })),
          ]),
        );
      };
    },
  },
};
