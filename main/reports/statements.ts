// The financial statements as printed reports: trial balance, balance sheet, income statement and cash book,
// each read from the same statement functions the screens use (main/ledger/statements.ts), one section per
// currency (riel, then dollars), amounts right-aligned as the shared formatting writes them, negatives in
// brackets.

import type { Kysely } from 'kysely';
import { type Currency, formatDateTable, withDigits } from '../../shared/khmer';
import {
  type CashBook,
  currencySchema,
  type StatementLine,
  type StatementSection,
} from '../../shared/ledger';
import type { Database } from '../db/schema';
import { balanceSheet, cashBook, incomeStatement, trialBalance } from '../ledger/statements';
import {
  asOfSubtitle,
  money,
  periodSubtitle,
  type ReportContext,
  type ReportOptions,
  Rows,
  renderFramed,
} from './common';
import type { Lang } from './frame';
import { type Block, BODY_WIDTH, type Column } from './layout';

const CURRENCIES: readonly Currency[] = currencySchema.options;

const TEXT = {
  km: {
    currency: { KHR: 'រូបិយប័ណ្ណរៀល (KHR)', USD: 'រូបិយប័ណ្ណដុល្លារ (USD)' },
    nothing: 'គ្មានសមតុល្យ',
    code: 'លេខកូដ',
    account: 'គណនី',
    amount: 'ចំនួនទឹកប្រាក់',
    trial: { title: 'តារាងតុល្យភាពសាកល្បង', debit: 'ឥណពន្ធ', credit: 'ឥណទាន', total: 'សរុប' },
    sheet: {
      title: 'តារាងតុល្យការ',
      assets: 'ទ្រព្យសកម្ម',
      liabilities: 'បំណុល',
      equity: 'មូលធន',
      surplus: 'ប្រាក់ចំណេញ (ខាត) មិនទាន់បែងចែក',
      totalAssets: 'សរុបទ្រព្យសកម្ម',
      totalLiabilities: 'សរុបបំណុល',
      totalEquity: 'សរុបមូលធន',
      totalRight: 'សរុបបំណុល មូលធន និងប្រាក់ចំណេញ',
      equation: (a: string, l: string, e: string, s: string) =>
        `ទ្រព្យសកម្ម ${a} = បំណុល ${l} + មូលធន ${e} + ប្រាក់ចំណេញ ${s}`,
      difference: (d: string) => `លម្អៀង ${d}: តារាងមិនស្មើគ្នាទេ`,
    },
    income: {
      title: 'របាយការណ៍លទ្ធផល',
      income: 'ចំណូល',
      expenses: 'ចំណាយ',
      totalIncome: 'សរុបចំណូល',
      totalExpenses: 'សរុបចំណាយ',
      surplus: 'ប្រាក់ចំណេញ (ខាត)',
    },
    cash: {
      title: 'សៀវភៅសាច់ប្រាក់',
      header: ['កាលបរិច្ឆេទ', 'លេខ', 'ការពិពណ៌នា', 'ចំណូល', 'ចំណាយ', 'សមតុល្យ'],
      opening: 'សមតុល្យដើមគ្រា',
      day: 'សរុបប្រចាំថ្ងៃ',
      closing: 'សមតុល្យចុងគ្រា',
      member: 'សមាជិក',
    },
  },
  en: {
    currency: { KHR: 'Riel (KHR)', USD: 'US dollars (USD)' },
    nothing: 'No balances',
    code: 'Code',
    account: 'Account',
    amount: 'Amount',
    trial: { title: 'Trial balance', debit: 'Debit', credit: 'Credit', total: 'Total' },
    sheet: {
      title: 'Balance sheet',
      assets: 'Assets',
      liabilities: 'Liabilities',
      equity: 'Equity',
      surplus: 'Surplus (income less expenses)',
      totalAssets: 'Total assets',
      totalLiabilities: 'Total liabilities',
      totalEquity: 'Total equity',
      totalRight: 'Total liabilities, equity and surplus',
      equation: (a: string, l: string, e: string, s: string) =>
        `Assets ${a} = Liabilities ${l} + Equity ${e} + Surplus ${s}`,
      difference: (d: string) => `Difference ${d}: the sheet does not balance`,
    },
    income: {
      title: 'Income statement',
      income: 'Income',
      expenses: 'Expenses',
      totalIncome: 'Total income',
      totalExpenses: 'Total expenses',
      surplus: 'Surplus (deficit)',
    },
    cash: {
      title: 'Cash book',
      header: ['Date', 'No.', 'Description', 'Receipts', 'Payments', 'Balance'],
      opening: 'Opening balance',
      day: 'Day total',
      closing: 'Closing balance',
      member: 'member',
    },
  },
} as const;

const accountName = (line: { nameKm: string; nameEn: string }, lang: Lang) =>
  lang === 'km' ? line.nameKm : line.nameEn;

function currencyHeading(currency: Currency, lang: Lang): Block {
  return { kind: 'paragraph', text: TEXT[lang].currency[currency], size: 11, bold: true, after: 2 };
}

const nothing = (lang: Lang): Block => ({ kind: 'paragraph', text: TEXT[lang].nothing, size: 10 });

// ---------------------------------------------------------------------------------------------------------
// Trial balance.

const TRIAL_COLUMNS: Column[] = [
  { width: 50, fit: true },
  { width: BODY_WIDTH - 50 - 2 * 110 },
  { width: 110, align: 'right', fit: true },
  { width: 110, align: 'right', fit: true },
];

export async function trialBalancePdf(
  db: Kysely<Database>,
  options: ReportOptions & { asOf: string },
): Promise<Buffer> {
  const trial = await trialBalance(db, options.asOf);
  const t = TEXT[options.lang];
  const subtitle = asOfSubtitle(options.asOf, options.lang);
  return renderFramed(db, options, t.trial.title, subtitle, ({ lang, digits }) => {
    const blocks: Block[] = [];
    for (const currency of CURRENCIES) {
      const lines = trial.rows.filter((row) => row.currency === currency);
      if (lines.length === 0) continue;
      const cell = (amount: number) => (amount === 0 ? '' : money(amount, currency, digits));
      const rows = new Rows();
      for (const row of lines) {
        rows.add([withDigits(row.code, digits), accountName(row, lang), cell(row.debit), cell(row.credit)]);
      }
      const totals = trial.totals[currency];
      rows.add(
        ['', t.trial.total, money(totals.debit, currency, digits), money(totals.credit, currency, digits)],
        true,
      );
      blocks.push(
        currencyHeading(currency, lang),
        rows.table(TRIAL_COLUMNS, [t.code, t.account, t.trial.debit, t.trial.credit]),
      );
    }
    return blocks.length > 0 ? blocks : [nothing(lang)];
  });
}

// ---------------------------------------------------------------------------------------------------------
// Statements made of sections (balance sheet, income statement).

const STATEMENT_COLUMNS: Column[] = [
  { width: 50, fit: true },
  { width: BODY_WIDTH - 50 - 140 },
  { width: 140, align: 'right', fit: true },
];

/** A section's heading, its group and account lines (groups bold), and its total (bold). */
function addSection(
  rows: Rows,
  section: StatementSection,
  heading: string,
  totalLabel: string,
  currency: Currency,
  { lang, digits }: ReportContext,
): void {
  rows.add(['', heading, ''], true);
  for (const line of section.lines as StatementLine[]) {
    // Accounts under a group are set in by two en spaces.
    const name = line.depth > 0 ? `\u2002\u2002${accountName(line, lang)}` : accountName(line, lang);
    rows.add([withDigits(line.code, digits), name, money(line.amount, currency, digits)], line.isGroup);
  }
  rows.add(['', totalLabel, money(section.total, currency, digits)], true);
}

export async function balanceSheetPdf(
  db: Kysely<Database>,
  options: ReportOptions & { asOf: string },
): Promise<Buffer> {
  const sheet = await balanceSheet(db, options.asOf);
  const t = TEXT[options.lang];
  const subtitle = asOfSubtitle(options.asOf, options.lang);
  return renderFramed(db, options, t.sheet.title, subtitle, (context) => {
    const { lang, digits } = context;
    const blocks: Block[] = [];
    for (const c of sheet.currencies) {
      const m = (amount: number) => money(amount, c.currency, digits);
      const rows = new Rows();
      addSection(rows, c.assets, t.sheet.assets, t.sheet.totalAssets, c.currency, context);
      addSection(rows, c.liabilities, t.sheet.liabilities, t.sheet.totalLiabilities, c.currency, context);
      addSection(rows, c.equity, t.sheet.equity, t.sheet.totalEquity, c.currency, context);
      rows.add(['', t.sheet.surplus, m(c.surplus)], true);
      rows.add(['', t.sheet.totalRight, m(c.liabilities.total + c.equity.total + c.surplus)], true);
      blocks.push(currencyHeading(c.currency, lang), {
        ...rows.table(STATEMENT_COLUMNS, [t.code, t.account, t.amount]),
        after: 4,
      });
      blocks.push({
        kind: 'paragraph',
        text: t.sheet.equation(m(c.assets.total), m(c.liabilities.total), m(c.equity.total), m(c.surplus)),
        size: 10,
        bold: true,
        after: c.difference === 0 ? 12 : 2,
      });
      if (c.difference !== 0) {
        blocks.push({ kind: 'paragraph', text: t.sheet.difference(m(c.difference)), size: 10, after: 12 });
      }
    }
    return blocks.length > 0 ? blocks : [nothing(lang)];
  });
}

export async function incomeStatementPdf(
  db: Kysely<Database>,
  options: ReportOptions & { from: string; to: string },
): Promise<Buffer> {
  const statement = await incomeStatement(db, options.from, options.to);
  const t = TEXT[options.lang];
  const subtitle = periodSubtitle(options.from, options.to, options.lang);
  return renderFramed(db, options, t.income.title, subtitle, (context) => {
    const { lang, digits } = context;
    const blocks: Block[] = [];
    for (const c of statement.currencies) {
      const rows = new Rows();
      addSection(rows, c.income, t.income.income, t.income.totalIncome, c.currency, context);
      addSection(rows, c.expenses, t.income.expenses, t.income.totalExpenses, c.currency, context);
      rows.add(['', t.income.surplus, money(c.surplus, c.currency, digits)], true);
      blocks.push(
        currencyHeading(c.currency, lang),
        rows.table(STATEMENT_COLUMNS, [t.code, t.account, t.amount]),
      );
    }
    return blocks.length > 0 ? blocks : [nothing(lang)];
  });
}

// ---------------------------------------------------------------------------------------------------------
// Cash book.

const CASH_COLUMNS: Column[] = [
  { width: 70, fit: true },
  { width: 58, fit: true },
  { width: BODY_WIDTH - 70 - 58 - 3 * 78 },
  { width: 78, align: 'right', fit: true },
  { width: 78, align: 'right', fit: true },
  { width: 78, align: 'right', fit: true },
];

function cashBookBlocks(book: CashBook, { lang, digits }: ReportContext): Block[] {
  const t = TEXT[lang].cash;
  const m = (amount: number) => money(amount, book.currency, digits);
  const rows = new Rows();
  rows.add([formatDateTable(book.from, digits), '', t.opening, '', '', m(book.opening)], true);
  for (const day of book.days) {
    for (const row of day.rows) {
      const member =
        row.memberNumber === null
          ? ''
          : ` (${t.member} ${withDigits(String(row.memberNumber), digits)}${row.memberNameKm ? ` ${row.memberNameKm}` : ''})`;
      rows.add([
        formatDateTable(row.date, digits),
        row.number ?? '',
        `${row.memo === '' ? row.kind : row.memo}${member}`,
        row.amount > 0 ? m(row.amount) : '',
        row.amount < 0 ? m(-row.amount) : '',
        m(row.balance),
      ]);
    }
    rows.add(
      [formatDateTable(day.date, digits), '', t.day, m(day.receipts), m(day.payments), m(day.closing)],
      true,
    );
  }
  rows.add([formatDateTable(book.to, digits), '', t.closing, '', '', m(book.closing)], true);
  return [currencyHeading(book.currency, lang), rows.table(CASH_COLUMNS, [...t.header])];
}

export async function cashBookPdf(
  db: Kysely<Database>,
  options: ReportOptions & { from: string; to: string; currency?: Currency },
): Promise<Buffer> {
  const currencies = options.currency === undefined ? CURRENCIES : [options.currency];
  const books: CashBook[] = [];
  for (const currency of currencies) books.push(await cashBook(db, currency, options.from, options.to));
  const t = TEXT[options.lang];
  const subtitle = periodSubtitle(options.from, options.to, options.lang);
  return renderFramed(db, options, t.cash.title, subtitle, (context) =>
    books.flatMap((book) => cashBookBlocks(book, context)),
  );
}
