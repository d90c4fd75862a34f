import { z } from 'zod';
import { type Currency, type Digits, formatNumber, toLatinDigits, withDigits } from './khmer';
import { amountNumber, currencySchema, positiveAmount, rateSchema } from './ledger';
import { isoDate } from './schemas';
import { optionalText, requiredText, TEXT_LIMITS } from './text';

// Farm inputs (SPEC 2.6): items bought from suppliers, kept in stock at weighted average cost, sold on
// to members in cash or on credit until harvest. Stock values and member credit are in riel, as the
// cooperative keeps its books; a purchase paid in dollars goes through the currency-conversion accounts.

const id = z.number().int().positive();
const amount = positiveAmount;

/**
 * Quantities are kept in thousandths of the item's unit, so that 12.5 kg or 0.25 litre are exact
 * integers like every amount of money; a bag or a packet is simply a whole number of units.
 */
export const QUANTITY_SCALE = 1000;
const MAX_QUANTITY = 1_000_000 * QUANTITY_SCALE;
export const quantitySchema = z
  .number('required')
  .int('quantity_invalid')
  .positive('quantity_invalid')
  .max(MAX_QUANTITY, 'quantity_invalid');

/** What a person types as a quantity ('12', '12.5', '១២,៥', '1,200') in thousandths, or null. */
export function parseQuantity(text: string): number | null {
  const khmer = /[\u17e0-\u17e9]/.test(text);
  let s = toLatinDigits(text).trim().replace(/\s/g, '');
  // Khmer digits write the decimal mark as ',' and groups as '.'; Latin digits the other way round.
  s = khmer ? s.replaceAll('.', '').replace(',', '.') : s.replaceAll(',', '');
  const match = /^(\d+)(?:\.(\d{1,3})0*)?$/.exec(s);
  if (!match) return null;
  const milli = Number(match[1]) * QUANTITY_SCALE + Number((match[2] ?? '').padEnd(3, '0'));
  return Number.isSafeInteger(milli) ? milli : null;
}

/** A quantity in thousandths as plain text with '.', no grouping and no trailing zeros: '12.5'. */
export function plainQuantity(milli: number): string {
  const sign = milli < 0 ? '-' : '';
  const abs = Math.abs(milli);
  const whole = Math.trunc(abs / QUANTITY_SCALE);
  const fraction = String(abs % QUANTITY_SCALE)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return fraction ? `${sign}${whole}.${fraction}` : `${sign}${whole}`;
}

/** Half up, in integers: what `quantity` (thousandths) at `unitPrice` (minor units per unit) comes to. */
export function lineAmount(quantity: number, unitPrice: number): number {
  return Math.floor((quantity * unitPrice + QUANTITY_SCALE / 2) / QUANTITY_SCALE);
}

// ---------- Items and suppliers ----------

export const INPUT_UNITS = ['kg', 'bag50', 'bag25', 'litre', 'bottle', 'packet', 'sack', 'tonne'] as const;
export const inputUnitSchema = z.enum(INPUT_UNITS, 'required');
export type InputUnit = z.infer<typeof inputUnitSchema>;

export const inputItemSchema = z.strictObject({
  nameKm: requiredText(TEXT_LIMITS.name),
  nameLatin: optionalText(TEXT_LIMITS.name),
  unit: inputUnitSchema,
  /** What the cooperative usually charges members per unit, in riel; each sale may say otherwise. */
  salePrice: amountNumber().int('amount_not_integer').min(0, 'amount_invalid'),
  /** The asset account holding this item's stock, and the income account its sales post to. */
  stockAccountId: id,
  incomeAccountId: id,
});
export type InputItemInput = z.infer<typeof inputItemSchema>;
export const inputItemUpdateSchema = inputItemSchema.extend({ id, active: z.boolean() });
export type InputItemUpdate = z.infer<typeof inputItemUpdateSchema>;

export interface InputItem extends InputItemInput {
  id: number;
  active: boolean;
  /** On hand now, in thousandths of the unit, and its value at average cost in riel. */
  quantity: number;
  value: number;
}

export const supplierSchema = z.strictObject({
  name: requiredText(TEXT_LIMITS.name),
  phone: optionalText(40),
  village: optionalText(TEXT_LIMITS.place),
});
export type SupplierInput = z.infer<typeof supplierSchema>;
export const supplierUpdateSchema = supplierSchema.extend({ id });

export interface Supplier extends SupplierInput {
  id: number;
  /** What the cooperative owes the supplier now, in riel. */
  owed: number;
}

// ---------- Purchases and payments to suppliers ----------

export const purchaseLineSchema = z.strictObject({
  itemId: id,
  quantity: quantitySchema,
  /** Per unit, in the purchase's currency (riel, or cents). */
  unitCost: amount,
});

export const purchaseSchema = z
  .object({
    supplierId: id,
    date: isoDate,
    /** Cash or bank pays now; credit leaves it owed to the supplier (accounts payable, in riel). */
    payment: z.enum(['cash', 'credit']),
    currency: currencySchema,
    /** The cash or bank account that pays, when paid now. */
    cashAccountId: id.nullable(),
    /** Riel per dollar, for a purchase paid in dollars. */
    rate: rateSchema.nullable(),
    /** The supplier's invoice number, if any. */
    reference: optionalText(TEXT_LIMITS.reference),
    lines: z.array(purchaseLineSchema).min(1, 'required').max(200, 'validation'),
  })
  .refine((p) => p.payment === 'credit' || p.cashAccountId !== null, {
    message: 'required',
    path: ['cashAccountId'],
  })
  .refine((p) => p.payment === 'cash' || p.currency === 'KHR', {
    message: 'validation',
    path: ['currency'],
  })
  .refine((p) => p.currency === 'KHR' || p.rate !== null, { message: 'required', path: ['rate'] });
export type PurchaseInput = z.infer<typeof purchaseSchema>;

export const supplierPaymentSchema = z.strictObject({
  supplierId: id,
  date: isoDate,
  cashAccountId: id,
  amount,
});
export type SupplierPaymentInput = z.infer<typeof supplierPaymentSchema>;

// ---------- Distribution to members ----------

/** A credit sale's charge: none, a flat fee, or a rate per month of credit until the due date. */
export const creditChargeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('flat'), amount }),
  z.strictObject({
    kind: z.literal('rate'),
    /** Per month, in hundredths of a percent: 1.5 % a month is 150. */
    monthlyBp: z.number('required').int('validation').positive('validation').max(1_000, 'validation'),
  }),
]);
export type CreditCharge = z.infer<typeof creditChargeSchema>;

export const saleLineSchema = z.strictObject({
  itemId: id,
  quantity: quantitySchema,
  /** Riel per unit. */
  unitPrice: amount,
});

export const inputSaleSchema = z
  .object({
    memberId: id,
    date: isoDate,
    payment: z.enum(['cash', 'credit']),
    cashAccountId: id.nullable(),
    /** When the credit falls due, usually after the harvest. */
    dueDate: isoDate.nullable(),
    charge: creditChargeSchema,
    lines: z.array(saleLineSchema).min(1, 'required').max(100, 'validation'),
  })
  .refine((s) => s.payment === 'credit' || s.cashAccountId !== null, {
    message: 'required',
    path: ['cashAccountId'],
  })
  .refine((s) => s.payment === 'cash' || s.dueDate !== null, { message: 'required', path: ['dueDate'] })
  .refine((s) => s.payment === 'cash' || s.dueDate === null || s.dueDate >= s.date, {
    message: 'due_before_sale',
    path: ['dueDate'],
  })
  .refine((s) => s.payment === 'credit' || s.charge.kind === 'none', {
    message: 'validation',
    path: ['charge'],
  });
export type InputSaleInput = z.infer<typeof inputSaleSchema>;

/** A season's distribution: many members' sales on one day, posted together (one entry each). */
export const distributionSchema = z
  .strictObject({
    date: isoDate,
    dueDate: isoDate,
    charge: creditChargeSchema,
    /** Where the money of those who pay on the day goes; needed only when someone does. */
    cashAccountId: id.nullable().default(null),
    sales: z
      .array(
        z.strictObject({
          memberId: id,
          /** Most take the inputs on credit until the harvest; some pay on the day. */
          payment: z.enum(['cash', 'credit']).default('credit'),
          lines: z.array(saleLineSchema).min(1).max(100),
        }),
      )
      .min(1, 'required')
      .max(5_000, 'validation'),
  })
  .refine((d) => d.dueDate >= d.date, { message: 'due_before_sale', path: ['dueDate'] })
  .refine((d) => d.cashAccountId !== null || d.sales.every((s) => s.payment === 'credit'), {
    message: 'required',
    path: ['cashAccountId'],
  });
export type DistributionInput = z.input<typeof distributionSchema>;

export const repaymentSchema = z.strictObject({
  memberId: id,
  date: isoDate,
  cashAccountId: id,
  amount,
  /** The credit sale to pay first; oldest first when null. */
  saleId: id.nullable(),
});
export type RepaymentInput = z.infer<typeof repaymentSchema>;

/** A day of repayments after the harvest, typed one after the other like the collection day. */
export const repaymentDaySchema = z.strictObject({
  date: isoDate,
  cashAccountId: id,
  repayments: z
    .array(z.strictObject({ memberId: id, amount }))
    .min(1, 'required')
    .max(5_000, 'validation'),
});
export type RepaymentDayInput = z.infer<typeof repaymentDaySchema>;

export interface PostedInputEvent {
  entryId: number;
  number: string;
}

export interface InputSaleLine {
  itemId: number;
  itemNameKm: string;
  itemNameLatin: string;
  unit: InputUnit;
  quantity: number;
  unitPrice: number;
  amount: number;
}

/** A member's credit sale and what is still owed on it. */
export interface CreditSale {
  saleId: number;
  number: string;
  date: string;
  dueDate: string;
  /** Goods plus the charge, in riel. */
  total: number;
  paid: number;
  outstanding: number;
  lines: InputSaleLine[];
}

export interface MemberInputCredit {
  memberId: number;
  /** The member's balance on the input credit account, in riel: equals the sum of `sales` outstanding. */
  outstanding: number;
  overdue: number;
  sales: CreditSale[];
}

// ---------- Stock ----------

export const ADJUSTMENT_REASONS = ['damage', 'loss', 'found'] as const;
export const stockAdjustmentSchema = z.strictObject({
  itemId: id,
  date: isoDate,
  reason: z.enum(ADJUSTMENT_REASONS, 'required'),
  /** Signed, in thousandths: damage and loss take stock out, found puts it back. */
  quantity: z
    .number('required')
    .int('quantity_invalid')
    .refine((q) => q !== 0, 'quantity_invalid'),
  note: optionalText(TEXT_LIMITS.memo),
});
export type StockAdjustmentInput = z.infer<typeof stockAdjustmentSchema>;

export const stockCountSchema = z.strictObject({
  date: isoDate,
  /** What was counted on the shelf, per item, in thousandths. */
  counts: z
    .array(
      z.strictObject({
        itemId: id,
        counted: z.number('required').int('quantity_invalid').min(0, 'quantity_invalid'),
      }),
    )
    .min(1, 'required')
    .max(1_000, 'validation'),
  note: optionalText(TEXT_LIMITS.memo),
});
export type StockCountInput = z.infer<typeof stockCountSchema>;

export interface StockRow {
  itemId: number;
  nameKm: string;
  nameLatin: string;
  unit: InputUnit;
  quantity: number;
  value: number;
  /** Riel per unit at the average cost, rounded; 0 when none is left. */
  averageCost: number;
}
export interface StockOnHand {
  asOf: string;
  rows: StockRow[];
  totalValue: number;
  /** What the stock accounts hold in the ledger at the same date: always equal to `totalValue`. */
  ledgerValue: number;
}

export const stockQuerySchema = z.strictObject({ asOf: isoDate });

// ---------- Credit aging ----------

export const AGING_BUCKETS = ['current', 'days1to30', 'days31to90', 'over90'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];
export type AgingAmounts = Record<AgingBucket, number> & { total: number };

/** Which bucket a debt falls in at a date: not yet due, or how many days past its due date. */
export function agingBucket(dueDate: string, asOf: string): AgingBucket {
  const days = Math.round(
    (Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / 86_400_000,
  );
  if (days <= 0) return 'current';
  if (days <= 30) return 'days1to30';
  if (days <= 90) return 'days31to90';
  return 'over90';
}

export interface AgingRow extends AgingAmounts {
  memberId: number;
  memberNumber: number;
  nameKm: string;
  village: string;
}
export interface CreditAging {
  asOf: string;
  rows: AgingRow[];
  totals: AgingAmounts;
  /** The input credit account's balance at the date: always equal to `totals.total`. */
  ledgerBalance: number;
}

export const inputSalesQuerySchema = z.strictObject({ from: isoDate, to: isoDate });
export interface InputSalesRow {
  saleId: number;
  number: string;
  date: string;
  memberNumber: number;
  memberNameKm: string;
  payment: 'cash' | 'credit';
  goods: number;
  charge: number;
  cost: number;
  lines: InputSaleLine[];
}
export interface InputSalesReport {
  from: string;
  to: string;
  rows: InputSalesRow[];
  /** Per item: quantity sold, sales and cost at average cost. */
  items: {
    itemId: number;
    nameKm: string;
    nameLatin: string;
    unit: InputUnit;
    quantity: number;
    sales: number;
    cost: number;
  }[];
  totals: { goods: number; charge: number; cost: number; cash: number; credit: number };
}

export const INPUTS_CURRENCY: Currency = 'KHR';

/** The units in each language: one list for the screens and the printed reports. */
export const UNIT_WORDS: Record<'km' | 'en', Record<InputUnit, string>> = {
  km: {
    kg: 'គីឡូក្រាម',
    bag50: 'បាវ ៥០ គ.ក',
    bag25: 'បាវ ២៥ គ.ក',
    litre: 'លីត្រ',
    bottle: 'ដប',
    packet: 'កញ្ចប់',
    sack: 'បាវ',
    tonne: 'តោន',
  },
  en: {
    kg: 'kg',
    bag50: 'bag of 50 kg',
    bag25: 'bag of 25 kg',
    litre: 'litre',
    bottle: 'bottle',
    packet: 'packet',
    sack: 'sack',
    tonne: 'tonne',
  },
};

/** A quantity as a reader writes it, grouped, in the digits chosen: 1,250.5 or ១.២៥០,៥. */
export function formatQuantity(milli: number, digits: Digits): string {
  const plain = plainQuantity(Math.abs(milli));
  const [whole = '0', fraction] = plain.split('.');
  const sign = milli < 0 ? '-' : '';
  const grouped = formatNumber(Number(whole), digits);
  if (fraction === undefined) return sign + grouped;
  return `${sign}${grouped}${digits === 'khmer' ? ',' : '.'}${withDigits(fraction, digits)}`;
}

/** A member's input credit as a passbook: what was owed at the start, each sale and repayment, what is owed at the end. */
export interface InputCreditStatement {
  memberId: number;
  opening: number;
  movements: {
    date: string;
    entryId: number;
    number: string | null;
    kind: string;
    memo: string;
    /** Positive: bought on credit (owed more); negative: repaid. */
    amount: number;
    balance: number;
  }[];
  closing: number;
  /** The sales still owed on at the end, oldest first, with their due dates. */
  open: CreditSale[];
  overdue: number;
}
