import type { Kysely } from 'kysely';
import { DomainError } from '../../shared/errors';
import { plainAmount } from '../../shared/money';
import { ALLOCATION_PARTS, fiscalYearSchema, fiscalYearSpan, type YearStatus } from '../../shared/yearend';
import { nowFrom, systemClock } from '../clock';
import { getCooperative } from '../cooperative/profile';
import type { Database } from '../db/schema';
import { writeCsv } from '../files/csv-safe';
import { listMeetings } from '../meetings/meetings';
import { closeYear, yearStatus } from '../yearend/close';
import { payDistributions } from '../yearend/payout';
import { type CommandOptions, dateOption, UsageError } from './args';
import type { BooksCommand } from './books';
import { PDF_OPTIONS, type PdfInputs, pdfReport } from './pdf';
import type { Report } from './reports';

// Meetings and the year end from the command line, on the same functions as the screens.

type Db = Kysely<Database>;

function yearOption(options: CommandOptions): number {
  const parsed = fiscalYearSchema.safeParse(Number(options.required('year')));
  if (!parsed.success) throw new UsageError('--year must be a year such as 2025');
  return parsed.data;
}

/** A meeting by its number (MT-0003), as the screens and the printed minutes show it. */
async function meetingId(db: Db, number: string): Promise<number> {
  const row = await db.selectFrom('meetings').select('id').where('number', '=', number).executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'meeting');
  return row.id;
}

/** The latest general assembly held after the year's end: the one that approves it unless --meeting names one. */
async function approvingAssembly(db: Db, year: number): Promise<number> {
  const span = fiscalYearSpan(year, (await getCooperative(db)).fiscalYearStartMonth);
  const found = (await listMeetings(db)).find(
    (m) => m.kind === 'general_assembly' && m.held && m.date > span.to,
  );
  // None: the close refuses, saying first whatever else stands in its way (a year not ended, months open).
  return found?.id ?? 0;
}

function statusText(status: YearStatus): string {
  const riel = (n: number) => plainAmount(n, 'KHR');
  const { allocation } = status;
  const lines = [
    `year ${status.year} (${status.from} to ${status.to}): ${status.closed ? `closed, approved by ${status.closed.meetingNumber}` : 'open'}`,
    `surplus ${riel(allocation.surplus)} KHR, loss covered ${riel(allocation.lossCovered)}, result in dollars ${plainAmount(allocation.resultUsd, 'USD')} USD`,
    ...ALLOCATION_PARTS.map((part) => `${part} ${riel(allocation.parts[part])}`),
    `${status.distributions.length} members receive dividends or patronage refunds`,
  ];
  if (status.openMonths.length > 0) lines.push(`months not closed: ${status.openMonths.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

export const MEETINGS_COMMANDS: Record<string, BooksCommand> = {
  'meetings list': {
    options: ['format'],
    prepare(options) {
      const format = options.choice('format', ['csv', 'json'], 'csv');
      return async (db) => {
        const rows = await listMeetings(db);
        if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
        return writeCsv(
          rows.map((r) => ({
            ...r,
            held: r.held ? 'yes' : 'no',
            quorum_met: r.quorumMet === null ? '' : r.quorumMet ? 'yes' : 'no',
          })),
          ['number', 'date', 'kind', 'place', 'held', 'attendees', 'quorum_met'],
        );
      };
    },
  },
  'year status': {
    options: ['year', 'format'],
    prepare(options) {
      const year = yearOption(options);
      const format = options.choice('format', ['text', 'json'], 'text');
      return async (db) => {
        const status = await yearStatus(db, year);
        return format === 'json' ? `${JSON.stringify(status, null, 2)}\n` : statusText(status);
      };
    },
  },
  'year close': {
    options: ['year', 'meeting'],
    prepare(options, actor) {
      const year = yearOption(options);
      const meeting = options.optional('meeting');
      return async (db) => {
        const id = meeting === undefined ? await approvingAssembly(db, year) : await meetingId(db, meeting);
        return statusText(await closeYear(db, { year, meetingId: id }, actor));
      };
    },
  },
  'year pay': {
    options: ['year', 'method', 'date'],
    prepare(options, actor) {
      const year = yearOption(options);
      const method = options.choice('method', ['cash', 'savings'], 'cash');
      const date = dateOption(options, 'date') ?? actor.today;
      return async (db) => {
        const paid = await payDistributions(db, { year, date, method, memberIds: [] }, actor);
        return `paid ${paid.members} members ${plainAmount(paid.total, 'KHR')} KHR in ${method} as entry ${paid.entryId}\n`;
      };
    },
  },
};

const minutesField: PdfInputs = {
  options: ['meeting'],
  read(options) {
    const number = options.required('meeting');
    return async (db) => ({ meetingId: await meetingId(db, number) });
  },
};
const attendanceField: PdfInputs = {
  options: ['meeting', 'blank'],
  read(options) {
    const number = options.required('meeting');
    const blank = options.choice('blank', ['yes', 'no'], 'no') === 'yes';
    return async (db) => ({ meetingId: await meetingId(db, number), blank });
  },
};
const yearField: PdfInputs = {
  options: ['year'],
  read(options) {
    const year = yearOption(options);
    return async () => ({ year });
  },
};

/** `report minutes|attendance|annual|dividend-payout`: printed only, as --format pdf --out FILE. */
export const MEETING_REPORTS: Record<string, Report> = Object.fromEntries(
  (
    [
      ['minutes', 'minutes', minutesField],
      ['attendance', 'attendance', attendanceField],
      ['annual', 'annual-report', yearField],
      ['dividend-payout', 'dividend-payout', yearField],
    ] as const
  ).map(([command, name, inputs]): [string, Report] => [
    command,
    {
      options: [...inputs.options, ...PDF_OPTIONS],
      prepare(options) {
        if (options.optional('format') !== 'pdf')
          throw new UsageError(`--format pdf is required for report ${command}`);
        return pdfReport(name, options, nowFrom(systemClock), inputs.read);
      },
    },
  ]),
);

export const MEETINGS_USAGE = `  meetings list --db FILE [--format csv|json]
      Every meeting, newest first: number, date, kind, place, held, attendance, whether it had its quorum.
  year status --db FILE --year Y [--format text|json]
  year close --db FILE --year Y [--meeting MT-0003]
  year pay --db FILE --year Y [--method cash|savings] [--date D]
      The fiscal year's surplus and its allocation by the by-law; the close, approved by the general
      assembly named (the latest held after the year end unless given), refused while a month of the
      year is open; the payout of the members' dividends and patronage refunds still owed.
  report minutes --db FILE --meeting MT-0003 --format pdf --out FILE
  report attendance --db FILE --meeting MT-0003 [--blank yes|no] --format pdf --out FILE
  report annual --db FILE --year Y --format pdf --out FILE
  report dividend-payout --db FILE --year Y --format pdf --out FILE
      A meeting's minutes or attendance sheet (blank to sign before it, filled after), the annual
      report with the previous year beside it, and the payout sheet of a closed year.
`;
