// The monthly board statement (SPEC 2.9) as a printed report: membership, share capital, savings, cash and
// bank, income and expenses for the month and the year to date, the balance sheet in brief, and a 12-month
// chart of savings and share capital. The figures are board-data.ts's; this file only sets them out.

import type { Kysely } from 'kysely';
import {
  type Currency,
  type Digits,
  formatDateText,
  formatNumber,
  monthName,
  withDigits,
} from '../../shared/khmer';
import { currencySchema } from '../../shared/ledger';
import type { Database } from '../db/schema';
import {
  type BoardCash,
  type BoardIncomeSection,
  type BoardSavings,
  type BoardStatement,
  boardStatement,
} from './board-data';
import { money, type ReportContext, type ReportOptions, Rows, renderFramed } from './common';
import type { Lang } from './frame';
import { type Block, BODY_WIDTH, type Chart, type Column } from './layout';

const CURRENCIES: readonly Currency[] = currencySchema.options;

const TEXT = {
  km: {
    title: 'របាយការណ៍ប្រចាំខែជូនក្រុមប្រឹក្សាភិបាល',
    month: (name: string, year: string) => `ខែ${name} ឆ្នាំ${year}`,
    nothing: 'គ្មាន',
    currency: { KHR: 'ប្រាក់រៀល (KHR)', USD: 'ប្រាក់ដុល្លារ (USD)' },
    members: {
      title: 'សមាជិកភាព',
      header: ['', 'សមាជិក', 'ក្នុងនោះស្ត្រី'],
      opening: 'សមាជិកដើមខែ',
      joined: 'សមាជិកថ្មី',
      left: 'បានចាកចេញ',
      deceased: 'បានទទួលមរណភាព',
      closing: 'សមាជិកចុងខែ',
    },
    shares: {
      title: 'ដើមទុនភាគហ៊ុន',
      header: ['', 'ចំនួនហ៊ុន', 'ដើមទុនភាគហ៊ុន'],
      opening: 'សមតុល្យដើមខែ',
      bought: 'ទិញភាគហ៊ុន',
      transferred: 'ផ្ទេររវាងសមាជិក (សរុបមិនប្រែប្រួល)',
      redeemed: 'ដកភាគហ៊ុនវិញ',
      other: 'ផ្សេងៗ',
      closing: 'សមតុល្យចុងខែ',
      par: (par: string) => `តម្លៃភាគហ៊ុនមួយ ${par}`,
    },
    savings: {
      title: 'ប្រាក់សន្សំសមាជិក សាច់ប្រាក់ និងប្រាក់នៅធនាគារ',
      opening: 'សមតុល្យដើមខែ',
      deposits: 'ដាក់ប្រាក់',
      withdrawals: 'ដកប្រាក់',
      interest: 'ការប្រាក់',
      other: 'ផ្សេងៗ',
      closing: 'សមតុល្យចុងខែ',
    },
    cash: {
      heading: (date: string) => `សាច់ប្រាក់ និងប្រាក់នៅធនាគារ គិតត្រឹម${date}`,
      cash: 'សាច់ប្រាក់ក្នុងដៃ',
      bank: 'ប្រាក់នៅធនាគារ',
      total: 'សរុប',
    },
    income: {
      title: 'ចំណូល និងចំណាយ',
      header: ['លេខកូដ', '', 'ខែនេះ', 'ពីដើមឆ្នាំ'],
      periods: (month: string, year: string) => `ខែនេះ៖ ${month} · ពីដើមឆ្នាំ៖ ${year}`,
      period: (from: string, to: string) => `ពី${from} ដល់${to}`,
      income: 'ចំណូល',
      expenses: 'ចំណាយ',
      totalIncome: 'សរុបចំណូល',
      totalExpenses: 'សរុបចំណាយ',
      surplus: 'ប្រាក់ចំណេញ (ខាត)',
    },
    balance: {
      title: 'សង្ខេបតារាងតុល្យការ',
      assets: 'សរុបទ្រព្យសកម្ម',
      liabilities: 'សរុបបំណុល',
      equity: 'សរុបមូលធន',
      surplus: 'ប្រាក់ចំណេញ (ខាត) មិនទាន់បែងចែក',
      right: 'សរុបបំណុល មូលធន និងប្រាក់ចំណេញ',
      difference: 'លម្អៀង (តារាងមិនស្មើគ្នា)',
    },
    inputs: {
      title: 'អាជីវកម្មធាតុចូលកសិកម្ម',
      header: ['', 'ខែនេះ', 'ពីដើមឆ្នាំ'],
      purchases: 'ទិញធាតុចូលពីអ្នកផ្គត់ផ្គង់',
      sales: 'លក់ឱ្យសមាជិក',
      creditSales: 'ក្នុងនោះលក់ជាឥណទាន',
      charges: 'កម្រៃ និងការប្រាក់លើឥណទាន',
      cost: 'ថ្លៃដើមធាតុចូលដែលបានលក់',
      margin: 'ចំណេញដុលពីការលក់',
      repayments: 'ការសងឥណទានធាតុចូល',
      position: (date: string) => `គិតត្រឹម${date}`,
      outstanding: (n: string) => `ឥណទានធាតុចូលនៅជំពាក់ (សមាជិក ${n} នាក់)`,
      overdue: 'ក្នុងនោះហួសកាលកំណត់',
      overdue90: 'ក្នុងនោះហួសកាលកំណត់លើស ៩០ ថ្ងៃ',
      stock: 'តម្លៃស្តុកនៅសល់',
      suppliers: 'ជំពាក់អ្នកផ្គត់ផ្គង់',
    },
    atEnd: (date: string) => `គិតត្រឹម${date}`,
    trend: {
      title: 'និន្នាការ ១២ ខែ',
      savings: 'ប្រាក់សន្សំ (ប្រាក់រៀល)',
      capital: 'ដើមទុនភាគហ៊ុន',
      units: { 1: 'រៀល', 1000: 'ពាន់រៀល', 1000000: 'លានរៀល' } as Record<number, string>,
      note: 'តួលេខនៅចុងខែនីមួយៗ',
    },
  },
  en: {
    title: 'Monthly board statement',
    month: (name: string, year: string) => `${name} ${year}`,
    nothing: 'None',
    currency: { KHR: 'Riel (KHR)', USD: 'US dollars (USD)' },
    members: {
      title: 'Membership',
      header: ['', 'Members', 'of whom women'],
      opening: 'Members at the start of the month',
      joined: 'New members',
      left: 'Left',
      deceased: 'Deceased',
      closing: 'Members at the end of the month',
    },
    shares: {
      title: 'Share capital',
      header: ['', 'Shares', 'Share capital'],
      opening: 'Opening balance',
      bought: 'Shares bought',
      transferred: 'Transferred between members (no change to the total)',
      redeemed: 'Shares redeemed',
      other: 'Other',
      closing: 'Closing balance',
      par: (par: string) => `Par value of a share: ${par}`,
    },
    savings: {
      title: 'Members’ savings, cash and bank',
      opening: 'Opening balance',
      deposits: 'Deposits',
      withdrawals: 'Withdrawals',
      interest: 'Interest',
      other: 'Other',
      closing: 'Closing balance',
    },
    cash: {
      heading: (date: string) => `Cash and bank as of ${date}`,
      cash: 'Cash on hand',
      bank: 'Bank',
      total: 'Total',
    },
    income: {
      title: 'Income and expenses',
      header: ['Code', '', 'This month', 'Year to date'],
      periods: (month: string, year: string) => `This month: ${month} · Year to date: ${year}`,
      period: (from: string, to: string) => `${from} to ${to}`,
      income: 'Income',
      expenses: 'Expenses',
      totalIncome: 'Total income',
      totalExpenses: 'Total expenses',
      surplus: 'Surplus (deficit)',
    },
    balance: {
      title: 'Balance sheet in brief',
      assets: 'Total assets',
      liabilities: 'Total liabilities',
      equity: 'Total equity',
      surplus: 'Surplus (income less expenses)',
      right: 'Total liabilities, equity and surplus',
      difference: 'Difference (the sheet does not balance)',
    },
    inputs: {
      title: 'Farm inputs business',
      header: ['', 'This month', 'Year to date'],
      purchases: 'Bought from suppliers',
      sales: 'Sold to members',
      creditSales: 'of which on credit',
      charges: 'Fees and interest on credit',
      cost: 'Cost of inputs sold',
      margin: 'Gross margin on sales',
      repayments: 'Input credit repaid',
      position: (date: string) => `As of ${date}`,
      outstanding: (n: string) => `Input credit outstanding (${n} members)`,
      overdue: 'of which overdue',
      overdue90: 'of which over 90 days overdue',
      stock: 'Stock on hand, at cost',
      suppliers: 'Owed to suppliers',
    },
    atEnd: (date: string) => `As of ${date}`,
    trend: {
      title: '12-month trend',
      savings: 'Savings (riel)',
      capital: 'Share capital',
      units: { 1: 'riel', 1000: 'thousand riel', 1000000: 'million riel' } as Record<number, string>,
      note: 'Figures at the end of each month',
    },
  },
} as const;

/** The colours of the chart: savings in blue, share capital in amber. */
const COLORS = { savings: '#2f6f9f', capital: '#e0a030' } as const;

const VALUE_WIDTH = 125;
const CODE_WIDTH = 45;

/** A label column and `n` amount columns, filling the width of the page. */
const columns = (n: number): Column[] => [
  { width: BODY_WIDTH - n * VALUE_WIDTH },
  ...Array.from({ length: n }, () => ({ width: VALUE_WIDTH, align: 'right' as const, fit: true })),
];

/** A count, in brackets when it is taken off (as amounts are). */
const count = (n: number, digits: Digits) =>
  n < 0 ? `(${formatNumber(-n, digits)})` : formatNumber(n, digits);

const monthTitle = (month: string, lang: Lang) =>
  TEXT[lang].month(monthName(Number(month.slice(5, 7)), lang), month.slice(0, 4));

function heading(number: number, title: string, digits: Digits, note?: string): Block[] {
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `${withDigits(String(number), digits)}. ${title}`,
      size: 11,
      bold: true,
      after: note ? 0 : 3,
    },
  ];
  if (note) blocks.push({ kind: 'paragraph', text: note, size: 8.5, after: 3 });
  return blocks;
}

function membershipBlocks(s: BoardStatement, { lang, digits }: ReportContext): Block[] {
  const t = TEXT[lang].members;
  const m = s.membership;
  const rows = new Rows();
  const add = (label: string, c: { members: number; women: number }, bold = false) =>
    rows.add([label, formatNumber(c.members, digits), formatNumber(c.women, digits)], bold);
  add(t.opening, m.opening);
  add(t.joined, m.joined);
  add(t.left, m.left);
  add(t.deceased, m.deceased);
  add(t.closing, m.closing, true);
  return [{ ...rows.table(columns(2), [...t.header]), keepTogether: true }];
}

function sharesBlocks(s: BoardStatement, { lang, digits }: ReportContext): Block[] {
  const t = TEXT[lang].shares;
  const sh = s.shares;
  const rows = new Rows();
  const add = (label: string, f: { shares: number; capital: number }, sign = 1, bold = false) =>
    rows.add([label, count(sign * f.shares, digits), money(sign * f.capital, 'KHR', digits)], bold);
  add(t.opening, sh.opening);
  add(t.bought, sh.bought);
  if (sh.transferred.shares !== 0 || sh.transferred.capital !== 0) add(t.transferred, sh.transferred);
  add(t.redeemed, sh.redeemed, -1);
  if (sh.other.shares !== 0 || sh.other.capital !== 0) add(t.other, sh.other);
  add(t.closing, sh.closing, 1, true);
  // The par value sits in the header's empty first cell: shares × par = capital.
  const [, ...header] = t.header;
  return [
    { ...rows.table(columns(2), [t.par(money(sh.par, 'KHR', digits)), ...header]), keepTogether: true },
  ];
}

/**
 * What members hold in savings and the money that stands against it, side by side per currency: the
 * month's savings movement, then cash on hand and in the bank at the month end.
 */
function savingsBlocks(s: BoardStatement, { lang, digits }: ReportContext): Block[] {
  const t = TEXT[lang].savings;
  const currencies = CURRENCIES.filter(
    (c) => s.savings.some((x) => x.currency === c) || s.cash.some((x) => x.currency === c),
  );
  if (currencies.length === 0) return [{ kind: 'paragraph', text: TEXT[lang].nothing, size: 10, after: 10 }];
  const rows = new Rows();
  const savingsRow = (label: string, pick: (c: BoardSavings) => number, bold = false) => {
    const cells = currencies.map((currency) => {
      const c = s.savings.find((x) => x.currency === currency);
      return c ? money(pick(c), currency, digits) : '';
    });
    rows.add([label, ...cells], bold);
  };
  if (s.savings.length > 0) {
    savingsRow(t.opening, (c) => c.opening);
    savingsRow(t.deposits, (c) => c.deposits);
    savingsRow(t.withdrawals, (c) => -c.withdrawals);
    savingsRow(t.interest, (c) => c.interest);
    if (s.savings.some((c) => c.other !== 0)) savingsRow(t.other, (c) => c.other);
    savingsRow(t.closing, (c) => c.closing, true);
  }
  if (s.cash.length > 0) {
    const c = TEXT[lang].cash;
    const cashRow = (label: string, pick: (c: BoardCash) => number, bold = false) => {
      const cells = currencies.map((currency) => {
        const x = s.cash.find((y) => y.currency === currency);
        return x ? money(pick(x), currency, digits) : '';
      });
      rows.add([label, ...cells], bold);
    };
    rows.add([c.heading(formatDateText(s.to, lang, digits)), ...currencies.map(() => '')], true);
    cashRow(c.cash, (x) => x.cash);
    cashRow(c.bank, (x) => x.bank);
    cashRow(c.total, (x) => x.total, true);
  }
  const header = ['', ...currencies.map((c) => TEXT[lang].currency[c])];
  return [{ ...rows.table(columns(currencies.length), header), keepTogether: true }];
}

/** Purchases, distribution, credit outstanding and overdue, stock and what is owed to suppliers. */
function inputsBlocks(s: BoardStatement, { lang, digits }: ReportContext): Block[] {
  const t = TEXT[lang].inputs;
  const f = s.inputs;
  if (!f) return [];
  const rows = new Rows();
  const riel = (n: number) => money(n, 'KHR', digits);
  const flow = (label: string, figure: { month: number; yearToDate: number }, bold = false) =>
    rows.add([label, riel(figure.month), riel(figure.yearToDate)], bold);
  flow(t.purchases, f.purchases);
  flow(t.sales, f.sales, true);
  flow(t.creditSales, f.creditSales);
  flow(t.charges, f.charges);
  flow(t.cost, { month: -f.cost.month, yearToDate: -f.cost.yearToDate });
  flow(
    t.margin,
    { month: f.sales.month - f.cost.month, yearToDate: f.sales.yearToDate - f.cost.yearToDate },
    true,
  );
  flow(t.repayments, f.repayments);
  rows.add([t.position(formatDateText(s.to, lang, digits)), '', ''], true);
  const position = (label: string, amount: number, bold = false) => rows.add([label, '', riel(amount)], bold);
  position(t.outstanding(formatNumber(f.debtors, digits)), f.creditOutstanding, true);
  position(t.overdue, f.overdue);
  position(t.overdue90, f.overdue90);
  position(t.stock, f.stockValue);
  position(t.suppliers, f.owedToSuppliers);
  return [{ ...rows.table(columns(2), [...t.header]), keepTogether: true }];
}

const INCOME_COLUMNS: Column[] = [
  { width: CODE_WIDTH, fit: true },
  { width: BODY_WIDTH - CODE_WIDTH - 2 * VALUE_WIDTH },
  { width: VALUE_WIDTH, align: 'right', fit: true },
  { width: VALUE_WIDTH, align: 'right', fit: true },
];

function incomeBlocks(s: BoardStatement, { lang, digits }: ReportContext): Block[] {
  const t = TEXT[lang].income;
  if (s.income.length === 0) return [{ kind: 'paragraph', text: TEXT[lang].nothing, size: 10, after: 10 }];
  const blocks: Block[] = [];
  for (const c of s.income) {
    const m = (amount: number) => money(amount, c.currency, digits);
    const rows = new Rows();
    const section = (title: string, section: BoardIncomeSection, total: string) => {
      // Nothing to show (no dollar income at all, say): the surplus line says it all.
      if (section.lines.length === 0 && section.month === 0 && section.yearToDate === 0) return;
      rows.add(['', title, '', ''], true);
      // A section made of one group (the default chart's "Income", "Expenses") would repeat its total on
      // the group's line: then only the accounts are shown, under the section's own heading.
      const single = section.lines.filter((line) => line.depth === 0).length === 1;
      for (const line of section.lines) {
        if (single && line.isGroup) continue;
        const name = lang === 'km' ? line.nameKm : line.nameEn;
        const indent = line.depth > 0 && !single ? '\u2002\u2002' : '';
        rows.add(
          [withDigits(line.code, digits), `${indent}${name}`, m(line.month), m(line.yearToDate)],
          line.isGroup,
        );
      }
      rows.add(['', total, m(section.month), m(section.yearToDate)], true);
    };
    section(t.income, c.income, t.totalIncome);
    section(t.expenses, c.expenses, t.totalExpenses);
    rows.add(['', t.surplus, m(c.surplus.month), m(c.surplus.yearToDate)], true);
    // The currency names the account column, so that no heading can be left behind at a page's foot.
    const [code, , ...periods] = t.header;
    const header = [code ?? '', TEXT[lang].currency[c.currency], ...periods];
    blocks.push({ ...rows.table(INCOME_COLUMNS, header), keepTogether: true });
  }
  return blocks;
}

function balanceBlocks(s: BoardStatement, { lang, digits }: ReportContext): Block[] {
  const t = TEXT[lang].balance;
  if (s.balance.length === 0) return [{ kind: 'paragraph', text: TEXT[lang].nothing, size: 10, after: 10 }];
  const rows = new Rows();
  const add = (label: string, pick: (c: (typeof s.balance)[number]) => number, bold = false) =>
    rows.add([label, ...s.balance.map((c) => money(pick(c), c.currency, digits))], bold);
  add(t.assets, (c) => c.assets, true);
  add(t.liabilities, (c) => c.liabilities);
  add(t.equity, (c) => c.equity);
  add(t.surplus, (c) => c.surplus);
  add(t.right, (c) => c.liabilities + c.equity + c.surplus, true);
  if (s.balance.some((c) => c.difference !== 0)) add(t.difference, (c) => c.difference, true);
  const header = ['', ...s.balance.map((c) => TEXT[lang].currency[c.currency])];
  return [{ ...rows.table(columns(s.balance.length), header), keepTogether: true }];
}

/** The riel unit the chart's axis counts in: millions for large books, thousands for small ones. */
function chartUnit(values: readonly number[]): number {
  const max = Math.max(0, ...values.map((v) => Math.abs(v)));
  if (max >= 100_000_000) return 1_000_000;
  if (max >= 100_000) return 1_000;
  return 1;
}

function trendChart(s: BoardStatement, { lang, digits }: ReportContext, title: string): Chart {
  const t = TEXT[lang].trend;
  const savings = s.trend.map((p) => p.savingsKhr);
  const capital = s.trend.map((p) => p.shareCapital);
  const unit = chartUnit([...savings, ...capital]);
  const labels = s.trend.map((p, i) => {
    const m = Number(p.month.slice(5, 7));
    const name = lang === 'km' ? monthName(m, 'km') : monthName(m, 'en').slice(0, 3);
    // The year under the first month and under every January.
    return i === 0 || m === 1 ? `${name}\n${withDigits(p.month.slice(0, 4), digits)}` : name;
  });
  return {
    kind: 'chart',
    title,
    height: 240,
    labels,
    series: [
      { label: t.savings, color: COLORS.savings, values: savings },
      { label: t.capital, color: COLORS.capital, values: capital },
    ],
    format: (n) => formatNumber(Math.round(n / unit), digits),
    unit: `${t.units[unit] ?? ''} · ${t.note}`,
    size: 8,
    after: 8,
  };
}

/** The board statement of `month` (YYYY-MM) as a PDF. */
export async function boardStatementPdf(
  db: Kysely<Database>,
  options: ReportOptions & { month: string },
): Promise<Buffer> {
  const statement = await boardStatement(db, options.month);
  const t = TEXT[options.lang];
  return renderFramed(db, options, t.title, monthTitle(options.month, options.lang), (context) => {
    const { lang, digits } = context;
    const date = (iso: string) => formatDateText(iso, lang, digits);
    const atEnd = t.atEnd(date(statement.to));
    const periods = t.income.periods(
      t.income.period(date(statement.from), date(statement.to)),
      t.income.period(date(statement.yearFrom), date(statement.to)),
    );
    return [
      ...heading(1, t.members.title, digits),
      ...membershipBlocks(statement, context),
      ...heading(2, t.shares.title, digits),
      ...sharesBlocks(statement, context),
      ...heading(3, t.savings.title, digits),
      ...savingsBlocks(statement, context),
      // Sections 1 to 3 fill the first page (at most ~720 of its ~735 points), which never leaves room for
      // the income table's heading, header and first line together: it starts the second page.
      { kind: 'pageBreak' },
      // Numbered in order whether or not the cooperative has an inputs business to show.
      ...(statement.inputs
        ? [...heading(4, t.inputs.title, digits), ...inputsBlocks(statement, context)]
        : []),
      ...heading(statement.inputs ? 5 : 4, t.income.title, digits, periods),
      ...incomeBlocks(statement, context),
      ...heading(statement.inputs ? 6 : 5, t.balance.title, digits, atEnd),
      ...balanceBlocks(statement, context),
      trendChart(statement, context, `${withDigits(statement.inputs ? '7' : '6', digits)}. ${t.trend.title}`),
    ];
  });
}
