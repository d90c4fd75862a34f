import { z } from 'zod';

// What the Backup and review screens ask of the main process, and what they are told.
const passphrase = z.string().min(1).max(200).optional();
const backupFile = z.string().min(1).max(4096);

export const backupCreateSchema = z.strictObject({ passphrase });
export const backupOpenSchema = z.strictObject({ file: backupFile, passphrase });

/** Two backups of the same cooperative compared: the one of the last review, and a newer one. */
export const reviewChangesSchema = z.strictObject({
  older: backupOpenSchema,
  newer: backupOpenSchema,
  lang: z.enum(['km', 'en']),
});

export interface BackupProgressView {
  stage: 'copy' | 'write' | 'verify';
  done: number;
  total: number;
}

export interface BackupRow {
  file: string;
  name: string;
  /** ISO time the backup was made. */
  madeAt: string;
  bytes: number;
}

export interface BackupMade {
  /** Null when the folder dialog was closed without a choice. */
  file: string | null;
}

export interface ChangedEntry {
  id: number;
  number: string | null;
  date: string;
  kind: string;
  memo: string;
  /** For a reversal: the number of the entry it reverses. */
  reverses: string | null;
}

export interface ChangesSinceReview {
  older: { createdAt: string };
  newer: { createdAt: string };
  cooperative: string;
  entriesAdded: ChangedEntry[];
  /** The reversals among the entries added: what was taken back since the last review. */
  entriesReversed: ChangedEntry[];
  membersAdded: { id: number; number: number; nameKm: string; joinDate: string }[];
  membersChanged: { id: number; number: number; nameKm: string; fields: string[] }[];
  profileChanges: { field: string; before: string | number | null; after: string | number | null }[];
}

// The words of a column that changed, as the member and profile screens call them; any other column
// (one added later) is printed as it is named in the books.
export const CHANGED_FIELD_WORDS: Record<'km' | 'en', Record<string, string>> = {
  km: {
    name_km: 'ឈ្មោះ (ខ្មែរ)',
    name_latin: 'ឈ្មោះ (ឡាតាំង)',
    sex: 'ភេទ',
    birth_date: 'ថ្ងៃខែឆ្នាំកំណើត',
    national_id: 'អត្តសញ្ញាណប័ណ្ណ',
    phone: 'លេខទូរស័ព្ទ',
    village: 'ភូមិ',
    commune: 'ឃុំ',
    district: 'ស្រុក',
    province: 'ខេត្ត',
    join_date: 'ថ្ងៃចូលជាសមាជិក',
    next_of_kin: 'អ្នកស្នងមរតក',
    notes: 'កំណត់ចំណាំ',
    status: 'ស្ថានភាព',
    exit_date: 'ថ្ងៃចាកចេញ',
    exit_reason: 'មូលហេតុចាកចេញ',
    registration_number: 'លេខចុះបញ្ជី',
    share_par: 'តម្លៃភាគហ៊ុនមួយ',
    chair: 'ប្រធាន',
    vice_chair: 'អនុប្រធាន',
    treasurer: 'ហេរញ្ញិក',
    bookkeeper: 'គណនេយ្យករ',
    internal_control: 'អ្នកត្រួតពិនិត្យផ្ទៃក្នុង',
    lock_minutes: 'ចាក់សោអេក្រង់ក្រោយ (នាទី)',
  },
  en: {
    name_km: 'Name (Khmer)',
    name_latin: 'Name (Latin)',
    sex: 'Sex',
    birth_date: 'Date of birth',
    national_id: 'National ID',
    phone: 'Phone',
    village: 'Village',
    commune: 'Commune',
    district: 'District',
    province: 'Province',
    join_date: 'Joined',
    next_of_kin: 'Next of kin',
    notes: 'Notes',
    status: 'Status',
    exit_date: 'Left on',
    exit_reason: 'Reason for leaving',
    registration_number: 'Registration number',
    share_par: 'Share par value',
    chair: 'Chair',
    vice_chair: 'Vice chair',
    treasurer: 'Treasurer',
    bookkeeper: 'Bookkeeper',
    internal_control: 'Internal control',
    lock_minutes: 'Lock the screen after (minutes)',
  },
};
