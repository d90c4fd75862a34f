import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCooperative } from '../../main/cooperative/profile';
import { type OpenedDatabase, openDatabase } from '../../main/db/open';
import { demoCooperativeProfile } from '../../main/demo/cooperative';
import { importMembersCsv } from '../../main/members/import';
import { createMember } from '../../main/members/register';
import { DomainError } from '../../shared/errors';

const NOW = { today: '2026-01-15', timestamp: '2026-01-15T03:00:00.000Z' };
const PROFILE = {
  ...demoCooperativeProfile(NOW.today),
  foundedOn: '2015-03-01',
  registrationDate: '2015-03-01',
};

let dir: string;
let opened: OpenedDatabase;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-import-'));
  opened = await openDatabase(join(dir, 'coop.db'));
  await createCooperative(opened.db, PROFILE, NOW);
});

afterEach(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

const csv = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;

async function tableCounts() {
  const count = (table: 'members' | 'sequences') =>
    opened.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
  return { members: (await count('members')).n, sequences: (await count('sequences')).n };
}

describe('importMembersCsv', () => {
  it('imports a spreadsheet export with a BOM, Khmer sexes and DD/MM/YYYY dates, numbering 1..N', async () => {
    const file = `\ufeff${csv(
      'join_date,name_km,name_latin,sex,birth_date,national_id,phone,village,commune,next_of_kin,notes',
      '15/01/2020,សុខ ស្រីមុំ,Sok Sreymom,ស្រី,02/03/1980,010203040,012 345 678,ព្រែកតាមាក,ព្រះស្តេច,ចាន់ ធីតា,',
      '១០/០២/២០២១,ចាន់ វណ្ណា,Chan Vanna,ប្រុស,1975-12-31,,,ព្រែកតាមាក,ព្រះស្តេច,,"ប្រធានក្រុម, ភូមិ"',
      '2022-07-01,ហេង សុភា,,F,,,,,,,',
    )}`;

    expect(await importMembersCsv(opened.db, file, NOW)).toEqual({ imported: 3 });

    const rows = await opened.db
      .selectFrom('members')
      .select(['number', 'name_km', 'sex', 'birth_date', 'join_date', 'phone', 'notes'])
      .orderBy('number')
      .execute();
    expect(rows).toEqual([
      {
        number: 1,
        name_km: 'សុខ ស្រីមុំ',
        sex: 'F',
        birth_date: '1980-03-02',
        join_date: '2020-01-15',
        phone: '012345678',
        notes: null,
      },
      {
        number: 2,
        name_km: 'ចាន់ វណ្ណា',
        sex: 'M',
        birth_date: '1975-12-31',
        join_date: '2021-02-10',
        phone: null,
        notes: 'ប្រធានក្រុម, ភូមិ',
      },
      {
        number: 3,
        name_km: 'ហេង សុភា',
        sex: 'F',
        birth_date: null,
        join_date: '2022-07-01',
        phone: null,
        notes: null,
      },
    ]);
  });

  it('returns every bad row, and writes neither members nor member numbers', async () => {
    const file = csv(
      'name_km,sex,join_date,national_id',
      'សុខ ស្រីមុំ,F,15/01/2020,',
      ',M,15/01/2020,',
      'ចាន់ វណ្ណា,M,15/01/2020,N0123456',
      'ហេង សុភា,F,01/01/2027,',
      'លី ចន្ធូ,F,15/01/2020,n0123456',
      'គឹម វណ្ណា,M,15/01/2020,',
    );

    expect(await importMembersCsv(opened.db, file, NOW)).toEqual({
      errors: [
        { row: 2, field: 'name_km', code: 'required' },
        { row: 4, field: 'join_date', code: 'date_in_future' },
        { row: 5, field: 'national_id', code: 'national_id_taken', params: { row: 3 } },
      ],
    });
    expect(await tableCounts()).toEqual({ members: 0, sequences: 0 });
  });

  it('refuses a column it does not know, before reading any row', async () => {
    const file = csv('name_km,join_date,email', 'សុខ ស្រីមុំ,15/01/2020,sok@example.com');

    expect(await importMembersCsv(opened.db, file, NOW)).toEqual({
      errors: [{ row: 0, field: 'email', code: 'unknown_column' }],
    });
    expect(await tableCounts()).toEqual({ members: 0, sequences: 0 });
  });

  it('names the missing required columns', async () => {
    expect(await importMembersCsv(opened.db, csv('name_latin,sex', 'Sok,F'), NOW)).toEqual({
      errors: [
        { row: 0, field: 'name_km', code: 'required' },
        { row: 0, field: 'join_date', code: 'required' },
      ],
    });
  });

  it('reports the rules that need the register: an ID already held, a date before founding, a bad sex', async () => {
    const existing = await createMember(
      opened.db,
      {
        nameKm: 'សុខ សុភា',
        nameLatin: '',
        sex: 'F',
        birthDate: '',
        nationalId: '110220330',
        phone: '',
        village: '',
        commune: '',
        joinDate: '2016-01-01',
        nextOfKin: '',
        notes: '',
      },
      NOW,
    );
    const file = csv(
      'name_km,sex,join_date,national_id',
      'ចាន់ វណ្ណា,M,2020-01-15,១១០២២០៣៣០',
      'ហេង សុភា,F,2014-12-31,',
      'លី ចន្ធូ,X,2020-01-15,',
      'គឹម វណ្ណា,M,2020-02-30,',
      'ឈឹម សុខា,F',
    );

    expect(await importMembersCsv(opened.db, file, NOW)).toEqual({
      errors: [
        { row: 1, field: 'national_id', code: 'national_id_taken', params: { number: existing.number } },
        { row: 2, field: 'join_date', code: 'date_before_founding', params: { date: '2015-03-01' } },
        { row: 3, field: 'sex', code: 'validation' },
        { row: 4, field: 'join_date', code: 'date_invalid' },
        { row: 5, field: 'file', code: 'wrong_column_count', params: { expected: 4, found: 2 } },
      ],
    });
    expect(await tableCounts()).toEqual({ members: 1, sequences: 1 });
    const sequence = await opened.db.selectFrom('sequences').select('next_value').executeTakeFirstOrThrow();
    expect(sequence.next_value).toBe(2);
  });

  it('reports a quote left open with the row it starts in', async () => {
    const file = csv('name_km,join_date', 'សុខ ស្រីមុំ,2020-01-15', '"ចាន់ វណ្ណា,2020-01-15');

    expect(await importMembersCsv(opened.db, file, NOW)).toEqual({
      errors: [{ row: 2, field: 'file', code: 'csv_invalid', params: { reason: 'CSV_QUOTE_NOT_CLOSED' } }],
    });
  });

  it('refuses to import into a database without a cooperative', async () => {
    const empty = await openDatabase(join(dir, 'empty.db'));
    try {
      const refusal = importMembersCsv(empty.db, csv('name_km,sex,join_date', 'សុខ ស្រីមុំ,F,2020-01-15'), NOW);
      await expect(refusal).rejects.toThrow(DomainError);
      await expect(refusal).rejects.toMatchObject({ error: { code: 'no_cooperative' } });
    } finally {
      await empty.close();
    }
  });
});
