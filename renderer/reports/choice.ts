import type { AppError } from '../../shared/errors';
import type { Currency } from '../../shared/khmer';
import { type ReportName, type ReportRequestInput, reportRequestSchema } from '../../shared/reports';
import { issueError } from '../../shared/validation';

/** Everything the screen lets the user choose; each report takes the inputs it needs. */
export interface ReportChoice {
  report: ReportName;
  month: string;
  asOf: string;
  from: string;
  to: string;
  memberId: number | null;
  /** The collective sale of a payout sheet. */
  campaignId?: number | null;
  allMembers: boolean;
  currency: Currency | '';
  lang: 'km' | 'en';
  digits: 'khmer' | 'latin' | '';
  nationalHeader: boolean;
}

export type ChoiceField = 'month' | 'asOf' | 'from' | 'to' | 'memberId' | 'currency' | 'campaignId';

/** The inputs each report asks for, in the order they are shown. */
export const REPORT_INPUTS: Record<ReportName, readonly ChoiceField[]> = {
  'board-statement': ['month'],
  'member-register': [],
  'share-register': ['asOf'],
  'member-statement': ['memberId', 'from', 'to'],
  'trial-balance': ['asOf'],
  'balance-sheet': ['asOf'],
  'income-statement': ['from', 'to'],
  'cash-book': ['from', 'to', 'currency'],
  stock: ['asOf'],
  'input-sales': ['from', 'to'],
  'input-credit-aging': ['asOf'],
  'payout-sheet': ['campaignId'],
};

/**
 * Where a period starts until the user says otherwise: the cash book is read by the month; the income
 * statement and the members' statements cover the year so far.
 */
export function defaultFrom(report: ReportName, today: string): string {
  return report === 'cash-book' ? `${today.slice(0, 7)}-01` : `${today.slice(0, 4)}-01-01`;
}

/** The request for the main process, checked by the same schema the main process checks it with. */
export function toRequest(choice: ReportChoice): { request: ReportRequestInput } | { error: AppError } {
  if (choice.report === 'member-statement' && !choice.allMembers && choice.memberId === null) {
    return { error: { code: 'required', field: 'memberId' } };
  }
  const common = {
    lang: choice.lang,
    nationalHeader: choice.nationalHeader,
    ...(choice.digits ? { digits: choice.digits } : {}),
  };
  const candidate: Record<string, unknown> = { report: choice.report, ...common };
  for (const field of REPORT_INPUTS[choice.report]) {
    if (field === 'campaignId') {
      if (choice.campaignId == null) return { error: { code: 'required', field: 'campaignId' } };
      candidate.campaignId = choice.campaignId;
    } else if (field === 'memberId') {
      if (!choice.allMembers) candidate.memberId = choice.memberId;
    } else if (field === 'currency') {
      if (choice.currency) candidate.currency = choice.currency;
    } else candidate[field] = choice[field] === '' ? undefined : choice[field];
  }
  const parsed = reportRequestSchema.safeParse(candidate);
  if (!parsed.success) return { error: issueError(parsed.error.issues) };
  return { request: candidate as ReportRequestInput };
}
