import { z } from 'zod';
import type { Currency } from './khmer';
import { isoDate } from './schemas';
import { optionalText, requiredText, TEXT_LIMITS } from './text';
import { refusal } from './validation';

export const currencySchema = z.enum(['KHR', 'USD'], 'required');
export const accountTypeSchema = z.enum(['asset', 'liability', 'equity', 'income', 'expense'], 'required');
export type AccountType = z.infer<typeof accountTypeSchema>;
export const ACCOUNT_TYPES: readonly AccountType[] = accountTypeSchema.options;

/** Debit-normal types show their balance as it is; the others show it with the sign turned. */
export const isDebitNormal = (type: AccountType) => type === 'asset' || type === 'expense';

export interface Account {
  id: number;
  code: string;
  nameKm: string;
  nameEn: string;
  type: AccountType;
  /** null for a group, which gathers other accounts and takes no postings. */
  currency: Currency | null;
  parentId: number | null;
  isControl: boolean;
  isCash: boolean;
  /** A bank account; with cash on hand, where vouchers take money from or put it. */
  isBank: boolean;
  active: boolean;
  role: string | null;
  hasPostings: boolean;
}

const id = z.number().int().positive();

export const accountInputSchema = z.object({
  code: z
    .string('required')
    .trim()
    .min(1, 'required')
    .max(12, refusal('too_long', { max: 12 }))
    .regex(/^[0-9A-Za-z.-]+$/, 'validation'),
  nameKm: requiredText(TEXT_LIMITS.name),
  nameEn: requiredText(TEXT_LIMITS.name),
  type: accountTypeSchema,
  currency: currencySchema.nullable(),
  parentId: id.nullable(),
  isControl: z.boolean(),
  /** An asset account holding money: cash on hand (in the cash book) or a bank account. */
  money: z.enum(['none', 'cash', 'bank']),
});
export type AccountInput = z.infer<typeof accountInputSchema>;

export const accountRenameSchema = z.object({
  id,
  nameKm: requiredText(TEXT_LIMITS.name),
  nameEn: requiredText(TEXT_LIMITS.name),
});
export const accountActiveSchema = z.object({ id, active: z.boolean() });

/** An amount as typed, in the currency's minor unit after parsing on the form's side. */
/** What an amount box holds while its text is not an amount ('abc'); an empty box holds NaN. */
export const NOT_AN_AMOUNT = Number.POSITIVE_INFINITY;
/**
 * A positive amount in minor units. An empty box must be filled in; letters typed in it are not a valid
 * amount, which is a different sentence.
 */
export const amountNumber = () =>
  z.number({ error: (issue) => (issue.input === NOT_AN_AMOUNT ? 'amount_invalid' : 'required') });
export const positiveAmount = amountNumber().int('amount_not_integer').positive('amount_invalid');
const amount = positiveAmount;
const memo = optionalText(TEXT_LIMITS.memo);

// A cash voucher: money received for, or paid from, one head of account.
export const voucherSchema = z.object({
  direction: z.enum(['receipt', 'payment']),
  date: isoDate,
  cashAccountId: id,
  headAccountId: id,
  currency: currencySchema,
  amount,
  party: optionalText(TEXT_LIMITS.reference),
  memberId: id.nullable(),
  memo,
});
export type VoucherInput = z.infer<typeof voucherSchema>;

export const transferSchema = z.object({
  date: isoDate,
  fromAccountId: id,
  toAccountId: id,
  currency: currencySchema,
  amount,
  memo,
});
export type TransferInput = z.infer<typeof transferSchema>;

/** Riel per dollar as typed ('4100', '4102.5'): kept as text so that no float ever touches money. */
export const rateSchema = z
  .string('required')
  .trim()
  .regex(/^\d{1,6}(\.\d{1,4})?$/, 'rate_invalid')
  .refine((v) => Number(v) > 0, 'rate_invalid');

export const exchangeSchema = z.object({
  date: isoDate,
  fromAccountId: id,
  toAccountId: id,
  /** What left the from-account, in its currency. */
  amountGiven: amount,
  rate: rateSchema,
  /** What arrived in the to-account; when it differs from given × rate the difference is posted apart. */
  amountReceived: amount,
  memo,
});
export type ExchangeInput = z.infer<typeof exchangeSchema>;

export const openingLineSchema = z.object({
  accountId: id,
  memberId: id.nullable(),
  /** In the account's natural sign: a positive balance is what the account normally holds. */
  amount: amountNumber().int('amount_not_integer'),
});
export const openingBalancesSchema = z.object({
  date: isoDate,
  lines: z.array(openingLineSchema).min(1, 'required').max(100_000),
});
export type OpeningBalancesInput = z.infer<typeof openingBalancesSchema>;

export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'validation');
export const monthCloseSchema = z.object({ month: monthSchema });
export const monthReopenSchema = z.object({
  month: monthSchema,
  reason: requiredText(TEXT_LIMITS.memo),
});
export const reverseSchema = z.object({
  entryId: id,
  date: isoDate,
  reason: requiredText(TEXT_LIMITS.memo),
});

export interface MonthStatus {
  month: string;
  closed: boolean;
  entries: number;
  closedAt: string | null;
}
export interface MonthLogRow {
  month: string;
  action: 'close' | 'reopen';
  reason: string;
  at: string;
  by: string;
}

export interface EntryLine {
  accountId: number;
  accountCode: string;
  accountNameKm: string;
  accountNameEn: string;
  currency: Currency;
  memberId: number | null;
  memberNumber: number | null;
  memberNameKm: string | null;
  amount: number;
}
export interface JournalEntry {
  id: number;
  date: string;
  kind: string;
  number: string | null;
  memo: string;
  /** Who paid or was paid, as written on the voucher. */
  party: string;
  reversesId: number | null;
  reversedById: number | null;
  createdBy: string;
  lines: EntryLine[];
}
export const journalQuerySchema = z.object({
  from: isoDate,
  to: isoDate,
  limit: z.number().int().min(1).max(500),
});

// Statements. Every amount is in the currency's minor unit; `balance` is in the account's natural sign
// (what it normally holds is positive) unless a field says otherwise.
export const asOfSchema = z.object({ asOf: isoDate });
export const periodSchema = z.object({ from: isoDate, to: isoDate });

export interface TrialBalanceRow {
  accountId: number;
  code: string;
  nameKm: string;
  nameEn: string;
  type: AccountType;
  currency: Currency;
  /** Debit balance (positive) or 0. */
  debit: number;
  /** Credit balance (positive) or 0. */
  credit: number;
}
export interface TrialBalance {
  asOf: string;
  rows: TrialBalanceRow[];
  totals: Record<Currency, { debit: number; credit: number }>;
}

export interface StatementLine {
  accountId: number | null;
  code: string;
  nameKm: string;
  nameEn: string;
  /** 0 for a group's own line, 1 for an account in it. */
  depth: number;
  isGroup: boolean;
  amount: number;
}
export interface StatementSection {
  type: AccountType;
  lines: StatementLine[];
  total: number;
}
export interface BalanceSheetCurrency {
  currency: Currency;
  assets: StatementSection;
  liabilities: StatementSection;
  equity: StatementSection;
  /** Income less expenses not yet carried to retained surplus. */
  surplus: number;
  /** assets − (liabilities + equity + surplus): zero on sound books. */
  difference: number;
}
export interface BalanceSheet {
  asOf: string;
  currencies: BalanceSheetCurrency[];
}
export interface IncomeStatementCurrency {
  currency: Currency;
  income: StatementSection;
  expenses: StatementSection;
  surplus: number;
}
export interface IncomeStatement {
  from: string;
  to: string;
  currencies: IncomeStatementCurrency[];
}

export const generalLedgerSchema = z.object({ accountId: id, from: isoDate, to: isoDate });
export interface LedgerRow {
  entryId: number;
  date: string;
  number: string | null;
  kind: string;
  memo: string;
  memberNumber: number | null;
  memberNameKm: string | null;
  /** Signed: positive is a debit. */
  amount: number;
  /** Running balance in the account's natural sign. */
  balance: number;
}
export interface GeneralLedger {
  account: Account;
  from: string;
  to: string;
  opening: number;
  rows: LedgerRow[];
  closing: number;
}

export const cashBookSchema = z.object({ currency: currencySchema, from: isoDate, to: isoDate });
export interface CashBookDay {
  date: string;
  opening: number;
  rows: (LedgerRow & { accountCode: string })[];
  receipts: number;
  payments: number;
  closing: number;
}
export interface CashBook {
  currency: Currency;
  from: string;
  to: string;
  opening: number;
  days: CashBookDay[];
  closing: number;
}

export const memberBalanceSchema = z.object({ memberId: id, accountId: id, asOf: isoDate });
export interface MemberBalance {
  memberId: number;
  accountId: number;
  asOf: string;
  currency: Currency;
  balance: number;
}
