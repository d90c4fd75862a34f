import { z } from 'zod';
import type { Currency } from './khmer';
import { currencySchema, positiveAmount } from './ledger';
import { isoDate } from './schemas';
import { requiredText, TEXT_LIMITS } from './text';

const id = z.number().int().positive();
const amount = positiveAmount;

// ---------- Shares (SPEC 2.4) ----------

export const sharePurchaseSchema = z.object({
  memberId: id,
  date: isoDate,
  shares: z.number('required').int('validation').positive('validation').max(100_000, 'validation'),
  /** Cash on hand or bank, in riel, where the money goes. */
  cashAccountId: id,
});
export type SharePurchaseInput = z.infer<typeof sharePurchaseSchema>;

export const shareTransferSchema = z.object({
  fromMemberId: id,
  toMemberId: id,
  date: isoDate,
  shares: z.number('required').int('validation').positive('validation').max(100_000, 'validation'),
  /** The board's decision that allowed it, e.g. 'សេចក្តីសម្រេចលេខ ០៣/២០២៦'. */
  decisionRef: requiredText(TEXT_LIMITS.reference),
});
export type ShareTransferInput = z.infer<typeof shareTransferSchema>;

/**
 * A member who left or died takes back the shares at par. With `settle`, savings are paid out and input
 * credit is deducted in the same step; without it, the redemption is refused while either remains.
 */
export const shareRedemptionSchema = z.object({
  memberId: id,
  date: isoDate,
  cashAccountId: id,
  settle: z.boolean(),
});
export type ShareRedemptionInput = z.infer<typeof shareRedemptionSchema>;

export interface ShareMovement {
  id: number;
  date: string;
  /** 'opening': shares a member held in the paper register when the books moved to Sahakum. */
  kind: 'opening' | 'purchase' | 'transfer_in' | 'transfer_out' | 'redemption';
  /** Signed: shares gained are positive. */
  shares: number;
  certificateNumber: number | null;
  counterpartMemberNumber: number | null;
  decisionRef: string;
  entryId: number;
  entryNumber: string | null;
}

export interface MemberShares {
  memberId: number;
  memberNumber: number;
  nameKm: string;
  shares: number;
  /** Riel, from the ledger: what the share capital account holds for the member. */
  capital: number;
  movements: ShareMovement[];
}

export interface ShareRegisterRow {
  memberId: number;
  memberNumber: number;
  nameKm: string;
  nameLatin: string;
  status: 'active' | 'left' | 'deceased';
  shares: number;
  capital: number;
  certificates: number[];
}
export interface ShareRegister {
  asOf: string;
  par: number;
  rows: ShareRegisterRow[];
  totalShares: number;
  totalCapital: number;
}

// ---------- Savings products and accounts (SPEC 2.5) ----------

export const postingFrequencySchema = z.enum(['monthly', 'quarterly', 'yearly', 'maturity']);
export type PostingFrequency = z.infer<typeof postingFrequencySchema>;

export const savingsProductSchema = z
  .strictObject({
    nameKm: requiredText(TEXT_LIMITS.name),
    nameEn: requiredText(TEXT_LIMITS.name),
    currency: currencySchema,
    kind: z.enum(['ordinary', 'fixed']),
    /** Months to maturity for a fixed-term deposit; null for ordinary savings. */
    termMonths: z.number().int('validation').min(1, 'validation').max(120, 'validation').nullable(),
    /** Yearly rate in hundredths of a percent: 5.25 % is 525. */
    annualRateBp: z.number('required').int('validation').min(0, 'validation').max(10_000, 'validation'),
    posting: postingFrequencySchema,
    minOpeningDeposit: z.number().int('amount_not_integer').min(0, 'amount_invalid'),
    earlyWithdrawal: z.boolean(),
    /** Penalty on an early withdrawal, in hundredths of a percent of the amount withdrawn. */
    earlyPenaltyBp: z.number().int('validation').min(0, 'validation').max(10_000, 'validation'),
  })
  .refine((p) => (p.kind === 'fixed') === (p.termMonths !== null), {
    message: 'validation',
    path: ['termMonths'],
  })
  .refine((p) => p.kind === 'fixed' || p.posting !== 'maturity', {
    message: 'validation',
    path: ['posting'],
  });
export type SavingsProductInput = z.infer<typeof savingsProductSchema>;

export interface SavingsProduct extends SavingsProductInput {
  id: number;
  /** The liability control account holding this product's balances. */
  accountId: number;
  accountCode: string;
  active: boolean;
  openAccounts: number;
}

export const openSavingsAccountSchema = z.object({
  memberId: id,
  productId: id,
  date: isoDate,
  /** The opening deposit, in the product's currency. */
  amount,
  cashAccountId: id,
});
export type OpenSavingsAccountInput = z.infer<typeof openSavingsAccountSchema>;

export const savingsMovementSchema = z.object({
  savingsAccountId: id,
  date: isoDate,
  amount,
  cashAccountId: id,
});
export type SavingsMovementInput = z.infer<typeof savingsMovementSchema>;

export const closeSavingsAccountSchema = z.object({ savingsAccountId: id, date: isoDate, cashAccountId: id });

export interface SavingsAccount {
  id: number;
  number: string;
  memberId: number;
  memberNumber: number;
  memberNameKm: string;
  productId: number;
  productNameKm: string;
  productNameEn: string;
  currency: Currency;
  openedOn: string;
  maturityOn: string | null;
  closedOn: string | null;
  balance: number;
}

/** A deposit, withdrawal or interest credit, as posted: its receipt number is its entry's number. */
export interface PostedMovement {
  /** Null when nothing moved (closing an empty account). */
  entryId: number | null;
  receiptNumber: string | null;
  savingsAccountId: number;
  balance: number;
}

// ---------- Collection day ----------

export const collectionDaySchema = z.object({
  productId: id,
  date: isoDate,
  cashAccountId: id,
  deposits: z
    .array(z.object({ memberId: id, amount }))
    .min(1, 'required')
    .max(2000, 'validation'),
});
export type CollectionDayInput = z.infer<typeof collectionDaySchema>;

export interface CollectionDayResult {
  count: number;
  total: number;
  receipts: { memberId: number; receiptNumber: string; balance: number; opened: boolean }[];
}

/** What the collection-day screen shows beside a member before the deposit is typed. */
export const depositorLookupSchema = z.object({ productId: id, query: z.string().trim().min(1).max(100) });
export interface Depositor {
  memberId: number;
  memberNumber: number;
  nameKm: string;
  nameLatin: string;
  /** The member's open account in the product, or null: the deposit will open one. */
  savingsAccountId: number | null;
  balance: number;
}

// ---------- Interest ----------

/** 'YYYY-MM', 'YYYY-Qn' or 'YYYY' as the product posts; for maturity products the month of maturity. */
export const interestRunSchema = z.object({
  productId: id,
  period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, 'validation'),
});
export interface InterestLine {
  memberId: number;
  memberNumber: number;
  nameKm: string;
  savingsAccountId: number;
  interest: number;
}
export interface InterestRun {
  productId: number;
  period: string;
  from: string;
  to: string;
  /** Null for a preview. */
  entryId: number | null;
  lines: InterestLine[];
  total: number;
}

// ---------- Member statement ----------

export const memberStatementSchema = z.object({ memberId: id, from: isoDate.optional(), to: isoDate });
export interface StatementMovement {
  entryId: number;
  date: string;
  number: string | null;
  kind: string;
  memo: string;
  /** Positive adds to what the member holds. */
  amount: number;
  balance: number;
}
export interface MemberStatement {
  member: { id: number; number: number; nameKm: string; nameLatin: string; status: string };
  to: string;
  shares: MemberShares;
  savings: (SavingsAccount & { opening: number; movements: StatementMovement[]; interestEarned: number })[];
}
