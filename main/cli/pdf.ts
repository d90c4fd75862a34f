import { writeFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Now } from '../clock';
import type { Database } from '../db/schema';
import { type CommandOptions, UsageError } from './args';

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
