// The farm-inputs reports: stock on hand at a date, input sales for a period, and the input credit aging
// per member, read from the same functions the inputs screens use (main/inputs/*).

import type { Kysely } from 'kysely';
import {
  AGING_BUCKETS,
  type AgingAmounts,
  formatQuantity,
  type InputUnit,
  UNIT_WORDS,
} from '../../shared/inputs';
import { type Digits, formatDateTable, formatNumber, withDigits } from '../../shared/khmer';
import type { Database } from '../db/schema';
import { creditAging } from '../inputs/credit';
import { inputSalesReport } from '../inputs/sales-report';
import { stockOnHand } from '../inputs/stock';
import { asOfSubtitle, money, periodSubtitle, type ReportOptions, Rows, renderFramed } from './common';
import type { Lang } from './frame';
import { type Block, BODY_WIDTH, type Column } from './layout';

const TEXT = {
  km: {
    stockTitle: 'របាយការណ៍ស្តុកធាតុចូលកសិកម្ម',
    stockHeader: ['ធាតុចូល', 'ឯកតា', 'បរិមាណ', 'ថ្លៃដើមមធ្យម', 'តម្លៃស្តុក'],
    stockLedger: (amount: string) => `សមតុល្យគណនីស្តុកក្នុងសៀវភៅធំ៖ ${amount}`,
    salesTitle: 'របាយការណ៍លក់ធាតុចូលកសិកម្ម',
    salesHeader: ['កាលបរិច្ឆេទ', 'លេខ', 'សមាជិក', 'ធាតុចូល', 'លក់ជា', 'ទំនិញ', 'កម្រៃ/ការប្រាក់'],
    itemsHeading: 'សរុបតាមធាតុចូល',
    itemsHeader: ['ធាតុចូល', 'ឯកតា', 'បរិមាណលក់', 'ចំណូលលក់', 'ថ្លៃដើម', 'ចំណេញដុល'],
    salesHeading: 'ការលក់នីមួយៗ',
    cash: 'សាច់ប្រាក់',
    credit: 'ឥណទាន',
    salesSummary: (cash: string, credit: string) => `លក់ជាសាច់ប្រាក់៖ ${cash} · លក់ជាឥណទាន (រួមទាំងកម្រៃ)៖ ${credit}`,
    agingTitle: 'របាយការណ៍អាយុកាលឥណទានធាតុចូល',
    agingHeader: ['លេខ', 'ឈ្មោះ', 'ភូមិ', 'មិនទាន់ដល់កាលកំណត់', '១–៣០ ថ្ងៃ', '៣១–៩០ ថ្ងៃ', 'លើស ៩០ ថ្ងៃ', 'សរុប'],
    agingSummary: (n: string, overdue: string) => `សមាជិកជំពាក់ ${n} នាក់ · ហួសកាលកំណត់សរុប៖ ${overdue}`,
    total: 'សរុប',
    empty: 'គ្មានទិន្នន័យសម្រាប់រយៈពេលនេះទេ',
  },
  en: {
    stockTitle: 'Farm input stock on hand',
    stockHeader: ['Item', 'Unit', 'Quantity', 'Average cost', 'Stock value'],
    stockLedger: (amount: string) => `Stock accounts in the general ledger: ${amount}`,
    salesTitle: 'Farm input sales',
    salesHeader: ['Date', 'No.', 'Member', 'Items', 'Paid', 'Goods', 'Fee/interest'],
    itemsHeading: 'By item',
    itemsHeader: ['Item', 'Unit', 'Quantity sold', 'Sales', 'Cost', 'Gross margin'],
    salesHeading: 'Each sale',
    cash: 'Cash',
    credit: 'Credit',
    salesSummary: (cash: string, credit: string) =>
      `Sold for cash: ${cash} · on credit (with charges): ${credit}`,
    agingTitle: 'Input credit aging',
    agingHeader: [
      'No.',
      'Name',
      'Village',
      'Not yet due',
      '1–30 days',
      '31–90 days',
      'Over 90 days',
      'Total',
    ],
    agingSummary: (n: string, overdue: string) => `${n} members owe · overdue in all: ${overdue}`,
    total: 'Total',
    empty: 'Nothing for this period',
  },
} as const;

const unitWord = (unit: InputUnit, lang: Lang) => UNIT_WORDS[lang][unit];
const riel = (amount: number, digits: Digits) => money(amount, 'KHR', digits);

const STOCK_COLUMNS: Column[] = [
  { width: BODY_WIDTH - 80 - 80 - 90 - 100 },
  { width: 80 },
  { width: 80, align: 'right', fit: true },
  { width: 90, align: 'right', fit: true },
  { width: 100, align: 'right', fit: true },
];

export async function stockPdf(db: Kysely<Database>, options: ReportOptions & { asOf: string }) {
  const stock = await stockOnHand(db, options.asOf);
  const t = TEXT[options.lang];
  return renderFramed(
    db,
    options,
    t.stockTitle,
    asOfSubtitle(options.asOf, options.lang),
    ({ lang, digits }) => {
      if (stock.rows.length === 0) return [{ kind: 'paragraph', text: t.empty, size: 10 }];
      const rows = new Rows();
      for (const row of stock.rows) {
        rows.add([
          lang === 'en' && row.nameLatin ? row.nameLatin : row.nameKm,
          unitWord(row.unit, lang),
          formatQuantity(row.quantity, digits),
          riel(row.averageCost, digits),
          riel(row.value, digits),
        ]);
      }
      rows.add([t.total, '', '', '', riel(stock.totalValue, digits)], true);
      return [
        rows.table(STOCK_COLUMNS, [...t.stockHeader]),
        { kind: 'paragraph', text: t.stockLedger(riel(stock.ledgerValue, digits)), size: 9 },
      ];
    },
  );
}

const ITEM_COLUMNS: Column[] = [
  { width: BODY_WIDTH - 70 - 70 - 85 - 85 - 85 },
  { width: 70 },
  { width: 70, align: 'right', fit: true },
  { width: 85, align: 'right', fit: true },
  { width: 85, align: 'right', fit: true },
  { width: 85, align: 'right', fit: true },
];

const SALE_COLUMNS: Column[] = [
  { width: 58, fit: true },
  { width: 62, fit: true },
  { width: 90 },
  { width: BODY_WIDTH - 58 - 62 - 90 - 45 - 70 - 60 },
  { width: 45 },
  { width: 70, align: 'right', fit: true },
  { width: 60, align: 'right', fit: true },
];

export async function inputSalesPdf(
  db: Kysely<Database>,
  options: ReportOptions & { from: string; to: string },
) {
  const report = await inputSalesReport(db, options.from, options.to);
  const t = TEXT[options.lang];
  const subtitle = periodSubtitle(options.from, options.to, options.lang);
  return renderFramed(db, options, t.salesTitle, subtitle, ({ lang, digits }): Block[] => {
    if (report.rows.length === 0) return [{ kind: 'paragraph', text: t.empty, size: 10 }];
    const items = new Rows();
    for (const item of report.items) {
      items.add([
        lang === 'en' && item.nameLatin ? item.nameLatin : item.nameKm,
        unitWord(item.unit, lang),
        formatQuantity(item.quantity, digits),
        riel(item.sales, digits),
        riel(item.cost, digits),
        riel(item.sales - item.cost, digits),
      ]);
    }
    const sales = report.items.reduce((sum, i) => sum + i.sales, 0);
    items.add(
      [
        t.total,
        '',
        '',
        riel(sales, digits),
        riel(report.totals.cost, digits),
        riel(sales - report.totals.cost, digits),
      ],
      true,
    );
    const each = new Rows();
    for (const row of report.rows) {
      each.add([
        formatDateTable(row.date, digits),
        withDigits(row.number, digits),
        `${withDigits(String(row.memberNumber), digits)} ${row.memberNameKm}`,
        row.lines
          .map(
            (l) =>
              `${lang === 'en' && l.itemNameLatin ? l.itemNameLatin : l.itemNameKm} × ${formatQuantity(l.quantity, digits)}`,
          )
          .join(', '),
        row.payment === 'cash' ? t.cash : t.credit,
        riel(row.goods, digits),
        row.charge === 0 ? '' : riel(row.charge, digits),
      ]);
    }
    each.add(
      [
        '',
        '',
        t.total,
        '',
        '',
        riel(report.totals.goods, digits),
        riel(report.totals.charge, digits),
        riel(report.totals.cost, digits),
      ],
      true,
    );
    return [
      {
        kind: 'paragraph',
        text: t.salesSummary(riel(report.totals.cash, digits), riel(report.totals.credit, digits)),
        size: 10,
        after: 6,
      },
      { kind: 'paragraph', text: t.itemsHeading, bold: true, size: 11, after: 4 },
      items.table(ITEM_COLUMNS, [...t.itemsHeader]),
      { kind: 'paragraph', text: t.salesHeading, bold: true, size: 11, after: 4 },
      each.table(SALE_COLUMNS, [...t.salesHeader]),
    ];
  });
}

const AGING_COLUMNS: Column[] = [
  { width: 34, align: 'right', fit: true },
  { width: 110 },
  { width: BODY_WIDTH - 34 - 110 - 5 * 66 },
  { width: 66, align: 'right', fit: true },
  { width: 66, align: 'right', fit: true },
  { width: 66, align: 'right', fit: true },
  { width: 66, align: 'right', fit: true },
  { width: 66, align: 'right', fit: true },
];

/** A member's row leaves an empty bucket blank, so that what is overdue stands out; the totals show every figure. */
const bucketCells = (amounts: AgingAmounts, digits: Digits, blankZero = true) =>
  [...AGING_BUCKETS, 'total' as const].map((bucket) =>
    blankZero && amounts[bucket] === 0 ? '' : riel(amounts[bucket], digits),
  );

export async function creditAgingPdf(db: Kysely<Database>, options: ReportOptions & { asOf: string }) {
  const aging = await creditAging(db, options.asOf);
  const t = TEXT[options.lang];
  return renderFramed(
    db,
    options,
    t.agingTitle,
    asOfSubtitle(options.asOf, options.lang),
    ({ digits }): Block[] => {
      const overdue = aging.totals.total - aging.totals.current;
      const summary: Block = {
        kind: 'paragraph',
        text: t.agingSummary(formatNumber(aging.rows.length, digits), riel(overdue, digits)),
        size: 10,
        after: 6,
      };
      if (aging.rows.length === 0) return [summary];
      const rows = new Rows();
      for (const row of aging.rows) {
        rows.add([
          withDigits(String(row.memberNumber), digits),
          row.nameKm,
          row.village,
          ...bucketCells(row, digits),
        ]);
      }
      rows.add(['', t.total, '', ...bucketCells(aging.totals, digits, false)], true);
      return [summary, rows.table(AGING_COLUMNS, [...t.agingHeader])];
    },
  );
}
