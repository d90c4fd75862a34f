// The member register as a printed report: every member in member-number order.

import type { Kysely } from 'kysely';
import { type Digits, formatDateTable, withDigits } from '../../shared/khmer';
import type { Cooperative, MemberRow } from '../../shared/schemas';
import { getCooperative } from '../cooperative/profile';
import type { Database } from '../db/schema';
import { EVERY_MEMBER, listMembers } from '../members/search';
import { memberStatus, type ReportOptions } from './common';
import { framedReport, type Lang } from './frame';
import { type Column, type ReportDocument, renderReport } from './layout';

const TEXT = {
  km: {
    title: 'បញ្ជីឈ្មោះសមាជិក',
    total: (n: string) => `សមាជិកសរុប ${n} នាក់`,
    header: ['លេខ', 'ឈ្មោះ', 'ឈ្មោះឡាតាំង', 'ភេទ', 'ភូមិ', 'ថ្ងៃចូល', 'ស្ថានភាព'],
    sex: { F: 'ស្រី', M: 'ប្រុស' },
  },
  en: {
    title: 'Member register',
    total: (n: string) => `Total members: ${n}`,
    header: ['No.', 'Name (Khmer)', 'Name (Latin)', 'Sex', 'Village', 'Joined', 'Status'],
    sex: { F: 'Female', M: 'Male' },
  },
} as const;

/** Column widths in points, adding up to the A4 body width (595.28 − 2 × 15 mm); numbers and dates fit. */
const COLUMNS: Column[] = [
  { width: 28, align: 'right', fit: true },
  { width: 124 },
  { width: 94 },
  { width: 44 },
  { width: 80 },
  { width: 70, fit: true },
  { width: 70.24 },
];

function memberCells(m: MemberRow, lang: Lang, digits: Digits): string[] {
  const t = TEXT[lang];
  return [
    withDigits(String(m.number), digits),
    m.nameKm,
    m.nameLatin,
    t.sex[m.sex],
    m.village,
    formatDateTable(m.joinDate, digits),
    memberStatus(m.status, lang),
  ];
}

export async function memberRegisterPdf(db: Kysely<Database>, options: ReportOptions): Promise<Buffer> {
  const cooperative = await getCooperative(db);
  const members = await listMembers(db, EVERY_MEMBER);
  return renderReport(memberRegisterDocument(cooperative, members, options));
}

/** The register of the given members, laid out but not yet drawn. */
export function memberRegisterDocument(
  cooperative: Cooperative,
  members: readonly MemberRow[],
  options: ReportOptions,
): ReportDocument {
  const digits = options.digits ?? cooperative.reportDigits;
  const t = TEXT[options.lang];
  return framedReport(
    cooperative,
    [
      {
        kind: 'table',
        columns: COLUMNS,
        header: [...t.header],
        rows: members.map((m) => memberCells(m, options.lang, digits)),
        size: 9,
      },
    ],
    {
      lang: options.lang,
      digits,
      today: options.today,
      title: t.title,
      subtitle: t.total(withDigits(String(members.length), digits)),
      ...(options.nationalHeader === undefined ? {} : { nationalHeader: options.nationalHeader }),
    },
  );
}
