import { CsvError, parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { DomainError, type ErrorCode } from '../../shared/errors';
import { isRealIsoDate, parseDisplayDate, toLatinDigits } from '../../shared/khmer';
import { type MemberInput, memberInputSchema } from '../../shared/schemas';
import { issueCode } from '../../shared/validation';
import { getCooperative } from '../cooperative/profile';
import type { Database } from '../db/schema';
import { insertMember, type Now } from './register';

/**
 * One refusal in an import file. `row` counts data rows from 1 as a spreadsheet shows them below the
 * header; row 0 is the header itself. `field` is the CSV column name, or 'file' when the row as a whole
 * cannot be read.
 */
export interface RowError {
  row: number;
  field: string;
  code: ErrorCode;
  params?: Record<string, string | number>;
}

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

function schemaErrors(row: number, issues: z.core.$ZodIssue[]) {
  return issues.map(
    (issue): RowError => ({ row, field: columnOf(String(issue.path[0] ?? '')), code: issueCode(issue) }),
  );
}

function readHeader(header: readonly string[]): { columns: Column[]; errors: RowError[] } {
  const columns: Column[] = [];
  const errors: RowError[] = [];
  for (const cell of header) {
    const name = cell.trim().toLowerCase();
    if (!isColumn(name)) {
      errors.push({ row: 0, field: name, code: 'unknown_column' });
    } else if (columns.includes(name)) {
      errors.push({ row: 0, field: name, code: 'duplicate_column' });
    } else {
      columns.push(name);
    }
  }
  for (const name of REQUIRED_COLUMNS) {
    if (!columns.includes(name)) errors.push({ row: 0, field: name, code: 'required' });
  }
  return { columns, errors };
}

function readCsv(csvText: string): string[][] | RowError {
  try {
    // Rows of the wrong width are reported per row below, together with the other row errors.
    return parse(csvText, { bom: true, relax_column_count: true });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const row = typeof error.records === 'number' ? error.records : 0;
    return { row, field: 'file', code: 'csv_invalid', params: { reason: error.code } };
  }
}

class ImportRefused extends Error {}

/**
 * Adds every member of a CSV file, or none: a file with any bad row writes nothing at all (not even the
 * member numbers it would have taken), and the answer lists every bad row so that all of them can be
 * fixed in one go.
 */
export async function importMembersCsv(
  db: Kysely<Database>,
  csvText: string,
  now: Now,
): Promise<ImportResult> {
  const records = readCsv(csvText);
  if (!Array.isArray(records)) return { errors: [records] };
  const [header, ...rows] = records;
  if (header === undefined) return { errors: [{ row: 0, field: 'name_km', code: 'required' }] };
  const { columns, errors } = readHeader(header);
  if (errors.length > 0) return { errors };

  let imported = 0;
  try {
    await db.transaction().execute(async (trx) => {
      await getCooperative(trx);
      const nationalIdRows = new Map<string, number>();
      for (const [index, cells] of rows.entries()) {
        const row = index + 1;
        // Spreadsheets export trailing rows of empty cells; they are not members.
        if (cells.every((cell) => cell.trim() === '')) continue;
        if (cells.length !== columns.length) {
          const params = { expected: columns.length, found: cells.length };
          errors.push({ row, field: 'file', code: 'wrong_column_count', params });
          continue;
        }
        const input = toInput(new Map(columns.map((column, i) => [column, cells[i] ?? ''])));
        const parsed = memberInputSchema.safeParse(input);
        if (!parsed.success) {
          errors.push(...schemaErrors(row, parsed.error.issues));
          continue;
        }
        // insertMember would name the member number an earlier row took, but that number vanishes with
        // the rollback; the earlier row is what the bookkeeper can find in the file.
        const nationalId = toLatinDigits(parsed.data.nationalId).toUpperCase();
        const firstRow = nationalIdRows.get(nationalId);
        if (nationalId !== '' && firstRow !== undefined) {
          errors.push({ row, field: 'national_id', code: 'national_id_taken', params: { row: firstRow } });
          continue;
        }
        if (nationalId !== '') nationalIdRows.set(nationalId, row);
        try {
          await insertMember(trx, parsed.data, now);
          imported++;
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          const { code, field, params } = error.error;
          errors.push({ row, field: columnOf(field ?? 'file'), code, ...(params ? { params } : {}) });
        }
      }
      if (errors.length > 0) throw new ImportRefused();
    });
  } catch (error) {
    if (error instanceof ImportRefused) return { errors };
    throw error;
  }
  return { imported };
}
