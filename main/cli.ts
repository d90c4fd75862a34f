import { existsSync, rmSync, statSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { type AppError, DomainError } from '../shared/errors';
import { fileProblemSentence } from '../shared/file-problems';
import { blankCooperative, cooperativeInputSchema, type Member } from '../shared/schemas';
import { type CommandLine, CommandOptions, readCommandLine, UsageError } from './cli/args';
import type { BooksCommand } from './cli/books';
import type { Report } from './cli/reports';
import { nowFrom, systemClock } from './clock';
import { createCooperative } from './cooperative/profile';
import { openDatabase } from './db/open';
import type { Database } from './db/schema';
import { writeCsv } from './files/csv-safe';
import { isDatabasePath } from './files/write-whole';
import type { RowError } from './members/import';
import { toMember } from './members/register';
import { compareMemberNames } from './members/search';

// Most of a small command's time is Node starting and reading code: each command's modules are loaded
// when it runs (import()), so that a trial balance never reads the backup, demo, import or spreadsheet
// code, and the built CLI keeps them in chunks of their own.
const usage = async () => {
  const [{ SALES_USAGE }, { BACKUP_USAGE }, { AUDIT_USAGE }, { MEETINGS_USAGE }] = await Promise.all([
    import('./cli/sales'),
    import('./cli/backup'),
    import('./cli/audit'),
    import('./cli/meetings'),
  ]);
  return `Sahakum, the cooperative record book: command line

Usage: npm run cli -- <command> [options]

Commands:
  init --db FILE --name-km TEXT [--founded YYYY-MM-DD]
      Create a cooperative's database file (founded today unless --founded says otherwise).
  members import --db FILE --file members.csv
      Add every member of a UTF-8 CSV file, or none at all if any row is wrong.
      Columns (header row required, any order): name_km and join_date (required), name_latin,
      sex (F/M or ស្រី/ប្រុស), birth_date, national_id, phone, village, commune, next_of_kin, notes.
      Dates as YYYY-MM-DD or DD/MM/YYYY, in Latin or Khmer digits.
  members list --db FILE [--format csv|json]
      Print every member in Khmer name order (CSV by default).
  demo --db FILE [--members N] [--seed S] [--years Y]
      Create a demo cooperative in a new file with Y years of books ending today
      (150 members, seed 1 and 10 years unless given).
  report trial-balance --db FILE --to DATE [--format csv|json]
  report balance-sheet --db FILE --to DATE [--format csv|json]
      The books at the end of a day, per currency (--as-of DATE is the same as --to DATE).
  report income-statement --db FILE --to DATE [--from DATE] [--format csv|json]
  report cash-book --db FILE --to DATE [--from DATE] [--currency KHR|USD] [--format csv|json]
      Income and expenses, or every cash movement day by day, from --from (1 January of the --to
      year unless given) to --to, both days included; the cash book in both currencies unless
      --currency names one. CSV (the default) has one row per line, amounts as plain decimals (riel
      whole, dollars with cents); JSON is the statement itself (the cash book: a list, one per currency).
  report member-statement --db FILE --member NUMBER [--to DATE] [--format csv|json]
      One member's shares and certificates, and every savings account with its movements and running
      balance, up to --to (today unless given).
  report member-register --db FILE --format pdf --out FILE
  report share-register --db FILE --to DATE --format pdf --out FILE
  report board-statement --db FILE [--month YYYY-MM] --format pdf --out FILE
      The member register, the share register at a date, and the monthly board statement (the last
      month that has ended unless --month names one): printed reports only.
  Printed reports: every report above prints as an A4 PDF with --format pdf --out FILE
      [--lang km|en] [--digits khmer|latin] [--national-header yes|no] (Khmer unless --lang en; digits as
      the cooperative's profile says unless --digits). For the member statement, --member all prints
      every member in one document.
  opening import --db FILE --file opening.csv --date YYYY-MM-DD
      Post opening balances from a CSV file (columns account_code, member_number, amount; amounts in
      the account's currency and natural sign), all rows or none; they must balance in each currency.
  inputs items|suppliers --db FILE [--format csv|json]
  inputs add-item --db FILE --name-km TEXT --unit kg|bag50|bag25|litre|bottle|packet|sack|tonne --price RIEL
  inputs add-supplier --db FILE --name TEXT [--phone P] [--village V]
  inputs purchase --db FILE --supplier ID --item ID --quantity Q --unit-cost C [--pay cash|credit]
      [--currency KHR|USD --rate RIEL_PER_DOLLAR] [--cash-account CODE] [--date D] [--reference TEXT]
  inputs pay-supplier --db FILE --supplier ID --amount RIEL [--cash-account CODE] [--date D]
  inputs sell --db FILE --member NUMBER --item ID --quantity Q [--price RIEL]
      [--due DATE [--fee RIEL | --monthly-rate-bp N]] [--date D]
  inputs repay --db FILE --member NUMBER --amount RIEL [--sale ID] [--date D]
  inputs adjust --db FILE --item ID --reason damage|loss|found --quantity Q [--note TEXT] [--date D]
      Farm inputs on the same code as the screens: quantities as 12 or 12.5 in the item's unit, amounts in
      whole riel; a sale with --due is on credit until that day, else paid in cash.
  report stock --db FILE --to DATE [--format csv|json|pdf]
  report input-sales --db FILE --from DATE --to DATE [--format csv|json|pdf]
  report input-credit-aging --db FILE --to DATE [--format csv|json|pdf]
      Stock on hand at average cost, the period's input sales, and input credit per member: not yet
      due, 1–30, 31–90 and over 90 days overdue.
${SALES_USAGE}${MEETINGS_USAGE}
  export hledger --db FILE --out FILE
      Write the whole ledger as an hledger journal, to check the books with an independent tool.
${BACKUP_USAGE}${AUDIT_USAGE}
  --help  Show this text.
`;
};

const INIT_FLAGS: Record<string, string> = { nameKm: '--name-km', foundedOn: '--founded' };

const LIST_COLUMNS = [
  'number',
  'name_km',
  'name_latin',
  'sex',
  'birth_date',
  'national_id',
  'phone',
  'village',
  'commune',
  'join_date',
  'status',
  'exit_date',
  'exit_reason',
] as const;

/** An expected refusal, told in one line on stderr with exit code 1. */
class Refusal extends Error {}

const currentNow = () => nowFrom(systemClock);

function explain(error: { field?: string; code: string; params?: Record<string, string | number> }): string {
  const params = Object.entries(error.params ?? {}).map(([name, value]) => `${name}=${value}`);
  const detail = params.length > 0 ? ` (${params.join(', ')})` : '';
  return `${error.field ? `${error.field}: ` : ''}${error.code}${detail}`;
}

const explainRow = (error: RowError) =>
  `${error.row === 0 ? 'header' : `row ${error.row}`}, ${explain(error)}`;

// A file problem (not the books, damaged, in use elsewhere, not UTF-8) in the user's words, Khmer first.
function explainFile(error: AppError): string | null {
  const km = fileProblemSentence(error, 'km');
  return km === null ? null : `${km}\n${fileProblemSentence(error, 'en')} [${error.code}]`;
}

// Only the commands that create a database may be handed a missing or empty file.
async function withDatabase<T>(
  file: string,
  work: (db: Kysely<Database>) => Promise<T>,
  create = false,
): Promise<T> {
  const opened = await openDatabase(file, { mustExist: !create });
  try {
    return await work(opened.db);
  } finally {
    await opened.close();
  }
}

// A command that creates the file leaves nothing behind when it fails: the next attempt starts clean.
async function inNewFile<T>(file: string, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const existed = existsSync(file);
  try {
    return await withDatabase(file, work, true);
  } catch (error) {
    if (!existed) for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    throw error;
  }
}

function existingDatabase(options: CommandOptions): string {
  const file = options.required('db');
  if (!existsSync(file)) throw new Refusal(`no database at ${file}`);
  const out = options.optional('out');
  if (out !== undefined && isDatabasePath(out, file))
    throw new UsageError('--out must not be the database file');
  return file;
}

async function init(line: CommandLine): Promise<void> {
  const options = new CommandOptions(line.options, ['db', 'name-km', 'founded']);
  const file = options.required('db');
  const now = currentNow();
  const input = {
    ...blankCooperative,
    nameKm: options.required('name-km'),
    foundedOn: options.optional('founded') ?? now.today,
  };
  // Told in the options' own names: '--founded: date_in_future' says what to retype.
  const refuse = (field: string, code: string, params?: Record<string, string | number>) =>
    new Refusal(explain({ field: INIT_FLAGS[field] ?? field, code, ...(params ? { params } : {}) }));
  const parsed = cooperativeInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw refuse(String(issue?.path[0]), issue?.message ?? 'validation');
  }
  const cooperative = await inNewFile(file, async (db) => {
    try {
      return await createCooperative(db, parsed.data, now);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      throw refuse(error.error.field ?? '', error.error.code, error.error.params);
    }
  });
  process.stdout.write(`created ${cooperative.nameKm} (founded ${cooperative.foundedOn}) in ${file}\n`);
}

async function importMembers(line: CommandLine): Promise<void> {
  const options = new CommandOptions(line.options, ['db', 'file']);
  const file = existingDatabase(options);
  const csvFile = options.required('file');
  const csv = (await booksModule()).readInputFile(csvFile);
  const { importMembersCsv } = await import('./members/import');
  const result = await withDatabase(file, (db) => importMembersCsv(db, csv, currentNow()));
  if ('errors' in result) {
    for (const error of result.errors) process.stderr.write(`${explainRow(error)}\n`);
    throw new Refusal(`nothing imported: ${result.errors.length} error(s) in ${csvFile}`);
  }
  process.stdout.write(`imported ${result.imported} members\n`);
}

function listRecord(member: Member): Record<(typeof LIST_COLUMNS)[number], string | number> {
  return {
    number: member.number,
    name_km: member.nameKm,
    name_latin: member.nameLatin,
    sex: member.sex,
    birth_date: member.birthDate,
    national_id: member.nationalId,
    phone: member.phone,
    village: member.village,
    commune: member.commune,
    join_date: member.joinDate,
    status: member.status,
    exit_date: member.exitDate,
    exit_reason: member.exitReason,
  };
}

async function listAllMembers(line: CommandLine): Promise<void> {
  const options = new CommandOptions(line.options, ['db', 'format']);
  const file = existingDatabase(options);
  const format = options.choice('format', ['csv', 'json'], 'csv');
  // One select of whole rows, put in the register's own order (the comparator listMembers sorts with).
  const records = await withDatabase(file, (db) => db.selectFrom('members').selectAll().execute());
  const members = records.map(toMember).sort(compareMemberNames);
  process.stdout.write(
    format === 'json'
      ? `${JSON.stringify(members, null, 2)}\n`
      : writeCsv(members.map(listRecord), LIST_COLUMNS),
  );
}

async function demo(line: CommandLine): Promise<void> {
  const options = new CommandOptions(line.options, ['db', 'members', 'seed', 'years']);
  const file = options.required('db');
  const members = options.integer('members', 150, 0);
  const seed = options.integer('seed', 1, 0);
  const years = options.integer('years', 10, 1);
  if (years > 50) throw new UsageError('--years must be at most 50');
  if (existsSync(file)) throw new Refusal(`${file} already exists; the demo is only written to a new file`);
  const started = performance.now();
  const { createDemoCooperative } = await import('./demo/cooperative');
  const made = await inNewFile(file, (db) =>
    createDemoCooperative(db, { members, seed, years, now: currentNow() }),
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const size = (statSync(file).size / 1_048_576).toFixed(1);
  const span = `${years} year${years === 1 ? '' : 's'}`;
  process.stdout.write(
    `demo cooperative with ${made.members} members (seed ${seed}) in ${file}: ${span}, ` +
      `${made.entries} entries, ${made.lines} journal lines, ${seconds} s, ${size} MB\n`,
  );
}

function report(statement: Report): (line: CommandLine) => Promise<void> {
  return async (line) => {
    const options = new CommandOptions(line.options, ['db', 'format', ...statement.options]);
    const write = statement.prepare(options);
    const file = existingDatabase(options);
    process.stdout.write(await withDatabase(file, write));
  };
}

function booksCommand(command: BooksCommand): (line: CommandLine) => Promise<void> {
  return async (line) => {
    const options = new CommandOptions(line.options, ['db', ...command.options]);
    const file = existingDatabase(options);
    const work = command.prepare(options, { ...currentNow(), user: 'cli' });
    process.stdout.write(await withDatabase(file, work));
  };
}

type Command = (line: CommandLine) => Promise<void>;

const COMMANDS: Record<string, Command> = {
  init,
  'members import': importMembers,
  'members list': listAllMembers,
  demo,
};

let books: typeof import('./cli/books') | undefined;
const booksModule = async () => {
  books ??= await import('./cli/books');
  return books;
};

/** The command `words` name, its module loaded: the reports' for `report …`, else the others'. */
async function findCommand(words: readonly string[]): Promise<Command | undefined> {
  const name = words.join(' ');
  const core = COMMANDS[name];
  if (core) return core;
  if (words[0] === 'report') {
    const [{ withPdfReports }, { REPORTS }] = await Promise.all([
      import('./cli/pdf'),
      import('./cli/reports'),
    ]);
    const named = words.slice(1).join(' ');
    const statement =
      withPdfReports(REPORTS, currentNow)[named] ?? (await import('./cli/meetings')).MEETING_REPORTS[named];
    return statement && report(statement);
  }
  const [
    { BACKUP_COMMANDS },
    { AUDIT_COMMANDS },
    { BOOKS_COMMANDS },
    { INPUTS_COMMANDS },
    { SALES_COMMANDS },
    { MEETINGS_COMMANDS },
  ] = await Promise.all([
    import('./cli/backup'),
    import('./cli/audit'),
    booksModule(),
    import('./cli/inputs'),
    import('./cli/sales'),
    import('./cli/meetings'),
  ]);
  const command = { ...BOOKS_COMMANDS, ...INPUTS_COMMANDS, ...SALES_COMMANDS, ...MEETINGS_COMMANDS }[name];
  if (command) return booksCommand(command);
  // The backup commands take their files as words: 'backup verify FILE'.
  const two = words.slice(0, 2).join(' ');
  return BACKUP_COMMANDS[name] ?? BACKUP_COMMANDS[two] ?? AUDIT_COMMANDS[two];
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    const line = readCommandLine(argv);
    if (line.help) {
      process.stdout.write(await usage());
      return 0;
    }
    const name = line.words.join(' ');
    const command = await findCommand(line.words);
    if (!command) throw new UsageError(name === '' ? 'no command given' : `unknown command: ${name}`);
    await command(line);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message} (npm run cli -- --help shows the commands)\n`);
      return 2;
    }
    if (error instanceof Refusal || (books && error instanceof books.BooksRefusal))
      process.stderr.write(`${error.message}\n`);
    else if (error instanceof DomainError)
      process.stderr.write(`${explainFile(error.error) ?? explain(error.error)}\n`);
    else
      process.stderr.write(`unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

// `members list | head` closes the pipe early; that is the reader being done, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
