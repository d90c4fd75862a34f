// The share register as a printed report: every member who holds or held shares up to a day, in member-number
// order, with their shares, the capital the ledger holds for them and their certificates, read from the same
// function the share register screen uses (main/shares/register.ts).

import type { Kysely } from 'kysely';
import { type Digits, formatNumber, withDigits } from '../../shared/khmer';
import type { ShareRegisterRow } from '../../shared/savings';
import type { Database } from '../db/schema';
import { shareRegister } from '../shares/register';
import { asOfSubtitle, memberStatus, money, type ReportOptions, Rows, renderFramed } from './common';
import type { Lang } from './frame';
import { type Block, BODY_WIDTH, type Column } from './layout';

// The words of the share register screen (renderer/i18n/sections/money.ts) and of the member register.
const TEXT = {
  km: {
    title: 'បញ្ជីភាគហ៊ុន',
    par: (amount: string) => `តម្លៃភាគហ៊ុនមួយ៖ ${amount}`,
    members: (n: string) => `សមាជិក ${n} នាក់`,
    header: ['លេខ', 'ឈ្មោះ', 'ឈ្មោះឡាតាំង', 'ស្ថានភាព', 'ចំនួនហ៊ុន', 'ដើមទុនភាគហ៊ុន', 'វិញ្ញាបនបត្រភាគហ៊ុន'],
    total: 'សរុប',
    empty: 'មិនទាន់មានសមាជិកកាន់ភាគហ៊ុនទេ',
  },
  en: {
    title: 'Share register',
    par: (amount: string) => `Par value of one share: ${amount}`,
    members: (n: string) => `${n} members`,
    header: ['No.', 'Name (Khmer)', 'Name (Latin)', 'Status', 'Shares', 'Share capital', 'Certificates'],
    total: 'Total',
    empty: 'No member holds shares yet',
  },
} as const;

/** Column widths in points, adding up to the A4 body width; numbers and amounts fit. */
const COLUMNS: Column[] = [
  { width: 34, align: 'right', fit: true },
  { width: 98 },
  { width: 94 },
  { width: 60 },
  { width: 42, align: 'right', fit: true },
  { width: 80, align: 'right', fit: true },
  { width: BODY_WIDTH - 34 - 98 - 94 - 60 - 42 - 80 },
];

/**
 * Certificate numbers as a reader writes them: ascending, runs of consecutive numbers as a range with an en
 * dash ("12–15, 20"), in the report's digits. Repeated numbers are shown once.
 */
export function certificateRanges(numbers: readonly number[], digits: Digits): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    const start = sorted[i] as number;
    let end = start;
    while (i + 1 < sorted.length && sorted[i + 1] === end + 1) {
      i++;
      end = sorted[i] as number;
    }
    i++;
    parts.push(end === start ? String(start) : `${start}\u2013${end}`);
  }
  return withDigits(parts.join(', '), digits);
}

function rowCells(row: ShareRegisterRow, lang: Lang, digits: Digits): string[] {
  return [
    withDigits(String(row.memberNumber), digits),
    row.nameKm,
    row.nameLatin,
    memberStatus(row.status, lang),
    formatNumber(row.shares, digits),
    money(row.capital, 'KHR', digits),
    certificateRanges(row.certificates, digits),
  ];
}

export async function shareRegisterPdf(
  db: Kysely<Database>,
  options: ReportOptions & { asOf: string },
): Promise<Buffer> {
  const register = await shareRegister(db, options.asOf);
  const t = TEXT[options.lang];
  const subtitle = asOfSubtitle(options.asOf, options.lang);
  return renderFramed(db, options, t.title, subtitle, ({ lang, digits }): Block[] => {
    const facts: Block = {
      kind: 'paragraph',
      text: `${t.par(money(register.par, 'KHR', digits))} · ${t.members(formatNumber(register.rows.length, digits))}`,
      size: 10,
      after: 6,
    };
    if (register.rows.length === 0) return [facts, { kind: 'paragraph', text: t.empty, size: 10 }];
    const rows = new Rows();
    for (const row of register.rows) rows.add(rowCells(row, lang, digits));
    rows.add(
      [
        '',
        t.total,
        '',
        '',
        formatNumber(register.totalShares, digits),
        money(register.totalCapital, 'KHR', digits),
        '',
      ],
      true,
    );
    return [facts, rows.table(COLUMNS, [...t.header])];
  });
}
