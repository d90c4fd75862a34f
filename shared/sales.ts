import { z } from 'zod';
import { QUANTITY_SCALE, quantitySchema } from './inputs';
import { type Currency, toLatinDigits } from './khmer';
import { currencySchema } from './ledger';
import { MINOR_DIGITS } from './money';
import { isoDate } from './schemas';
import { optionalText, requiredText, TEXT_LIMITS } from './text';

// Collective sales (SPEC 2.7): members deliver paddy to a campaign, the cooperative sells it to one
// buyer and pays each member in proportion to the net kg delivered, less the service fee, the costs the
// members share and, with the member's consent for that campaign, the input credit they owe. Weights
// are kept in grams (thousandths of a kg, as the inputs keep quantities); prices per kg in thousandths
// of the currency's minor unit, so that 1,150.5 riel or $0.2655 a kg are exact integers.

const id = z.number().int().positive();
const amount = z.number('required').int('amount_not_integer').positive('amount_invalid');

/** Thousandths of the minor unit per kg: the scale of a price or a fee per kg. */
export const PRICE_SCALE = 1000;
export const HUNDRED_PERCENT_BP = 10_000;

export const feeKindSchema = z.enum(['per_kg', 'percent'], 'required');
export type FeeKind = z.infer<typeof feeKindSchema>;

export const campaignSchema = z
  .strictObject({
    name: requiredText(TEXT_LIMITS.name),
    crop: requiredText(TEXT_LIMITS.name),
    variety: optionalText(TEXT_LIMITS.name),
    buyerName: requiredText(TEXT_LIMITS.name),
    buyerPhone: optionalText(40),
    startDate: isoDate,
    endDate: z.union([z.literal(''), isoDate]),
    currency: currencySchema,
    feeKind: feeKindSchema,
    /** Per kg in thousandths of the minor unit, or hundredths of a percent of the member's gross. */
    feeValue: z.number('required').int('amount_not_integer').min(0, 'amount_invalid'),
  })
  .refine((c) => c.feeKind === 'per_kg' || c.feeValue <= HUNDRED_PERCENT_BP, {
    message: 'amount_invalid',
    path: ['feeValue'],
  })
  .refine((c) => c.endDate === '' || c.endDate >= c.startDate, {
    message: 'period_order',
    path: ['endDate'],
  });
export type CampaignInput = z.infer<typeof campaignSchema>;

export const campaignIdSchema = z.strictObject({ campaignId: id });

export const deductionKindSchema = z.enum(['kg', 'percent'], 'required');
export type DeductionKind = z.infer<typeof deductionKindSchema>;

export const deliverySchema = z.strictObject({
  memberId: id,
  grossG: quantitySchema,
  deductionKind: deductionKindSchema,
  /** Grams, or hundredths of a percent of the gross weight. */
  deductionValue: z.number('required').int('quantity_invalid').min(0, 'quantity_invalid'),
  /** Given at the scale: the member agrees that input credit owed is taken from this campaign's payout. */
  consent: z.boolean().optional(),
});
export type DeliveryInput = z.infer<typeof deliverySchema>;

export const deliveryDaySchema = z.strictObject({
  campaignId: id,
  date: isoDate,
  deliveries: z.array(deliverySchema).min(1, 'required').max(3000, 'validation'),
});
export type DeliveryDayInput = z.infer<typeof deliveryDaySchema>;

export const consentSchema = z.strictObject({
  campaignId: id,
  memberId: id,
  date: isoDate,
  given: z.boolean(),
});
export type ConsentInput = z.infer<typeof consentSchema>;

export const buyerSaleSchema = z.strictObject({
  campaignId: id,
  date: isoDate,
  soldG: quantitySchema,
  unitPrice: amount,
  /** What the buyer takes off the price (its own moisture test, bags), in the campaign's currency. */
  deductions: z.number('required').int('amount_not_integer').min(0, 'amount_invalid'),
});
export type BuyerSaleInput = z.infer<typeof buyerSaleSchema>;

export const buyerReceiptSchema = z.strictObject({ campaignId: id, date: isoDate, accountId: id, amount });
export type BuyerReceiptInput = z.infer<typeof buyerReceiptSchema>;

export const COST_KINDS = ['transport', 'loading', 'other'] as const;
export const saleCostSchema = z.strictObject({
  campaignId: id,
  date: isoDate,
  kind: z.enum(COST_KINDS, 'required'),
  /** Shared by the members (taken from the payout) or borne by the cooperative (its own expense). */
  shared: z.boolean(),
  note: optionalText(TEXT_LIMITS.memo),
  accountId: id,
  amount,
});
export type SaleCostInput = z.infer<typeof saleCostSchema>;

export const payoutSchema = z.strictObject({
  campaignId: id,
  date: isoDate,
  /** The members whose payout goes into their savings account instead of being collected in cash. */
  toSavings: z.array(id).max(20_000, 'validation'),
});
export type PayoutInput = z.infer<typeof payoutSchema>;

export const payoutSheetQuerySchema = z.strictObject({
  campaignId: id,
  date: isoDate,
  toSavings: z.array(id).max(20_000, 'validation').optional(),
});

export interface PayoutResult {
  members: number;
  proceeds: number;
  gross: number;
  fee: number;
  credit: number;
  net: number;
  uncollected: number;
}

export const payoutCollectionSchema = z.strictObject({
  campaignId: id,
  date: isoDate,
  cashAccountId: id,
  memberIds: z.array(id).min(1, 'required').max(20_000, 'validation'),
});
export type PayoutCollectionInput = z.infer<typeof payoutCollectionSchema>;

export interface Campaign extends Omit<CampaignInput, 'variety' | 'buyerPhone'> {
  id: number;
  number: string;
  variety: string;
  buyerPhone: string;
  status: 'open' | 'closed';
  closedOn: string | null;
}

export interface CampaignSummary extends Campaign {
  deliveries: number;
  members: number;
  grossG: number;
  netG: number;
  soldG: number;
  /** The buyer's price for what was sold, its deductions, what it has paid and still owes. */
  saleAmount: number;
  buyerDeductions: number;
  received: number;
  owedByBuyer: number;
  sharedCosts: number;
  ownCosts: number;
  /** What the books say is still owed to the members for this campaign. */
  owedToMembers: number;
  payout: { date: string; toPay: number; fees: number; credit: number; uncollected: number } | null;
}

export interface DeliveryRow {
  id: number;
  number: string;
  memberId: number;
  memberNumber: number;
  nameKm: string;
  date: string;
  grossG: number;
  deductionKind: DeductionKind;
  deductionValue: number;
  netG: number;
}

export interface PayoutLine {
  memberId: number;
  memberNumber: number;
  nameKm: string;
  netG: number;
  gross: number;
  fee: number;
  /** Input credit owed at the payout date, and what is taken from the payout for it. */
  creditOwed: number;
  credit: number;
  net: number;
  consent: boolean;
  method: 'cash' | 'savings';
  /** Whether the member has a savings account the payout could go into. */
  canSave: boolean;
  paidOn: string | null;
}

export interface PayoutSheet {
  campaign: Campaign;
  date: string;
  posted: boolean;
  /** The sale less the buyer's deductions and the shared costs: what the members' gross amounts add up to. */
  proceeds: number;
  lines: PayoutLine[];
  totals: { netG: number; gross: number; fee: number; credit: number; net: number; uncollected: number };
}

export interface PostedSalesEvent {
  entryId: number;
  number: string;
}

/** The net weight of a delivery: gross less the deduction in grams or as a share of the gross, half up. */
export function netWeight(grossG: number, kind: DeductionKind, value: number): number {
  const deduction =
    kind === 'kg' ? value : Math.floor((grossG * value + HUNDRED_PERCENT_BP / 2) / HUNDRED_PERCENT_BP);
  return grossG - deduction;
}

/** Half up, exact: `grams` at `unitPrice` (thousandths of the minor unit per kg), in the minor unit. */
export function amountForWeight(grams: number, unitPrice: number): number {
  const scale = BigInt(QUANTITY_SCALE * PRICE_SCALE);
  return Number((2n * BigInt(grams) * BigInt(unitPrice) + scale) / (2n * scale));
}

/**
 * What a person types as a price per kg ('1150', '1,150.5', '0.2655' dollars, '១.១៥០') in thousandths of
 * the currency's minor unit, or null.
 */
export function parseUnitPrice(text: string, currency: Currency): number | null {
  const khmer = /[\u17e0-\u17e9]/.test(text);
  let s = toLatinDigits(text)
    .trim()
    .replace(/[៛$\s]/g, '');
  s = khmer ? s.replaceAll('.', '').replace(',', '.') : s.replaceAll(',', '');
  const places = MINOR_DIGITS[currency] + 3;
  const match = new RegExp(`^(\\d+)(?:\\.(\\d{1,${places}})0*)?$`).exec(s);
  if (!match) return null;
  const value = Number(match[1]) * 10 ** places + Number((match[2] ?? '').padEnd(places, '0'));
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}

/** A price per kg in thousandths of the minor unit as plain text in the major unit: '1150.5', '0.2655'. */
export function plainUnitPrice(value: number, currency: Currency): string {
  const places = MINOR_DIGITS[currency] + 3;
  const unit = 10 ** places;
  const fraction = String(value % unit)
    .padStart(places, '0')
    .replace(/0+$/, '');
  return fraction ? `${Math.trunc(value / unit)}.${fraction}` : String(Math.trunc(value / unit));
}
