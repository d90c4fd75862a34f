import { z } from 'zod';
import { currencySchema } from './ledger';
import { isoDate } from './schemas';
import { fiscalYearSchema } from './yearend';

// The printed reports (SPEC 2.9): what the Reports screen and the CLI ask for, checked in the main process
// before any report is built.

/** In the order the Reports screen lists them: what the board reads each month, the registers, the books. */
export const REPORT_NAMES = [
  'board-statement',
  'member-register',
  'share-register',
  'member-statement',
  'trial-balance',
  'balance-sheet',
  'income-statement',
  'cash-book',
  'stock',
  'input-sales',
  'input-credit-aging',
  'payout-sheet',
] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

/** Printed from the meetings and year-end screens, which know the meeting or the year, not from the Reports screen. */
export const MEETING_REPORT_NAMES = ['minutes', 'attendance', 'annual-report', 'dividend-payout'] as const;
export type MeetingReportName = (typeof MEETING_REPORT_NAMES)[number];

const common = {
  lang: z.enum(['km', 'en']),
  /** Khmer or Latin digits; the cooperative's setting unless given. */
  digits: z.enum(['khmer', 'latin']).optional(),
  nationalHeader: z.boolean().default(true),
};

const id = z.number().int().positive();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'validation');
const period = { from: isoDate, to: isoDate };
const periodCheck = (r: { from: string; to: string }) => r.from <= r.to;
const periodError = { message: 'period_order', path: ['from'] };

export const reportRequestSchema = z.discriminatedUnion('report', [
  z.strictObject({ report: z.literal('member-register'), ...common }),
  z.strictObject({ report: z.literal('share-register'), asOf: isoDate, ...common }),
  z
    .strictObject({
      report: z.literal('member-statement'),
      /** One member, or every member (active and former, in member-number order) as one print job. */
      memberId: id.optional(),
      from: isoDate.optional(),
      to: isoDate,
      ...common,
    })
    .refine((r) => r.from === undefined || r.from <= r.to, periodError),
  z.strictObject({ report: z.literal('trial-balance'), asOf: isoDate, ...common }),
  z.strictObject({ report: z.literal('balance-sheet'), asOf: isoDate, ...common }),
  z
    .strictObject({ report: z.literal('income-statement'), ...period, ...common })
    .refine(periodCheck, periodError),
  z
    .strictObject({
      report: z.literal('cash-book'),
      ...period,
      currency: currencySchema.optional(),
      ...common,
    })
    .refine(periodCheck, periodError),
  z.strictObject({ report: z.literal('stock'), asOf: isoDate, ...common }),
  z.strictObject({ report: z.literal('input-sales'), ...period, ...common }).refine(periodCheck, periodError),
  z.strictObject({ report: z.literal('input-credit-aging'), asOf: isoDate, ...common }),
  /** A collective sale's payout sheet: as posted, or what a payout today would post. */
  z.strictObject({ report: z.literal('payout-sheet'), campaignId: id, ...common }),
  z.strictObject({ report: z.literal('minutes'), meetingId: id, ...common }),
  /** Blank before the meeting (everyone who may attend), filled after (those recorded present). */
  z.strictObject({ report: z.literal('attendance'), meetingId: id, blank: z.boolean(), ...common }),
  z.strictObject({ report: z.literal('annual-report'), year: fiscalYearSchema, ...common }),
  z.strictObject({ report: z.literal('dividend-payout'), year: fiscalYearSchema, ...common }),
  /** The monthly board statement for 'YYYY-MM'. */
  z.strictObject({ report: z.literal('board-statement'), month, ...common }),
]);
export type ReportRequest = z.output<typeof reportRequestSchema>;
export type ReportRequestInput = z.input<typeof reportRequestSchema>;

/** A report built and kept in the main process until it is saved or another is built. */
export interface BuiltReport {
  id: string;
  /** A name to offer in the save dialog, e.g. "balance-sheet-2026-10-31.pdf". */
  fileName: string;
  /** The PDF, base64-encoded, for the in-app preview. */
  pdf: string;
  bytes: number;
  /** Milliseconds spent building it (off the main event loop). */
  millis: number;
}

export const reportSaveSchema = z.strictObject({ id: z.string().min(1).max(64) });
export type ReportSaveResult = { saved: true; path: string } | { saved: false };
