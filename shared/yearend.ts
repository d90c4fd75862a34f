import { z } from 'zod';
import { isoDate } from './schemas';

// The fiscal-year close (SPEC 2.3, 2.4): what the screens and the CLI ask for and are answered, and the
// one rule every riel of an allocation is shared out by.

const id = z.number().int().positive();
export const fiscalYearSchema = z
  .number('validation')
  .int('validation')
  .min(1990, 'validation')
  .max(2200, 'validation');

export const yearCloseSchema = z.strictObject({
  year: fiscalYearSchema,
  /** The general assembly that approved the accounts and the allocation. */
  meetingId: id,
});
export type YearCloseInput = z.infer<typeof yearCloseSchema>;

export const PAYOUT_METHODS = ['cash', 'savings'] as const;
export type PayoutMethod = (typeof PAYOUT_METHODS)[number];

export const payoutSchema = z.strictObject({
  year: fiscalYearSchema,
  date: isoDate,
  method: z.enum(PAYOUT_METHODS),
  /** Members to pay; every member still unpaid when empty. */
  memberIds: z.array(id).max(20_000),
});
export type PayoutInput = z.infer<typeof payoutSchema>;

export const ALLOCATION_PARTS = ['reserve', 'development', 'social', 'dividends', 'patronage'] as const;
export type AllocationPart = (typeof ALLOCATION_PARTS)[number];

export interface YearAllocation {
  /** The year's riel surplus (negative: a loss) from income and expenses. */
  surplus: number;
  /** A loss brought forward from earlier years that this surplus covers first. */
  lossCovered: number;
  /** What is shared out by the by-law's percentages: zero for a loss. */
  distributable: number;
  parts: Record<AllocationPart, number>;
  /** The year's dollar result, carried forward in dollars: the by-law shares out riel. */
  resultUsd: number;
}

export interface MemberDistribution {
  memberId: number;
  memberNumber: number;
  nameKm: string;
  /** Shares held at the year's last day. */
  shares: number;
  /** Riel of business with the cooperative over the year: input purchases and paddy delivered. */
  business: number;
  dividend: number;
  patronage: number;
  paidOn: string | null;
  paidHow: PayoutMethod | null;
}

export interface YearStatus {
  year: number;
  from: string;
  to: string;
  /** Months of the year not closed yet: the year cannot close until there are none. */
  openMonths: string[];
  closed: null | { closedAt: string; closedBy: string; meetingId: number; meetingNumber: string };
  allocation: YearAllocation;
  distributions: MemberDistribution[];
  /** Whether paddy deliveries counted towards members' business (else input purchases only). */
  paddyCounted: boolean;
}

/** The first and last day of fiscal year `year`, which starts in `startMonth` of that calendar year. */
export function fiscalYearSpan(year: number, startMonth: number): { from: string; to: string } {
  const from = `${year}-${String(startMonth).padStart(2, '0')}-01`;
  const end = new Date(Date.UTC(year + 1, startMonth - 1, 0));
  return { from, to: end.toISOString().slice(0, 10) };
}

/** The fiscal year a day belongs to. */
export function fiscalYearOf(date: string, startMonth: number): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= startMonth ? year : year - 1;
}
