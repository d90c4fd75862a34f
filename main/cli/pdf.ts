import { writeFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Currency } from '../../shared/khmer';
import { currencySchema } from '../../shared/ledger';
import type { Now } from '../clock';
import type { Database } from '../db/schema';
import { asOfOption, type CommandOptions, periodOption, UsageError } from './args';
import type { Report } from './reports';

// Printed reports from the command line. The PDF code (HarfBuzz through harfbuzzjs, an ES module with a
// top-level await) is loaded with import() inside the command: cli.ts runs as CommonJS under tsx, and the
// other commands never pay for loading it.

export const PDF_REPORT_OPTIONS = ['db', 'format', 'lang', 'digits', 'out', 'national-header'] as const;

/** Reads the options of `report member-register`; returns the work to do on the open database. */
export function prepareMemberRegisterPdf(
  options: CommandOptions,
  now: Now,
): { out: string; work: (db: Kysely<Database>) => Promise<string> } {
  const format = options.optional('format');
  if (format !== 'pdf') throw new UsageError('--format pdf is required for report member-register');
  const lang = options.choice('lang', ['km', 'en'], 'km');
  const digitsOption = options.optional('digits');
  const digits =
    digitsOption === undefined ? undefined : options.choice('digits', ['khmer', 'latin'], 'khmer');
  const nationalHeader = options.choice('national-header', ['yes', 'no'], 'yes') === 'yes';
  const out = options.required('out');
  return {
    out,
    work: async (db) => {
      const { memberRegisterPdf } = await import('../reports/member-register');
      const pdf = await memberRegisterPdf(db, {
        lang,
        today: now.today,
        nationalHeader,
        ...(digits ? { digits } : {}),
      });
      writeFileSync(out, pdf);
      return `wrote ${out} (${pdf.length} bytes)\n`;
    },
  };
}

// The statements (trial balance, balance sheet, income statement, cash book) print with `--format pdf`; every
// other format goes on to the CSV/JSON report of the same name, which refuses the PDF-only options.

const STATEMENT_PDF_OPTIONS = ['lang', 'digits', 'out', 'national-header'] as const;

interface PdfCommon {
  lang: 'km' | 'en';
  digits?: 'khmer' | 'latin';
  today: string;
  nationalHeader: boolean;
}

type StatementPdf = (options: CommandOptions, common: PdfCommon) => (db: Kysely<Database>) => Promise<Buffer>;

const STATEMENT_PDFS: Record<string, StatementPdf> = {
  'trial-balance': (options, common) => {
    const asOf = asOfOption(options);
    return async (db) => (await import('../reports/statements')).trialBalancePdf(db, { ...common, asOf });
  },
  'balance-sheet': (options, common) => {
    const asOf = asOfOption(options);
    return async (db) => (await import('../reports/statements')).balanceSheetPdf(db, { ...common, asOf });
  },
  'income-statement': (options, common) => {
    const period = periodOption(options);
    return async (db) =>
      (await import('../reports/statements')).incomeStatementPdf(db, { ...common, ...period });
  },
  'cash-book': (options, common) => {
    const period = periodOption(options);
    const only = options.optional('currency');
    const currency: Currency | undefined =
      only === undefined ? undefined : options.choice('currency', currencySchema.options, 'KHR');
    return async (db) =>
      (await import('../reports/statements')).cashBookPdf(db, {
        ...common,
        ...period,
        ...(currency ? { currency } : {}),
      });
  },
};

/** A statement report that prints a PDF with `--format pdf` and is otherwise the report it wraps. */
function withPdf(name: string, report: Report, now: () => Now): Report {
  const pdf = STATEMENT_PDFS[name];
  if (!pdf) return report;
  return {
    options: [...report.options, ...STATEMENT_PDF_OPTIONS],
    prepare(options) {
      if (options.optional('format') !== 'pdf') {
        for (const option of STATEMENT_PDF_OPTIONS) {
          if (options.optional(option) !== undefined)
            throw new UsageError(`--${option} is only for --format pdf`);
        }
        return report.prepare(options);
      }
      const lang = options.choice('lang', ['km', 'en'], 'km');
      const digits =
        options.optional('digits') === undefined
          ? undefined
          : options.choice('digits', ['khmer', 'latin'], 'khmer');
      const nationalHeader = options.choice('national-header', ['yes', 'no'], 'yes') === 'yes';
      const out = options.required('out');
      const work = pdf(options, {
        lang,
        today: now().today,
        nationalHeader,
        ...(digits ? { digits } : {}),
      });
      return async (db) => {
        const written = await work(db);
        writeFileSync(out, written);
        return `wrote ${out} (${written.length} bytes)\n`;
      };
    },
  };
}

/** The CSV/JSON reports, the statements among them also printing as PDF. */
export function withPdfReports(reports: Record<string, Report>, now: () => Now): Record<string, Report> {
  return Object.fromEntries(
    Object.entries(reports).map(([name, report]) => [name, withPdf(name, report, now)]),
  );
}
