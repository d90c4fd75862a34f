import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { isRealIsoDate, parseDisplayDate, toLatinDigits } from '../../shared/khmer';
import { type MemberInput, memberInputSchema } from '../../shared/schemas';
import { issueCode } from '../../shared/validation';
import { getCooperative } from '../cooperative/profile';
import { sqliteOf } from '../db/rows';
import type { Database } from '../db/schema';
import { type CsvRowError, columnName, isBlankRow, RowErrors } from '../files/csv-read';
import type { TextSource } from '../files/text-encoding';
import { readImportRows } from '../files/xlsx-read';
import { insertCheckedMembers, memberDatesRefusal, type Now, storedNationalId } from './register';

export type RowError = CsvRowError;

export type ImportResult = { imported: number } | { errors: RowError[] };

// The documented columns, in the order a template would list them, and the form field each one fills.
export const MEMBER_CSV_COLUMNS = {
  name_km: 'nameKm',
  name_latin: 'nameLatin',
  sex: 'sex',
  birth_date: 'birthDate',
  national_id: 'nationalId',
  phone: 'phone',
  village: 'village',
  commune: 'commune',
  join_date: 'joinDate',
  next_of_kin: 'nextOfKin',
  notes: 'notes',
} as const satisfies Record<string, keyof MemberInput>;

type Column = keyof typeof MEMBER_CSV_COLUMNS;
const REQUIRED_COLUMNS: readonly Column[] = ['name_km', 'join_date'];
const isColumn = (name: string): name is Column => Object.hasOwn(MEMBER_CSV_COLUMNS, name);
const columnOf = (field: string): string =>
  Object.entries(MEMBER_CSV_COLUMNS).find(([, key]) => key === field)?.[0] ?? field;

// Registers kept on paper and then typed into Excel write the sex in Khmer as often as with a letter.
const SEXES: Record<string, 'F' | 'M'> = { F: 'F', M: 'M', ស្រី: 'F', ប្រុស: 'M' };

// A date that is neither ISO nor DD/MM/YYYY is passed on as typed, so that the schema names it date_invalid.
function normalizeDate(text: string): string {
  const trimmed = toLatinDigits(text.trim());
  if (trimmed === '' || isRealIsoDate(trimmed)) return trimmed;
  return parseDisplayDate(trimmed) ?? text;
}

function toInput(record: ReadonlyMap<Column, string>): Record<keyof MemberInput, string> {
  const value = (column: Column) => record.get(column) ?? '';
  const sex = value('sex').trim();
  return {
    nameKm: value('name_km'),
    nameLatin: value('name_latin'),
    sex: SEXES[sex.toUpperCase()] ?? sex,
    birthDate: normalizeDate(value('birth_date')),
    nationalId: value('national_id'),
    phone: value('phone'),
    village: value('village'),
    commune: value('commune'),
    joinDate: normalizeDate(value('join_date')),
    nextOfKin: value('next_of_kin'),
    notes: value('notes'),
  };
}

function addSchemaErrors(errors: RowErrors, row: number, issues: z.core.$ZodIssue[]) {
  for (const issue of issues) {
    errors.add({ row, field: columnOf(String(issue.path[0] ?? '')), code: issueCode(issue) });
  }
}

function readHeader(header: readonly string[]): { columns: Column[]; errors: RowErrors } {
  const columns: Column[] = [];
  const errors = new RowErrors();
  for (const cell of header) {
    if (errors.full) break;
    const name = columnName(cell);
    if (!isColumn(name)) {
      errors.add({ row: 0, field: name, code: 'unknown_column' });
    } else if (columns.includes(name)) {
      errors.add({ row: 0, field: name, code: 'duplicate_column' });
    } else {
      columns.push(name);
    }
  }
  for (const name of REQUIRED_COLUMNS) {
    if (!columns.includes(name)) errors.add({ row: 0, field: name, code: 'required' });
  }
  return { columns, errors };
}

/**
 * Adds every member of a CSV file, or none: a file with any bad row writes nothing at all (not even the
 * member numbers it would have taken), and the answer lists every bad row (up to a hundred) so that all
 * of them can be fixed in one go. A file that is not text we can read (see files/text-encoding.ts) is refused whole.
 */
export async function importMembersCsv(
  db: Kysely<Database>,
  file: TextSource,
  now: Now,
): Promise<ImportResult> {
  const records = await readImportRows(file);
  if (!Array.isArray(records)) return { errors: [records] };
  const [header, ...rows] = records;
  if (header === undefined) return { errors: [{ row: 0, field: 'name_km', code: 'required' }] };
  const { columns, errors } = readHeader(header);
  if (errors.any) return { errors: errors.list };

  // Every row is checked before anything is written, then all are added in a few statements: a file
  // with any bad row writes nothing, not even the member numbers it would have taken.
  return db.transaction().execute(async (trx) => {
    const { foundedOn } = await getCooperative(trx);
    const registered = await registeredNationalIds(trx);
    const fileRows = new Map<string, number>();
    const accepted: MemberInput[] = [];
    for (const [index, cells] of rows.entries()) {
      if (errors.full) break;
      const row = index + 1;
      // Spreadsheets export trailing rows of empty cells; they are not members.
      if (isBlankRow(cells)) continue;
      if (cells.length !== columns.length) {
        const params = { expected: columns.length, found: cells.length };
        errors.add({ row, field: 'file', code: 'wrong_column_count', params });
        continue;
      }
      const input = toInput(new Map(columns.map((column, i) => [column, cells[i] ?? ''])));
      const parsed = memberInputSchema.safeParse(input);
      if (!parsed.success) {
        addSchemaErrors(errors, row, parsed.error.issues);
        continue;
      }
      const nationalId = storedNationalId(parsed.data);
      if (nationalId !== null) {
        // The earlier row is what the bookkeeper can find in the file (it has no member number yet).
        const firstRow = fileRows.get(nationalId);
        if (firstRow !== undefined) {
          errors.add({ row, field: 'national_id', code: 'national_id_taken', params: { row: firstRow } });
          continue;
        }
        fileRows.set(nationalId, row);
        const holder = registered.get(nationalId);
        if (holder !== undefined) {
          errors.add({ row, field: 'national_id', code: 'national_id_taken', params: { number: holder } });
          continue;
        }
      }
      const refusal = memberDatesRefusal(parsed.data, foundedOn, now.today);
      if (refusal) {
        const { code, field, params } = refusal.error;
        errors.add({ row, field: columnOf(field ?? 'file'), code, ...(params ? { params } : {}) });
        continue;
      }
      accepted.push(parsed.data);
    }
    if (errors.any) return { errors: errors.list };
    await insertCheckedMembers(trx, sqliteOf(db), accepted, now);
    return { imported: accepted.length };
  });
}

/** The national IDs already in the register, with the number of the member who holds each. */
async function registeredNationalIds(trx: Transaction<Database>): Promise<Map<string, number>> {
  const rows = await trx
    .selectFrom('members')
    .select(['national_id', 'number'])
    .where('national_id', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.national_id ?? '', r.number]));
}
