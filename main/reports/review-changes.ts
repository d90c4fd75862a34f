// The reviewer's printed "changes since the last review": what two backups of the same cooperative
// differ by (main/backup/changes.ts), framed as every report is, with the newer backup's profile.

import type { Kysely } from 'kysely';
import { vouchersEn, vouchersKm } from '../../renderer/i18n/sections/vouchers';
import { CHANGED_FIELD_WORDS, type ChangesSinceReview } from '../../shared/backup';
import type { EntryKind } from '../../shared/entry-kinds';
import { formatDateTable, formatNumber, withDigits } from '../../shared/khmer';
import type { Database } from '../db/schema';
import { type ReportOptions, Rows, renderFramed } from './common';
import type { Lang } from './frame';
import { type Block, BODY_WIDTH, type Column } from './layout';

const TEXT = {
  km: {
    title: 'ការផ្លាស់ប្តូរតាំងពីការពិនិត្យលើកមុន',
    subtitle: (older: string, newer: string) => `ពីការបម្រុងទុក ${older} ដល់ ${newer}`,
    summary: (entries: string, reversed: string, added: string, changed: string) =>
      `ប្រតិបត្តិការថ្មី ${entries} · ក្នុងនោះបញ្ច្រាស ${reversed} · សមាជិកថ្មី ${added} · សមាជិកបានកែប្រែ ${changed}`,
    entries: 'ប្រតិបត្តិការថ្មី',
    entriesHeader: ['កាលបរិច្ឆេទ', 'លេខ', 'ប្រភេទ', 'ការពិពណ៌នា', 'បញ្ច្រាសលេខ'],
    membersAdded: 'សមាជិកថ្មី',
    membersAddedHeader: ['លេខ', 'ឈ្មោះ', 'ថ្ងៃចូលជាសមាជិក'],
    membersChanged: 'សមាជិកដែលព័ត៌មានបានកែប្រែ',
    membersChangedHeader: ['លេខ', 'ឈ្មោះ', 'អ្វីដែលបានកែ'],
    profile: 'ព័ត៌មានសហគមន៍ដែលបានកែប្រែ',
    profileHeader: ['ព័ត៌មាន', 'មុន', 'ក្រោយ'],
    none: 'គ្មាន',
  },
  en: {
    title: 'Changes since the last review',
    subtitle: (older: string, newer: string) => `From the backup of ${older} to that of ${newer}`,
    summary: (entries: string, reversed: string, added: string, changed: string) =>
      `New entries ${entries} · of which reversals ${reversed} · new members ${added} · members edited ${changed}`,
    entries: 'New entries',
    entriesHeader: ['Date', 'No.', 'Kind', 'Description', 'Reverses'],
    membersAdded: 'New members',
    membersAddedHeader: ['No.', 'Name', 'Joined'],
    membersChanged: 'Members whose details were edited',
    membersChangedHeader: ['No.', 'Name', 'What was edited'],
    profile: 'The cooperative profile, edited',
    profileHeader: ['Detail', 'Before', 'After'],
    none: 'None',
  },
} as const;

const KINDS: Record<Lang, Record<EntryKind, string>> = {
  km: vouchersKm.journal.kinds,
  en: vouchersEn.journal.kinds,
};

const ENTRY_COLUMNS: Column[] = [
  { width: 62, fit: true },
  { width: 70, fit: true },
  { width: 110 },
  { width: BODY_WIDTH - 62 - 70 - 110 - 70 },
  { width: 70, fit: true },
];
const ADDED_COLUMNS: Column[] = [
  { width: 50, align: 'right', fit: true },
  { width: BODY_WIDTH - 50 - 100 },
  { width: 100, fit: true },
];
const CHANGED_COLUMNS: Column[] = [
  { width: 50, align: 'right', fit: true },
  { width: 160 },
  { width: BODY_WIDTH - 50 - 160 },
];
const PROFILE_COLUMNS: Column[] = [
  { width: 150 },
  { width: (BODY_WIDTH - 150) / 2 },
  { width: (BODY_WIDTH - 150) / 2 },
];

const heading = (text: string): Block => ({ kind: 'paragraph', text, bold: true, size: 11, after: 4 });

/** The changes between two backups as a PDF; `db` is the newer backup's books, for the profile in the frame. */
export async function reviewChangesPdf(
  db: Kysely<Database>,
  changes: ChangesSinceReview,
  options: ReportOptions,
): Promise<Buffer> {
  const t = TEXT[options.lang];
  const day = (iso: string) => formatDateTable(iso.slice(0, 10), 'latin');
  return renderFramed(
    db,
    options,
    t.title,
    t.subtitle(day(changes.older.createdAt), day(changes.newer.createdAt)),
    ({ lang, digits }) => {
      const n = (value: number) => formatNumber(value, digits);
      const date = (iso: string) => formatDateTable(iso, digits);
      const field = (name: string) => CHANGED_FIELD_WORDS[lang][name] ?? name;
      const blocks: Block[] = [
        {
          kind: 'paragraph',
          text: t.summary(
            n(changes.entriesAdded.length),
            n(changes.entriesReversed.length),
            n(changes.membersAdded.length),
            n(changes.membersChanged.length),
          ),
          size: 10,
        },
      ];
      const section = (title: string, rows: Rows, columns: Column[], header: readonly string[]) => {
        blocks.push(heading(title));
        blocks.push(
          rows.rows.length > 0
            ? rows.table(columns, [...header])
            : { kind: 'paragraph', text: t.none, size: 9 },
        );
      };
      const entries = new Rows();
      for (const entry of changes.entriesAdded) {
        entries.add([
          date(entry.date),
          entry.number ?? '',
          KINDS[lang][entry.kind as EntryKind] ?? entry.kind,
          entry.memo,
          entry.reverses ?? '',
        ]);
      }
      section(t.entries, entries, ENTRY_COLUMNS, t.entriesHeader);
      const added = new Rows();
      for (const member of changes.membersAdded) {
        added.add([n(member.number), member.nameKm, date(member.joinDate)]);
      }
      section(t.membersAdded, added, ADDED_COLUMNS, t.membersAddedHeader);
      const changed = new Rows();
      for (const member of changes.membersChanged) {
        changed.add([n(member.number), member.nameKm, member.fields.map(field).join(', ')]);
      }
      section(t.membersChanged, changed, CHANGED_COLUMNS, t.membersChangedHeader);
      const profile = new Rows();
      for (const change of changes.profileChanges) {
        const shown = (value: string | number | null) =>
          value === null ? '' : withDigits(String(value), digits);
        profile.add([field(change.field), shown(change.before), shown(change.after)]);
      }
      section(t.profile, profile, PROFILE_COLUMNS, t.profileHeader);
      return blocks;
    },
  );
}
