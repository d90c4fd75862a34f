import type { Kysely } from 'kysely';
import { localIsoDate } from '../../shared/dates';
import { DomainError } from '../../shared/errors';
import type { Currency } from '../../shared/khmer';
import { type CashBook, currencySchema, type StatementSection } from '../../shared/ledger';
import { plainAmount } from '../../shared/money';
import type { Database } from '../db/schema';
import { writeCsv } from '../files/csv-safe';
import { balanceSheet, cashBook, incomeStatement, trialBalance } from '../ledger/statements';
import { memberStatement } from '../members/statement';
import { asOfOption, type CommandOptions, dateOption, periodOption, UsageError } from './args';
import { INPUTS_REPORTS } from './inputs';
import { SALES_REPORTS } from './sales';

// The statements as a spreadsheet or a program reads them: CSV with plain decimals and one row per
// statement line (totals as rows of their own, marked in the `line` column), or JSON exactly as the
// statement functions return it.

type Row = Record<string, string | number>;

export interface Report {
  /** Options besides --db and --format. */
  options: readonly string[];
  /** Reads the options, refusing a mistyped one before any file is opened; returns what to print. */
  prepare(options: CommandOptions): (db: Kysely<Database>) => Promise<string>;
}

const CURRENCIES: readonly Currency[] = currencySchema.options;

function output(format: 'csv' | 'json', statement: unknown, columns: readonly string[], rows: () => Row[]) {
  if (format === 'json') return `${JSON.stringify(statement, null, 2)}\n`;
  return writeCsv(rows(), columns);
}

const formatOption = (options: CommandOptions) => options.choice('format', ['csv', 'json'], 'csv');

const TRIAL_COLUMNS = ['line', 'currency', 'code', 'name_km', 'name_en', 'type', 'debit', 'credit'];

const trialBalanceReport: Report = {
  options: ['to', 'as-of'],
  prepare(options) {
    const asOf = asOfOption(options);
    const format = formatOption(options);
    return async (db) => {
      const trial = await trialBalance(db, asOf);
      return output(format, trial, TRIAL_COLUMNS, () =>
        CURRENCIES.flatMap((currency) => [
          ...trial.rows
            .filter((row) => row.currency === currency)
            .map((row) => ({
              line: 'account',
              currency,
              code: row.code,
              name_km: row.nameKm,
              name_en: row.nameEn,
              type: row.type,
              debit: plainAmount(row.debit, currency),
              credit: plainAmount(row.credit, currency),
            })),
          {
            line: 'total',
            currency,
            debit: plainAmount(trial.totals[currency].debit, currency),
            credit: plainAmount(trial.totals[currency].credit, currency),
          },
        ]),
      );
    };
  },
};

const STATEMENT_COLUMNS = ['line', 'currency', 'section', 'code', 'name_km', 'name_en', 'depth', 'amount'];

function sectionRows(currency: Currency, section: StatementSection): Row[] {
  const lines = section.lines.map((line) => ({
    line: line.isGroup ? 'group' : 'account',
    currency,
    section: section.type,
    code: line.code,
    name_km: line.nameKm,
    name_en: line.nameEn,
    depth: line.depth,
    amount: plainAmount(line.amount, currency),
  }));
  return [
    ...lines,
    { line: 'total', currency, section: section.type, amount: plainAmount(section.total, currency) },
  ];
}

const figureRow = (line: string, currency: Currency, amount: number): Row => ({
  line,
  currency,
  amount: plainAmount(amount, currency),
});

const balanceSheetReport: Report = {
  options: ['to', 'as-of'],
  prepare(options) {
    const asOf = asOfOption(options);
    const format = formatOption(options);
    return async (db) => {
      const sheet = await balanceSheet(db, asOf);
      return output(format, sheet, STATEMENT_COLUMNS, () =>
        sheet.currencies.flatMap((c) => [
          ...[c.assets, c.liabilities, c.equity].flatMap((section) => sectionRows(c.currency, section)),
          figureRow('surplus', c.currency, c.surplus),
          figureRow('difference', c.currency, c.difference),
        ]),
      );
    };
  },
};

const incomeStatementReport: Report = {
  options: ['from', 'to'],
  prepare(options) {
    const { from, to } = periodOption(options);
    const format = formatOption(options);
    return async (db) => {
      const statement = await incomeStatement(db, from, to);
      return output(format, statement, STATEMENT_COLUMNS, () =>
        statement.currencies.flatMap((c) => [
          ...[c.income, c.expenses].flatMap((section) => sectionRows(c.currency, section)),
          figureRow('surplus', c.currency, c.surplus),
        ]),
      );
    };
  },
};

const CASH_COLUMNS = [
  'line',
  'currency',
  'date',
  'entry_id',
  'number',
  'kind',
  'memo',
  'account_code',
  'member_number',
  'member_name_km',
  'receipt',
  'payment',
  'balance',
];

/** The book's opening, each movement, each day's totals and closing, then the book's closing. */
function cashRows(book: CashBook): Row[] {
  const money = (amount: number) => plainAmount(amount, book.currency);
  const rows: Row[] = [
    { line: 'opening', currency: book.currency, date: book.from, balance: money(book.opening) },
  ];
  for (const day of book.days) {
    for (const row of day.rows) {
      rows.push({
        line: 'entry',
        currency: book.currency,
        date: row.date,
        entry_id: row.entryId,
        number: row.number ?? '',
        kind: row.kind,
        memo: row.memo,
        account_code: row.accountCode,
        member_number: row.memberNumber ?? '',
        member_name_km: row.memberNameKm ?? '',
        receipt: row.amount > 0 ? money(row.amount) : '',
        payment: row.amount < 0 ? money(-row.amount) : '',
        balance: money(row.balance),
      });
    }
    rows.push({
      line: 'day',
      currency: book.currency,
      date: day.date,
      receipt: money(day.receipts),
      payment: money(day.payments),
      balance: money(day.closing),
    });
  }
  rows.push({ line: 'closing', currency: book.currency, date: book.to, balance: money(book.closing) });
  return rows;
}

const cashBookReport: Report = {
  options: ['from', 'to', 'currency'],
  prepare(options) {
    const { from, to } = periodOption(options);
    const format = formatOption(options);
    const only = options.optional('currency');
    const currencies = only === undefined ? CURRENCIES : [options.choice('currency', CURRENCIES, 'KHR')];
    return async (db) => {
      const books: CashBook[] = [];
      for (const currency of currencies) books.push(await cashBook(db, currency, from, to));
      // Always a list, one book per currency, so that a reader of the JSON need not check its shape.
      return output(format, books, CASH_COLUMNS, () => books.flatMap(cashRows));
    };
  },
};

const MEMBER_COLUMNS = [
  'line',
  'account',
  'product',
  'currency',
  'date',
  'number',
  'kind',
  'memo',
  'shares',
  'certificate',
  'amount',
  'balance',
];

/** One member's shares and savings: what the member asks the bookkeeper about, for review work. */
const memberStatementReport: Report = {
  options: ['member', 'to', 'as-of'],
  prepare(options) {
    const number = options.integer('member', 0, 1);
    if (number === 0) throw new UsageError('--member is required');
    const to = dateOption(options, 'to') ?? dateOption(options, 'as-of') ?? localIsoDate(new Date());
    const format = formatOption(options);
    return async (db) => {
      const member = await db
        .selectFrom('members')
        .select('id')
        .where('number', '=', number)
        .executeTakeFirst();
      if (!member) throw new DomainError('not_found', 'member');
      const statement = await memberStatement(db, member.id, to);
      return output(format, statement, MEMBER_COLUMNS, () => [
        {
          line: 'shares',
          shares: statement.shares.shares,
          amount: plainAmount(statement.shares.capital, 'KHR'),
        },
        ...statement.shares.movements.map((m) => ({
          line: 'share_movement',
          date: m.date,
          number: m.entryNumber ?? '',
          kind: m.kind,
          shares: m.shares,
          certificate: m.certificateNumber ?? '',
        })),
        ...statement.savings.flatMap((account) => [
          {
            line: 'savings_account',
            account: account.number,
            product: account.productNameEn,
            currency: account.currency,
            date: account.openedOn,
            balance: plainAmount(account.balance, account.currency),
          },
          ...account.movements.map((m) => ({
            line: 'movement',
            account: account.number,
            currency: account.currency,
            date: m.date,
            number: m.number ?? '',
            kind: m.kind,
            memo: m.memo,
            amount: plainAmount(m.amount, account.currency),
            balance: plainAmount(m.balance, account.currency),
          })),
        ]),
      ]);
    };
  },
};

export const REPORTS: Record<string, Report> = {
  'trial-balance': trialBalanceReport,
  'balance-sheet': balanceSheetReport,
  'income-statement': incomeStatementReport,
  'cash-book': cashBookReport,
  'member-statement': memberStatementReport,
  ...INPUTS_REPORTS,
  ...SALES_REPORTS,
};
