// Sheets people sign: a meeting's attendance sheet (blank before the meeting, with every member who may
// attend; filled after, with those recorded present and the members they represent) and the payout
// sheet of a closed year's dividends and patronage refunds. Each row has room for a signature or a
// thumbprint.

import type { Kysely } from 'kysely';
import { formatNumber, withDigits } from '../../shared/khmer';
import type { Database } from '../db/schema';
import { getMeeting } from '../meetings/meetings';
import { yearStatus } from '../yearend/close';
import { money, type ReportOptions, Rows, renderFramed, reportDigits } from './common';
import { type Block, BODY_WIDTH, type Column } from './layout';
import { MEETING_WORDS, meetingFacts, meetingSigners, quorumLine } from './minutes';

const TEXT = {
  km: {
    attendance: 'បញ្ជីវត្តមាន',
    blank: 'សម្រាប់ចុះហត្ថលេខា ឬផ្តិតមេដៃ ពេលមកដល់',
    header: ['ល.រ', 'លេខ', 'ឈ្មោះ', 'ភេទ', 'ភូមិ', 'តំណាងឱ្យ', 'ហត្ថលេខា ឬស្នាមមេដៃ'],
    guest: 'ភ្ញៀវ',
    sex: { F: 'ស្រី', M: 'ប្រុស' } as Record<string, string>,
    payout: (year: string) => `បញ្ជីបើកភាគលាភ និងប្រាក់បង្វិលសង ឆ្នាំ ${year}`,
    payoutHeader: ['ល.រ', 'លេខ', 'ឈ្មោះ', 'ភាគហ៊ុន', 'ភាគលាភ', 'ប្រាក់បង្វិលសង', 'សរុប', 'ហត្ថលេខា ឬស្នាមមេដៃ'],
    total: 'សរុប',
    paid: { cash: 'បានបើកជាសាច់ប្រាក់', savings: 'បានដាក់ចូលគណនីសន្សំ' } as Record<string, string>,
  },
  en: {
    attendance: 'Attendance sheet',
    blank: 'To sign or thumbprint on arrival',
    header: ['#', 'No.', 'Name', 'Sex', 'Village', 'Proxy for', 'Signature or thumbprint'],
    guest: 'Guest',
    sex: { F: 'F', M: 'M' } as Record<string, string>,
    payout: (year: string) => `Payout sheet: dividends and patronage refunds of ${year}`,
    payoutHeader: ['#', 'No.', 'Name', 'Shares', 'Dividend', 'Patronage', 'Total', 'Signature or thumbprint'],
    total: 'Total',
    paid: { cash: 'Paid in cash', savings: 'Credited to savings' } as Record<string, string>,
  },
} as const;

// Room for a thumbprint: about 9 mm.
const SIGNING_ROW = 26;

const ATTENDANCE_COLUMNS: Column[] = [
  { width: 24, align: 'right', fit: true },
  { width: 34, align: 'right', fit: true },
  { width: 120 },
  { width: 30 },
  { width: 70 },
  { width: 90 },
  { width: BODY_WIDTH - 24 - 34 - 120 - 30 - 70 - 90 },
];

interface SheetRow {
  number: number | null;
  nameKm: string;
  sex: string;
  village: string;
  proxyFor: string;
}

/** The attendance sheet: blank lists everyone who may attend, filled lists those recorded present. */
export async function attendancePdf(
  db: Kysely<Database>,
  options: ReportOptions & { meetingId: number; blank: boolean },
): Promise<Buffer> {
  const meeting = await getMeeting(db, options.meetingId);
  const t = TEXT[options.lang];
  let rows: SheetRow[];
  if (options.blank && meeting.kind !== 'board') {
    const members = await db
      .selectFrom('members')
      .select(['number', 'name_km', 'sex', 'village'])
      .where('join_date', '<=', meeting.date)
      .where((eb) => eb.or([eb('exit_date', 'is', null), eb('exit_date', '>', meeting.date)]))
      .orderBy('number')
      .execute();
    rows = members.map((m) => ({
      number: m.number,
      nameKm: m.name_km,
      sex: m.sex,
      village: m.village ?? '',
      proxyFor: '',
    }));
  } else {
    const ids = meeting.attendees.flatMap((a) => (a.memberId === null ? [] : [a.memberId]));
    const details = new Map(
      ids.length === 0
        ? []
        : (
            await db.selectFrom('members').select(['id', 'sex', 'village']).where('id', 'in', ids).execute()
          ).map((m) => [m.id, m]),
    );
    rows = meeting.attendees.map((a) => {
      const member = a.memberId === null ? undefined : details.get(a.memberId);
      return {
        number: a.memberNumber,
        nameKm: a.memberId === null ? `${a.name}${a.role ? ` (${a.role})` : ` (${t.guest})`}` : a.name,
        sex: member?.sex ?? '',
        village: member?.village ?? '',
        proxyFor: a.proxyFor.map((p) => `${p.number} ${p.nameKm}`).join(', '),
      };
    });
  }
  const w = MEETING_WORDS[options.lang];
  return renderFramed(
    db,
    options,
    `${t.attendance}: ${w.kind[meeting.kind]}`,
    '',
    ({ lang, digits }): Block[] => {
      const table = new Rows();
      rows.forEach((row, index) => {
        table.add([
          formatNumber(index + 1, digits),
          row.number === null ? '' : withDigits(String(row.number), digits),
          row.nameKm,
          t.sex[row.sex] ?? '',
          row.village,
          withDigits(row.proxyFor, digits),
          '',
        ]);
      });
      // Lines left for guests and anyone the list missed.
      for (let i = 0; i < (options.blank ? 5 : 0); i++)
        table.add([formatNumber(rows.length + i + 1, digits), '', '', '', '', '', '']);
      const facts: Block = {
        kind: 'paragraph',
        text: meetingFacts(meeting, lang, digits),
        size: 10,
        align: 'center',
        after: 4,
      };
      const note: Block = options.blank
        ? { kind: 'paragraph', text: t.blank, size: 10, after: 6 }
        : {
            kind: 'paragraph',
            text: quorumLine(meeting.quorum, lang, digits),
            size: 10,
            bold: true,
            after: 6,
          };
      return [facts, note, { ...table.table(ATTENDANCE_COLUMNS, [...t.header]), rowHeight: SIGNING_ROW }];
    },
    meetingSigners(meeting, options.lang),
  );
}

const PAYOUT_COLUMNS: Column[] = [
  { width: 24, align: 'right', fit: true },
  { width: 34, align: 'right', fit: true },
  { width: 120 },
  { width: 40, align: 'right', fit: true },
  { width: 60, align: 'right', fit: true },
  { width: 60, align: 'right', fit: true },
  { width: 60, align: 'right', fit: true },
  { width: BODY_WIDTH - 24 - 34 - 120 - 40 - 60 * 3 },
];

/** Every member's dividend and patronage refund of a closed year, with room to sign for the cash. */
export async function dividendPayoutPdf(db: Kysely<Database>, options: ReportOptions & { year: number }) {
  const status = await yearStatus(db, options.year);
  const t = TEXT[options.lang];
  const title = t.payout(withDigits(String(options.year), await reportDigits(db, options)));
  return renderFramed(db, options, title, '', ({ digits }): Block[] => {
    const table = new Rows();
    status.distributions.forEach((d, index) => {
      table.add([
        formatNumber(index + 1, digits),
        withDigits(String(d.memberNumber), digits),
        d.nameKm,
        formatNumber(d.shares, digits),
        money(d.dividend, 'KHR', digits),
        money(d.patronage, 'KHR', digits),
        money(d.dividend + d.patronage, 'KHR', digits),
        d.paidHow === 'savings' ? (t.paid.savings ?? '') : '',
      ]);
    });
    const sum = (f: (d: (typeof status.distributions)[number]) => number) =>
      status.distributions.reduce((a, d) => a + f(d), 0);
    table.add(
      [
        '',
        '',
        t.total,
        formatNumber(
          sum((d) => d.shares),
          digits,
        ),
        money(
          sum((d) => d.dividend),
          'KHR',
          digits,
        ),
        money(
          sum((d) => d.patronage),
          'KHR',
          digits,
        ),
        money(
          sum((d) => d.dividend + d.patronage),
          'KHR',
          digits,
        ),
        '',
      ],
      true,
    );
    return [{ ...table.table(PAYOUT_COLUMNS, [...t.payoutHeader]), rowHeight: SIGNING_ROW }];
  });
}
