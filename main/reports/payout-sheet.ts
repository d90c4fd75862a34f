// The payout sheet of a collective sale: one row per member who delivered, with what the payout posted
// (or, before the payout, what it would post), who has collected their cash, and a column wide and tall
// enough to sign or press a thumb. Its totals are the posted figures.

import type { Kysely } from 'kysely';
import { formatQuantity } from '../../shared/inputs';
import { type Digits, formatDateTable, formatDateText, formatNumber, withDigits } from '../../shared/khmer';
import type { PayoutSheet } from '../../shared/sales';
import type { Database } from '../db/schema';
import { getCampaign } from '../sales/campaigns';
import { payoutSheet } from '../sales/payout';
import { money, type ReportOptions, Rows, renderFramed } from './common';
import type { Lang } from './frame';
import type { Block, Column } from './layout';

const TEXT = {
  km: {
    title: 'បញ្ជីបើកប្រាក់ការលក់រួម',
    header: ['លេខ', 'ឈ្មោះ', 'គ.ក សុទ្ធ', 'សរុប', 'កម្រៃ', 'ឥណទាន', 'ត្រូវបើក', 'ហត្ថលេខា/ស្នាមមេដៃ'],
    subtitle: (campaign: string, buyer: string, date: string) =>
      `${campaign} · អ្នកទិញ៖ ${buyer} · ថ្ងៃបើកប្រាក់ ${date}`,
    draft: 'សេចក្តីព្រាង៖ មិនទាន់បានកត់ត្រាការបើកប្រាក់ទេ',
    summary: (members: string, kg: string, proceeds: string) =>
      `សមាជិក ${members} នាក់ · ទម្ងន់សុទ្ធ ${kg} គ.ក · ប្រាក់លក់សុទ្ធ (ក្រោយការកាត់របស់អ្នកទិញ និងចំណាយរួម)៖ ${proceeds}`,
    uncollected: (amount: string) => `នៅមិនទាន់បើកជាសាច់ប្រាក់៖ ${amount}`,
    savings: 'ដាក់ចូលគណនីសន្សំ',
    paid: (date: string) => `បានបើក ${date}`,
    total: 'សរុប',
  },
  en: {
    title: 'Collective sale payout sheet',
    header: ['No.', 'Member', 'Net kg', 'Gross', 'Fee', 'Credit', 'To pay', 'Signature/thumbprint'],
    subtitle: (campaign: string, buyer: string, date: string) =>
      `${campaign} · buyer: ${buyer} · paid out ${date}`,
    draft: 'Draft: the payout has not been posted yet',
    summary: (members: string, kg: string, proceeds: string) =>
      `${members} members · ${kg} kg net · proceeds after the buyer's deductions and shared costs: ${proceeds}`,
    uncollected: (amount: string) => `Cash not yet collected: ${amount}`,
    savings: 'Paid into savings',
    paid: (date: string) => `Collected ${date}`,
    total: 'Total',
  },
} as const;

// The amounts are as wide as they print and the name and the signature share the rest, the signature
// the larger part (about 30 mm on the demo), each row 10 mm tall: room for a thumbprint. A payout already collected
// or paid into savings says so in its signature cell, so the blank cells are who has still to come.
const MM = 72 / 25.4;
const ROW_HEIGHT = 10 * MM;
const COLUMNS: Column[] = [
  { width: 30, align: 'right', fit: true },
  { width: 70 },
  { width: 50, align: 'right', fit: true },
  { width: 50, align: 'right', fit: true },
  { width: 50, align: 'right', fit: true },
  { width: 50, align: 'right', fit: true },
  { width: 50, align: 'right', fit: true },
  { width: 110 },
];

export function payoutSheetBlocks(sheet: PayoutSheet, lang: Lang, digits: Digits): Block[] {
  const t = TEXT[lang];
  const currency = sheet.campaign.currency;
  const amount = (value: number) => money(value, currency, digits);
  const rows = new Rows();
  for (const line of sheet.lines) {
    rows.add([
      withDigits(String(line.memberNumber), digits),
      line.nameKm,
      formatQuantity(line.netG, digits),
      amount(line.gross),
      amount(line.fee),
      line.credit === 0 ? '' : amount(line.credit),
      amount(line.net),
      // Left blank to sign or press a thumb in; what was paid into savings or collected already says so.
      line.method === 'savings' ? t.savings : line.paidOn ? t.paid(formatDateTable(line.paidOn, digits)) : '',
    ]);
  }
  const { totals } = sheet;
  rows.add(
    [
      '',
      t.total,
      formatQuantity(totals.netG, digits),
      amount(totals.gross),
      amount(totals.fee),
      amount(totals.credit),
      amount(totals.net),
      '',
    ],
    true,
  );
  const table = { ...rows.table(COLUMNS, [...t.header]), size: 8, rowHeight: ROW_HEIGHT };
  const blocks: Block[] = [];
  if (!sheet.posted) blocks.push({ kind: 'paragraph', text: t.draft, bold: true, size: 10, after: 4 });
  blocks.push({
    kind: 'paragraph',
    text: t.summary(
      formatNumber(sheet.lines.length, digits),
      formatQuantity(totals.netG, digits),
      amount(sheet.proceeds),
    ),
    size: 10,
    after: 2,
  });
  if (sheet.posted)
    blocks.push({ kind: 'paragraph', text: t.uncollected(amount(totals.uncollected)), size: 10, after: 6 });
  blocks.push(table);
  return blocks;
}

export async function payoutSheetPdf(db: Kysely<Database>, options: ReportOptions & { campaignId: number }) {
  const sheet = await payoutSheet(db, options.campaignId, options.today);
  const t = TEXT[options.lang];
  const subtitle = t.subtitle(
    sheet.campaign.name,
    sheet.campaign.buyerName,
    formatDateText(sheet.date, options.lang, 'latin'),
  );
  return renderFramed(db, options, t.title, subtitle, ({ lang, digits }) =>
    payoutSheetBlocks(sheet, lang, digits),
  );
}

/** "payout-sheet-SC-000001.pdf" (with "-en" in English), the name offered when the sheet is saved. */
export async function payoutSheetFileName(db: Kysely<Database>, campaignId: number, lang: Lang) {
  const { number } = await getCampaign(db, campaignId);
  return `payout-sheet-${number}${lang === 'en' ? '-en' : ''}.pdf`;
}
