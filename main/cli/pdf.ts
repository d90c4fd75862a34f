import type { Kysely } from 'kysely';
import { lastEndedMonth } from '../../shared/dates';
import { DomainError } from '../../shared/errors';
import {
  type MeetingReportName,
  REPORT_NAMES,
  type ReportName,
  reportRequestSchema,
} from '../../shared/reports';
import type { Now } from '../clock';
import type { Database } from '../db/schema';
import { asOfOption, type CommandOptions, dateOption, periodOption, UsageError } from './args';
import type { Report } from './reports';
import { campaignField } from './sales';

// Printed reports from the command line: `report <name> --format pdf --out FILE [--lang km|en]
// [--digits khmer|latin] [--national-header yes|no]`, each built by the same catalog the Reports screen
// uses (main/reports/catalog.ts). The PDF code (HarfBuzz through harfbuzzjs, an ES module with a top-level
// await) is loaded with import() inside the command: cli.ts runs as CommonJS under tsx, and the other
// commands never pay for loading it. A report that also has a CSV/JSON form goes on to it for any other
// format, which refuses the PDF-only options.

export const PDF_OPTIONS = ['lang', 'digits', 'out', 'national-header'] as const;

type Fields = Record<string, unknown>;

/** A report's own options, read before any file is opened; the fields it adds to the request. */
export interface PdfInputs {
  options: readonly string[];
  read(options: CommandOptions, now: Now): (db: Kysely<Database>) => Promise<Fields>;
}

const atDate: PdfInputs = {
  options: ['to', 'as-of'],
  read(options) {
    const asOf = asOfOption(options);
    return async () => ({ asOf });
  },
};

const period: PdfInputs = {
  options: ['from', 'to'],
  read(options) {
    const days = periodOption(options);
    return async () => days;
  },
};

/** `--member NUMBER`, or `--member all` for every member in one document. */
async function memberField(db: Kysely<Database>, member: string): Promise<Fields> {
  if (member === 'all') return {};
  const number = Number(member);
  const row = await db.selectFrom('members').select('id').where('number', '=', number).executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'member');
  return { memberId: row.id };
}

const PDF_INPUTS: Record<ReportName, PdfInputs> = {
  'member-register': { options: [], read: () => async () => ({}) },
  'share-register': atDate,
  'member-statement': {
    options: ['member', 'from', 'to', 'as-of'],
    read(options, now) {
      const member = options.required('member');
      if (member !== 'all' && !/^[1-9][0-9]*$/.test(member))
        throw new UsageError('--member must be a member number or all');
      const to = dateOption(options, 'to') ?? dateOption(options, 'as-of') ?? now.today;
      const from = dateOption(options, 'from');
      if (from !== undefined && from > to) throw new UsageError('--from must not be after --to');
      return async (db) => ({ ...(await memberField(db, member)), to, ...(from ? { from } : {}) });
    },
  },
  'trial-balance': atDate,
  'balance-sheet': atDate,
  'income-statement': period,
  stock: atDate,
  'input-sales': period,
  'input-credit-aging': atDate,
  'payout-sheet': { options: ['campaign'], read: (options) => (db) => campaignField(db, options) },
  'cash-book': {
    options: ['from', 'to', 'currency'],
    read(options) {
      const days = periodOption(options);
      const only = options.optional('currency');
      const currency = only === undefined ? undefined : options.choice('currency', ['KHR', 'USD'], 'KHR');
      return async () => ({ ...days, ...(currency ? { currency } : {}) });
    },
  },
  'board-statement': {
    options: ['month'],
    read(options, now) {
      // The last month that has ended, unless --month names one.
      const month = options.optional('month') ?? lastEndedMonth(now.today);
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new UsageError('--month must be written YYYY-MM');
      return async () => ({ month });
    },
  },
};

/**
 * The PDF form of `name`: reads the common and the report's own options (`read`, the catalog's own
 * list unless given: the meetings' reports bring theirs), builds through the catalog.
 */
export function pdfReport(
  name: ReportName | MeetingReportName,
  options: CommandOptions,
  now: Now,
  read: PdfInputs['read'] = PDF_INPUTS[name as ReportName].read,
): (db: Kysely<Database>) => Promise<string> {
  const lang = options.choice('lang', ['km', 'en'], 'km');
  const digits =
    options.optional('digits') === undefined
      ? undefined
      : options.choice('digits', ['khmer', 'latin'], 'khmer');
  const nationalHeader = options.choice('national-header', ['yes', 'no'], 'yes') === 'yes';
  const out = options.required('out');
  const fields = read(options, now);
  return async (db) => {
    const request = reportRequestSchema.parse({
      report: name,
      lang,
      nationalHeader,
      ...(digits ? { digits } : {}),
      ...(await fields(db)),
    });
    const { writeReportFile } = await import('../reports/catalog');
    const { bytes } = await writeReportFile(db, request, now.today, out);
    return `wrote ${out} (${bytes} bytes)\n`;
  };
}

/**
 * Every report the catalog prints, as `report <name>`: with `--format pdf` the PDF; otherwise the CSV/JSON
 * report of the same name where there is one.
 */
export function withPdfReports(reports: Record<string, Report>, now: () => Now): Record<string, Report> {
  return Object.fromEntries(
    REPORT_NAMES.map((name): [string, Report] => {
      const data = reports[name];
      const options = [...new Set([...(data?.options ?? []), ...PDF_INPUTS[name].options, ...PDF_OPTIONS])];
      return [
        name,
        {
          options,
          prepare(given) {
            const format = given.optional('format');
            if (format === 'pdf') return pdfReport(name, given, now());
            if (!data) throw new UsageError(`--format pdf is required for report ${name}`);
            for (const option of PDF_OPTIONS) {
              if (given.optional(option) !== undefined)
                throw new UsageError(`--${option} is only for --format pdf`);
            }
            return data.prepare(given);
          },
        },
      ];
    }),
  );
}
