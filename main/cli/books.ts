import type { Kysely } from 'kysely';
import { DomainError } from '../../shared/errors';
import { isRealIsoDate } from '../../shared/khmer';
import type { Database } from '../db/schema';
import { readTextFile } from '../files/text-encoding';
import { writeHledgerJournal } from '../ledger/hledger';
import { postOpeningBalances, readOpeningCsv } from '../ledger/opening';
import type { Actor } from '../ledger/posting';
import { type CommandOptions, UsageError } from './args';

export interface BooksCommand {
  options: readonly string[];
  /** Checks the command line before the database is opened; the work then runs on the open database. */
  prepare(options: CommandOptions, actor: Actor): (db: Kysely<Database>) => Promise<string>;
}

/** Refused work: the message is for the person at the terminal, and the exit code is 1. */
export class BooksRefusal extends Error {}

/** A file named on the command line, read whole before any database is opened. */
export function readInputFile(path: string): Uint8Array {
  try {
    return readTextFile(path);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new BooksRefusal(
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`,
    );
  }
}

export const BOOKS_COMMANDS: Record<string, BooksCommand> = {
  'export hledger': {
    options: ['out'],
    prepare(options) {
      const out = options.required('out');
      return async (db) => {
        const { entries, postings } = await writeHledgerJournal(db, out);
        return `wrote ${entries} entries with ${postings} postings to ${out}\n`;
      };
    },
  },
  'opening import': {
    options: ['file', 'date'],
    prepare(options, actor) {
      const date = options.required('date');
      if (!isRealIsoDate(date)) throw new UsageError('--date must be a date as YYYY-MM-DD');
      const csv = readInputFile(options.required('file'));
      return async (db) => {
        const read = await readOpeningCsv(db, csv);
        if ('errors' in read) {
          const rows = read.errors.map(
            (e) => `${e.row === 0 ? 'header' : `row ${e.row}`}, ${e.field}: ${e.code}`,
          );
          throw new BooksRefusal(`${rows.join('\n')}\nnothing posted: ${read.errors.length} error(s)`);
        }
        const entryId = await postOpeningBalances(db, { date, lines: read.lines }, actor);
        return `posted ${read.lines.length} opening balances as entry ${entryId}\n`;
      };
    },
  },
};
