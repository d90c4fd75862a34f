import { z } from 'zod';

// The audit trail (SPEC 2.10): every change to the books, who made it, when, before and after, in a
// hash-chained log; and the check that names the first place where the log or the books disagree.

/** Which row of a table a log row is about: its id, or (a table keyed otherwise) its key as JSON. */
export interface AuditRowRef {
  tableName: string;
  rowId: number | null;
  rowKey: string | null;
}

export type AuditFinding =
  | { kind: 'log_missing' }
  /** A sealed row whose hash is not its content's: the row was edited. */
  | { kind: 'row_edited'; logId: number }
  /** Rows missing between two ids: removed from the log. */
  | { kind: 'rows_removed'; logId: number; afterId: number }
  /** A row that does not follow the one before it: a row was inserted or removed before it. */
  | { kind: 'chain_broken'; logId: number; afterId: number }
  /** A log row never sealed by the app: written by another program. */
  | ({ kind: 'unsealed'; logId: number } & AuditRowRef)
  | ({ kind: 'book_row_changed'; logId: number } & AuditRowRef)
  | ({ kind: 'book_row_unlogged' } & AuditRowRef)
  | ({ kind: 'book_row_missing'; logId: number } & AuditRowRef)
  | { kind: 'lines_changed'; entryId: number; number: string | null }
  | { kind: 'trigger_missing'; name: string }
  | { kind: 'trigger_changed'; name: string }
  | { kind: 'trigger_added'; name: string };
export type AuditFindingKind = AuditFinding['kind'];

export interface AuditReport {
  intact: boolean;
  /** How many log rows were checked. */
  rows: number;
  /** In order, the first is the first place the chain or the books disagree; at most one per kind and table. */
  findings: AuditFinding[];
  /** Findings per kind, all of them counted. */
  counts: Partial<Record<AuditFindingKind, number>>;
}

export const AUDIT_ACTIONS = ['insert', 'update', 'delete', 'baseline'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const auditQuerySchema = z.strictObject({
  user: z.string().max(200).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  tableName: z.string().max(100).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  /** Rows before this log id (the next page of a long log, newest first). */
  beforeId: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(5000).default(1000),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;

export interface AuditLogRow extends AuditRowRef {
  id: number;
  at: string | null;
  user: string | null;
  action: AuditAction;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  sealed: boolean;
}

export interface AuditLogPage {
  rows: AuditLogRow[];
  /** Every user and table in the log, for the filters. */
  users: string[];
  tables: string[];
  /** Whether older rows remain past the last one. */
  more: boolean;
}

type Words = readonly [km: string, en: string];

/** The books' tables in the cooperative's words; a table not named here shows as it is called. */
export const AUDIT_TABLE_WORDS: Readonly<Record<string, Words>> = {
  cooperative: ['ព័ត៌មានសហគមន៍', 'cooperative profile'],
  users: ['អ្នកប្រើប្រាស់', 'users'],
  members: ['សមាជិក', 'members'],
  accounts: ['គណនី', 'accounts'],
  journal_entries: ['បញ្ជីប្រតិបត្តិការ', 'journal entries'],
  closed_months: ['ខែដែលបានបិទ', 'closed months'],
  month_close_log: ['កំណត់ត្រាបិទខែ', 'month close log'],
  share_movements: ['ចលនាភាគហ៊ុន', 'share movements'],
  savings_products: ['ផលិតផលសន្សំ', 'savings products'],
  savings_accounts: ['គណនីសន្សំ', 'savings accounts'],
  interest_runs: ['ការគណនាការប្រាក់', 'interest runs'],
  input_suppliers: ['អ្នកផ្គត់ផ្គង់', 'suppliers'],
  input_items: ['ធាតុចូលកសិកម្ម', 'farm input items'],
  input_purchases: ['ការទិញចូល', 'input purchases'],
  input_supplier_payments: ['ការទូទាត់អ្នកផ្គត់ផ្គង់', 'supplier payments'],
  input_sales: ['ការលក់ធាតុចូល', 'input sales'],
  input_repayments: ['ការសងឥណទាន', 'input credit repayments'],
  input_movements: ['ចលនាស្តុក', 'stock movements'],
  audit_schema: ['គន្លឹះការពារទិន្នន័យ', 'protective triggers'],
  journal_lines: ['បន្ទាត់ប្រតិបត្តិការ', 'journal lines'],
  account_month_totals: ['សរុបប្រចាំខែតាមគណនី', 'monthly account totals'],
  sequences: ['លេខរៀង', 'number sequences'],
  bylaws: ['លក្ខន្តិកៈ', 'by-law'],
  meetings: ['កិច្ចប្រជុំ', 'meetings'],
  meeting_agenda: ['របៀបវារៈ', 'meeting agendas'],
  meeting_attendees: ['វត្តមាន', 'meeting attendance'],
  meeting_proxies: ['ការតំណាងបោះឆ្នោត', 'proxies'],
  sales_campaigns: ['ការលក់រួម', 'collective sales'],
  sales_consents: ['ការយល់ព្រមចូលរួមលក់', 'sale consents'],
  sales_deliveries: ['ការប្រគល់ស្រូវ', 'deliveries'],
  sales_buyer_sales: ['ការលក់ឱ្យអ្នកទិញ', 'sales to buyers'],
  sales_receipts: ['ប្រាក់ទទួលពីអ្នកទិញ', 'payments from buyers'],
  sales_costs: ['ចំណាយលើការលក់រួម', 'collective sale costs'],
  sales_payout_runs: ['ការគណនាទូទាត់', 'payout runs'],
  sales_payouts: ['ការទូទាត់ជូនសមាជិក', 'payouts to members'],
  year_closes: ['ការបិទបញ្ជីប្រចាំឆ្នាំ', 'year-end closes'],
  year_distributions: ['ភាគលាភ និងប្រាក់បង្វិលសង', 'dividends and refunds'],
};

export const auditTableWord = (table: string, language: 'km' | 'en'): string =>
  AUDIT_TABLE_WORDS[table]?.[language === 'km' ? 0 : 1] ?? table;

const rowName = (ref: AuditRowRef, language: 'km' | 'en') => {
  const which = ref.rowId ?? ref.rowKey ?? '?';
  return language === 'km'
    ? `ជួរលេខ ${which} នៃ «${auditTableWord(ref.tableName, 'km')}»`
    : `row ${which} of ${auditTableWord(ref.tableName, 'en')}`;
};

/** One sentence per finding, naming the row, entry or trigger, in Khmer or English. */
export function auditFindingText(finding: AuditFinding, language: 'km' | 'en'): string {
  const km = language === 'km';
  switch (finding.kind) {
    case 'log_missing':
      return km ? 'ឯកសារនេះគ្មានកំណត់ត្រាសវនកម្មទេ។' : 'This file has no audit log.';
    case 'row_edited':
      return km
        ? `កំណត់ត្រាសវនកម្មលេខ ${finding.logId} ត្រូវបានកែប្រែនៅក្រៅកម្មវិធី។`
        : `Audit log row ${finding.logId} was edited outside the app.`;
    case 'rows_removed':
      return km
        ? `កំណត់ត្រាសវនកម្មរវាងលេខ ${finding.afterId} និង ${finding.logId} ត្រូវបានលុបចោល។`
        : `Audit log rows between ${finding.afterId} and ${finding.logId} were removed.`;
    case 'chain_broken':
      return km
        ? `កំណត់ត្រាសវនកម្មលេខ ${finding.logId} មិនតភ្ជាប់នឹងលេខ ${finding.afterId} ទេ៖ មានជួរត្រូវបានបញ្ចូល ឬលុបនៅចន្លោះ។`
        : `Audit log row ${finding.logId} does not follow row ${finding.afterId}: a row was inserted or removed between them.`;
    case 'unsealed':
      return km
        ? `កំណត់ត្រាសវនកម្មលេខ ${finding.logId} (${rowName(finding, 'km')}) ត្រូវបានសរសេរដោយកម្មវិធីផ្សេង មិនមែនដោយសហគមន៍ទេ។`
        : `Audit log row ${finding.logId} (${rowName(finding, 'en')}) was written by another program, not by Sahakum.`;
    case 'book_row_changed':
      return km
        ? `${rowName(finding, 'km')} មិនដូចកំណត់ត្រាសវនកម្មលេខ ${finding.logId} ទេ៖ វាត្រូវបានកែប្រែនៅក្រៅកម្មវិធី។`
        : `${rowName(finding, 'en')} differs from audit log row ${finding.logId}: it was changed outside the app.`;
    case 'book_row_unlogged':
      return km
        ? `${rowName(finding, 'km')} គ្មាននៅក្នុងកំណត់ត្រាសវនកម្មទេ៖ វាត្រូវបានបញ្ចូលនៅក្រៅកម្មវិធី។`
        : `${rowName(finding, 'en')} is not in the audit log: it was added outside the app.`;
    case 'book_row_missing':
      return km
        ? `${rowName(finding, 'km')} (កំណត់ត្រាសវនកម្មលេខ ${finding.logId}) បាត់ពីសៀវភៅ៖ វាត្រូវបានលុបនៅក្រៅកម្មវិធី។`
        : `${rowName(finding, 'en')} (audit log row ${finding.logId}) is gone from the books: it was deleted outside the app.`;
    case 'lines_changed': {
      const entry = finding.number ?? String(finding.entryId);
      return km
        ? `បន្ទាត់នៃប្រតិបត្តិការ ${entry} (លេខ ${finding.entryId}) ត្រូវបានកែប្រែក្រោយពេលកត់ត្រា។`
        : `The lines of entry ${entry} (id ${finding.entryId}) were changed after it was posted.`;
    }
    case 'trigger_missing':
      return km
        ? `គន្លឹះការពារទិន្នន័យ «${finding.name}» ត្រូវបានលុបចោល។`
        : `The protective trigger ${finding.name} was dropped.`;
    case 'trigger_changed':
      return km
        ? `គន្លឹះការពារទិន្នន័យ «${finding.name}» ត្រូវបានកែប្រែ។`
        : `The protective trigger ${finding.name} was changed.`;
    case 'trigger_added':
      return km
        ? `គន្លឹះ «${finding.name}» ត្រូវបានបន្ថែមនៅក្រៅកម្មវិធី។`
        : `The trigger ${finding.name} was added outside the app.`;
  }
}
