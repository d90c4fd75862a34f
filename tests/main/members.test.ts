import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCooperative } from '../../main/cooperative/profile';
import { type OpenedDatabase, openDatabase } from '../../main/db/open';
import { createMember, exitMember, getMember, type Now, updateMember } from '../../main/members/register';
import { listMembers } from '../../main/members/search';
import { DomainError } from '../../shared/errors';
import {
  type CooperativeInput,
  type MemberInput,
  type MemberQuery,
  memberInputSchema,
} from '../../shared/schemas';
import { preyKhla } from '../support/cooperative';

const NOW: Now = { today: '2026-11-28', timestamp: '2026-11-28T03:15:00.000Z' };
const LATER: Now = { today: '2026-11-28', timestamp: '2026-11-28T04:40:00.000Z' };
const FOUNDED_ON = '2016-03-15';

const cooperative: CooperativeInput = { ...preyKhla, foundedOn: FOUNDED_ON };

/** A member as the form would send it, after the same schema the router applies. */
function member(overrides: Partial<MemberInput> = {}): MemberInput {
  return memberInputSchema.parse({
    nameKm: 'សុខ ស្រីមុំ',
    nameLatin: 'Sok Sreymom',
    sex: 'F',
    birthDate: '1984-07-09',
    nationalId: '',
    phone: '',
    village: 'ព្រៃខ្លា',
    commune: 'ព្រះស្តេច',
    joinDate: '2018-02-20',
    nextOfKin: 'សុខ ដារា (ប្តី)',
    notes: '',
    ...overrides,
  });
}

let dir: string;
let database: OpenedDatabase;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-'));
  database = await openDatabase(join(dir, 'sahakum.db'));
});

afterEach(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

const withCooperative = () => createCooperative(database.db, cooperative, NOW);

/** Everything a refused call could have written. */
async function snapshot() {
  return {
    members: await database.db.selectFrom('members').selectAll().orderBy('id').execute(),
    sequences: await database.db.selectFrom('sequences').selectAll().orderBy('name').execute(),
  };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError['error']> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error.error;
    throw error;
  }
  throw new Error('expected a DomainError, but the call succeeded');
}

describe('creating members', () => {
  it('refuses every member before the cooperative exists', async () => {
    expect(await refusal(createMember(database.db, member(), NOW))).toEqual({ code: 'no_cooperative' });
    expect(await snapshot()).toEqual({ members: [], sequences: [] });
  });

  it('stores the member as given, active, with empty optional fields as empty strings', async () => {
    await withCooperative();
    const created = await createMember(
      database.db,
      member({ nationalId: '', phone: '', nextOfKin: '', birthDate: '', nameLatin: '' }),
      NOW,
    );
    expect(created).toEqual({
      id: created.id,
      number: 1,
      nameKm: 'សុខ ស្រីមុំ',
      nameLatin: '',
      sex: 'F',
      birthDate: '',
      nationalId: '',
      phone: '',
      village: 'ព្រៃខ្លា',
      commune: 'ព្រះស្តេច',
      joinDate: '2018-02-20',
      status: 'active',
      exitDate: '',
      exitReason: '',
      nextOfKin: '',
      notes: '',
    });
    expect(await getMember(database.db, created.id)).toEqual(created);
    const row = await database.db
      .selectFrom('members')
      .select(['name_latin', 'birth_date', 'national_id', 'phone', 'created_at', 'updated_at'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      name_latin: null,
      birth_date: null,
      national_id: null,
      phone: null,
      created_at: NOW.timestamp,
      updated_at: NOW.timestamp,
    });
  });

  it('numbers members 1, 2, 3 in order and never hands a number out twice', async () => {
    await withCooperative();
    const a = await createMember(database.db, member(), NOW);
    const b = await createMember(database.db, member({ nameKm: 'ចាន់ សុភា', sex: 'M' }), NOW);
    const c = await createMember(database.db, member({ nameKm: 'គឹម វណ្ណា', sex: 'M' }), NOW);
    expect([a.number, b.number, c.number]).toEqual([1, 2, 3]);
    expect((await snapshot()).sequences).toEqual([{ name: 'member_number', next_value: 4 }]);

    // Even if the row holding number 3 disappeared, 3 is not given again.
    await database.db.deleteFrom('members').where('number', '=', 3).execute();
    const d = await createMember(database.db, member({ nameKm: 'អ៊ុំ សុផល' }), NOW);
    expect(d.number).toBe(4);
    expect((await snapshot()).sequences).toEqual([{ name: 'member_number', next_value: 5 }]);
  });

  it('does not use up a number on a refused member', async () => {
    await withCooperative();
    await createMember(database.db, member(), NOW);
    await refusal(createMember(database.db, member({ joinDate: '2026-11-29' }), NOW));
    const next = await createMember(database.db, member({ nameKm: 'ហេង សុខា' }), NOW);
    expect(next.number).toBe(2);
  });

  it('accepts the boundaries: joined on the founding day, joined today, born the day before', async () => {
    await withCooperative();
    const founding = await createMember(database.db, member({ joinDate: FOUNDED_ON }), NOW);
    const today = await createMember(
      database.db,
      member({ nameKm: 'ស្រី នីតា', joinDate: NOW.today, birthDate: '2008-11-27' }),
      NOW,
    );
    const justBorn = await createMember(
      database.db,
      member({ nameKm: 'កែវ បុប្ផា', joinDate: '2020-05-10', birthDate: '2020-05-09' }),
      NOW,
    );
    expect([founding.joinDate, today.joinDate, justBorn.birthDate]).toEqual([
      FOUNDED_ON,
      NOW.today,
      '2020-05-09',
    ]);
  });

  const refusals: [string, Partial<MemberInput>, DomainError['error']][] = [
    [
      'a birth date in the future',
      { birthDate: '2026-11-29' },
      { code: 'date_in_future', field: 'birthDate' },
    ],
    ['a join date in the future', { joinDate: '2026-11-29' }, { code: 'date_in_future', field: 'joinDate' }],
    [
      'a join date before the founding',
      { joinDate: '2016-03-14' },
      { code: 'date_before_founding', field: 'joinDate', params: { date: FOUNDED_ON } },
    ],
    [
      'a birth date on the join date',
      { birthDate: '2018-02-20', joinDate: '2018-02-20' },
      { code: 'date_after_join', field: 'birthDate' },
    ],
    [
      'a birth date after the join date',
      { birthDate: '2019-01-01', joinDate: '2018-02-20' },
      { code: 'date_after_join', field: 'birthDate' },
    ],
  ];

  for (const [what, overrides, expected] of refusals) {
    it(`refuses ${what} and writes nothing`, async () => {
      await withCooperative();
      await createMember(database.db, member({ nameKm: 'ចាន់ សុភា', sex: 'M' }), NOW);
      const before = await snapshot();
      expect(await refusal(createMember(database.db, member(overrides), NOW))).toEqual(expected);
      expect(await snapshot()).toEqual(before);
      expect(before.members).toHaveLength(1);
      expect(before.sequences).toEqual([{ name: 'member_number', next_value: 2 }]);
    });
  }

  it('refuses a national ID another member holds, naming that member, and writes nothing', async () => {
    await withCooperative();
    await createMember(database.db, member({ nameKm: 'ចាន់ សុភា', sex: 'M' }), NOW);
    await createMember(database.db, member({ nationalId: '010203040' }), NOW);
    const before = await snapshot();
    const error = await refusal(
      createMember(database.db, member({ nameKm: 'អ៊ុំ សុផល', nationalId: '010203040' }), NOW),
    );
    expect(error).toEqual({ code: 'national_id_taken', field: 'nationalId', params: { number: 2 } });
    expect(await snapshot()).toEqual(before);
    expect(before.sequences).toEqual([{ name: 'member_number', next_value: 3 }]);
  });

  it('stores a national ID typed in Khmer digits with Latin digits, and it still collides', async () => {
    await withCooperative();
    const first = await createMember(database.db, member({ nationalId: '០១០២០៣០៤០' }), NOW);
    expect(first.nationalId).toBe('010203040');
    const stored = await database.db.selectFrom('members').select('national_id').executeTakeFirstOrThrow();
    expect(stored.national_id).toBe('010203040');

    const before = await snapshot();
    expect(
      await refusal(createMember(database.db, member({ nameKm: 'លី ចន្ធូ', nationalId: '010203040' }), NOW)),
    ).toEqual({ code: 'national_id_taken', field: 'nationalId', params: { number: 1 } });
    expect(
      await refusal(createMember(database.db, member({ nameKm: 'លី ចន្ធូ', nationalId: '០១០២០៣០៤០' }), NOW)),
    ).toEqual({ code: 'national_id_taken', field: 'nationalId', params: { number: 1 } });
    expect(await snapshot()).toEqual(before);

    // Letters are stored upper case, so a lower-case copy collides as well.
    const lettered = await createMember(
      database.db,
      member({ nameKm: 'ហេង សុខា', nationalId: 'kh1២៣៤៥៦' }),
      NOW,
    );
    expect(lettered.nationalId).toBe('KH123456');
    expect(
      await refusal(createMember(database.db, member({ nameKm: 'លី ចន្ធូ', nationalId: 'Kh123456' }), NOW)),
    ).toEqual({ code: 'national_id_taken', field: 'nationalId', params: { number: 2 } });
  });

  it('lets many members have no national ID', async () => {
    await withCooperative();
    await createMember(database.db, member({ nationalId: '' }), NOW);
    await createMember(database.db, member({ nameKm: 'ចាន់ សុភា', sex: 'M', nationalId: '' }), NOW);
    await createMember(database.db, member({ nameKm: 'គឹម វណ្ណា', sex: 'M', nationalId: '' }), NOW);
    const rows = await database.db.selectFrom('members').select('national_id').execute();
    expect(rows).toEqual([{ national_id: null }, { national_id: null }, { national_id: null }]);
  });

  it('stores phone numbers in their national form', async () => {
    await withCooperative();
    const international = await createMember(database.db, member({ phone: '+855 12 345 678' }), NOW);
    const khmerDigits = await createMember(
      database.db,
      member({ nameKm: 'ចាន់ សុភា', sex: 'M', phone: '០៩៧ ៧៦៥ ៤៣២១' }),
      NOW,
    );
    const withDots = member({ nameKm: 'គឹម វណ្ណា', phone: '012.345.679' });
    const dotted = await createMember(database.db, withDots, NOW);
    expect([international.phone, khmerDigits.phone, dotted.phone]).toEqual([
      '012345678',
      '0977654321',
      '012345679',
    ]);
    const stored = await database.db.selectFrom('members').select('phone').orderBy('number').execute();
    expect(stored.map((r) => r.phone)).toEqual(['012345678', '0977654321', '012345679']);
  });
});

describe('updating and exiting members', () => {
  it('updates a member in place, keeping the number and the status', async () => {
    await withCooperative();
    const created = await createMember(database.db, member(), NOW);
    const updated = await updateMember(
      database.db,
      { ...member({ village: 'ត្រពាំងវែង', phone: '+855 97 765 4321' }), id: created.id },
      LATER,
    );
    expect(updated).toEqual({ ...created, village: 'ត្រពាំងវែង', phone: '0977654321' });
    const row = await database.db
      .selectFrom('members')
      .select(['created_at', 'updated_at'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ created_at: NOW.timestamp, updated_at: LATER.timestamp });
  });

  it('lets a member keep their own national ID on update but not take another member’s', async () => {
    await withCooperative();
    const a = await createMember(database.db, member({ nationalId: '010203040' }), NOW);
    const b = await createMember(database.db, member({ nameKm: 'ចាន់ សុភា', nationalId: '090807060' }), NOW);
    const same = await updateMember(database.db, { ...member({ nationalId: '010203040' }), id: a.id }, LATER);
    expect(same.nationalId).toBe('010203040');
    const before = await snapshot();
    expect(
      await refusal(
        updateMember(
          database.db,
          { ...member({ nameKm: 'ចាន់ សុភា', nationalId: '010203040' }), id: b.id },
          LATER,
        ),
      ),
    ).toEqual({ code: 'national_id_taken', field: 'nationalId', params: { number: 1 } });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to update a member that does not exist', async () => {
    await withCooperative();
    expect(await refusal(updateMember(database.db, { ...member(), id: 42 }, LATER))).toEqual({
      code: 'not_found',
      field: 'id',
    });
    expect(await refusal(getMember(database.db, 42))).toEqual({ code: 'not_found', field: 'id' });
  });

  it('records a member who left, with the date and the reason, and keeps the record', async () => {
    await withCooperative();
    const created = await createMember(database.db, member(), NOW);
    const left = await exitMember(
      database.db,
      { id: created.id, status: 'left', exitDate: '2026-10-31', reason: 'ផ្លាស់ទៅរស់នៅភ្នំពេញ' },
      LATER,
    );
    expect(left).toEqual({
      ...created,
      status: 'left',
      exitDate: '2026-10-31',
      exitReason: 'ផ្លាស់ទៅរស់នៅភ្នំពេញ',
    });
    expect(await getMember(database.db, created.id)).toEqual(left);
    const row = await database.db.selectFrom('members').select('updated_at').executeTakeFirstOrThrow();
    expect(row.updated_at).toBe(LATER.timestamp);
  });

  it('records a death on the day itself, with no reason', async () => {
    await withCooperative();
    const created = await createMember(database.db, member({ nameKm: 'ហេង សុខា', sex: 'M' }), NOW);
    const deceased = await exitMember(
      database.db,
      { id: created.id, status: 'deceased', exitDate: NOW.today, reason: '' },
      NOW,
    );
    expect([deceased.status, deceased.exitDate, deceased.exitReason]).toEqual(['deceased', NOW.today, '']);
  });

  it('refuses a second exit of a member who already left, and writes nothing', async () => {
    await withCooperative();
    const created = await createMember(database.db, member(), NOW);
    await exitMember(
      database.db,
      { id: created.id, status: 'left', exitDate: '2026-10-31', reason: 'ផ្លាស់ទី' },
      NOW,
    );
    const before = await snapshot();
    expect(
      await refusal(
        exitMember(
          database.db,
          { id: created.id, status: 'deceased', exitDate: '2026-11-20', reason: '' },
          LATER,
        ),
      ),
    ).toEqual({ code: 'member_not_active', field: 'status' });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an exit before the join date, and one in the future, and writes nothing', async () => {
    await withCooperative();
    const created = await createMember(database.db, member({ joinDate: '2018-02-20' }), NOW);
    const before = await snapshot();
    expect(
      await refusal(
        exitMember(
          database.db,
          { id: created.id, status: 'left', exitDate: '2018-02-19', reason: '' },
          LATER,
        ),
      ),
    ).toEqual({ code: 'date_before_join', field: 'exitDate', params: { date: '2018-02-20' } });
    expect(
      await refusal(
        exitMember(
          database.db,
          { id: created.id, status: 'left', exitDate: '2026-11-29', reason: '' },
          LATER,
        ),
      ),
    ).toEqual({ code: 'date_in_future', field: 'exitDate' });
    expect(await snapshot()).toEqual(before);
    expect((await getMember(database.db, created.id)).status).toBe('active');
    expect(
      await refusal(
        exitMember(database.db, { id: 99, status: 'left', exitDate: '2026-11-01', reason: '' }, LATER),
      ),
    ).toEqual({ code: 'not_found', field: 'id' });
  });

  it('updates a member who left and keeps them left, with their exit date and reason', async () => {
    await withCooperative();
    const created = await createMember(database.db, member(), NOW);
    const left = await exitMember(
      database.db,
      { id: created.id, status: 'left', exitDate: '2026-10-31', reason: 'ផ្លាស់ទៅរស់នៅភ្នំពេញ' },
      NOW,
    );
    const updated = await updateMember(
      database.db,
      { ...member({ notes: 'បានដកប្រាក់សន្សំរួចហើយ', phone: '012 345 678' }), id: created.id },
      LATER,
    );
    expect(updated).toEqual({ ...left, notes: 'បានដកប្រាក់សន្សំរួចហើយ', phone: '012345678' });
    expect(updated.status).toBe('left');
  });

  it('refuses moving the join date of a member who left past their exit date', async () => {
    await withCooperative();
    const created = await createMember(database.db, member(), NOW);
    await exitMember(
      database.db,
      { id: created.id, status: 'left', exitDate: '2024-06-30', reason: '' },
      NOW,
    );
    const before = await snapshot();
    expect(
      await refusal(
        updateMember(database.db, { ...member({ joinDate: '2024-07-01' }), id: created.id }, LATER),
      ),
    ).toEqual({ code: 'date_after_exit', field: 'joinDate', params: { date: '2024-06-30' } });
    expect(await snapshot()).toEqual(before);
  });
});

// Twelve members of a Prey Veng cooperative, in the order they joined (so member N is REGISTER[N - 1]).
const REGISTER: Partial<MemberInput>[] = [
  { nameKm: 'សុខ ដារា', nameLatin: 'Sok Dara', sex: 'M', village: 'ព្រៃខ្លា' },
  { nameKm: 'ចាន់ ស្រីមុំ', nameLatin: 'Chan Sreymom', sex: 'F', village: 'ត្រពាំងវែង' },
  { nameKm: 'គឹម វណ្ណា', nameLatin: 'Kim Vanna', sex: 'M', village: 'ព្រៃខ្លា' },
  { nameKm: 'អ៊ុំ សុផល', nameLatin: 'Um Sophal', sex: 'F', village: 'ស្វាយជ្រុំ' },
  { nameKm: 'ក្រូច ចន្ធូ', nameLatin: 'Krouch Chanthou', sex: 'F', village: 'ព្រៃខ្លា' },
  { nameKm: 'ស្រី នីតា', nameLatin: 'Srey Nita', sex: 'F', village: 'ត្រពាំងវែង' },
  { nameKm: 'កែវ បុប្ផា', nameLatin: 'Keo Bopha', sex: 'F', village: 'ស្វាយជ្រុំ' },
  { nameKm: 'ហេង សុភា', nameLatin: 'Heng Sophea', sex: 'M', village: 'ត្រពាំងវែង' },
  { nameKm: 'ឯក សំណាង', nameLatin: 'Ek Samnang', sex: 'M', village: 'ព្រៃខ្លា' },
  { nameKm: 'ង៉ែត ស្រីល័ក្ខ', nameLatin: 'Nget Sreyleak', sex: 'F', village: 'ស្វាយជ្រុំ' },
  { nameKm: 'ខៀវ សុខុម', nameLatin: 'Khiev Sokhom', sex: 'M', village: 'ត្រពាំងវែង' },
  { nameKm: 'គង់ ស្រស់', nameLatin: 'Kong Sras', sex: 'F', village: 'ព្រៃខ្លា' },
];

describe('searching the register', () => {
  const query = (overrides: Partial<MemberQuery> = {}): MemberQuery => ({
    text: '',
    status: 'all',
    sex: 'all',
    sort: 'number',
    ...overrides,
  });
  const numbers = async (overrides: Partial<MemberQuery>) =>
    (await listMembers(database.db, query(overrides))).map((row) => row.number);

  beforeEach(async () => {
    await withCooperative();
    for (const [index, fields] of REGISTER.entries()) {
      const joinDate = `2017-${String(index + 1).padStart(2, '0')}-10`;
      await createMember(database.db, member({ ...fields, joinDate, commune: 'ព្រះស្តេច' }), NOW);
    }
    await exitMember(database.db, { id: 4, status: 'left', exitDate: '2025-01-15', reason: 'ផ្លាស់ទី' }, NOW);
    await exitMember(database.db, { id: 8, status: 'deceased', exitDate: '2026-03-02', reason: '' }, NOW);
  });

  it('lists every member by number, with the columns the list shows', async () => {
    const rows = await listMembers(database.db, query());
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(rows[3]).toEqual({
      id: 4,
      number: 4,
      nameKm: 'អ៊ុំ សុផល',
      nameLatin: 'Um Sophal',
      sex: 'F',
      village: 'ស្វាយជ្រុំ',
      commune: 'ព្រះស្តេច',
      joinDate: '2017-04-10',
      status: 'left',
      phone: '',
    });
  });

  it('finds a member by number, in Latin or Khmer digits, and only that member', async () => {
    expect(await numbers({ text: '2' })).toEqual([2]);
    expect(await numbers({ text: '២' })).toEqual([2]);
    expect(await numbers({ text: '12' })).toEqual([12]);
    expect(await numbers({ text: '១២' })).toEqual([12]);
    expect(await numbers({ text: ' 7 ' })).toEqual([7]);
    expect(await numbers({ text: '13' })).toEqual([]);
  });

  it('finds a Khmer name from a fragment in the middle of it', async () => {
    expect(await numbers({ text: 'ស្រីម' })).toEqual([2]);
    expect(await numbers({ text: 'ណ្ណ' })).toEqual([3]);
    expect(await numbers({ text: 'ស្រី' })).toEqual([2, 6, 10]);
  });

  it('finds a Latin name from a fragment, whatever its case', async () => {
    expect(await numbers({ text: 'sok' })).toEqual([1, 11]);
    expect(await numbers({ text: 'SOK' })).toEqual([1, 11]);
    expect(await numbers({ text: 'anth' })).toEqual([5]);
  });

  it('finds the members of a village', async () => {
    expect(await numbers({ text: 'ព្រៃខ្លា' })).toEqual([1, 3, 5, 9, 12]);
    expect(await numbers({ text: 'ស្វាយជ្រុំ' })).toEqual([4, 7, 10]);
  });

  it('takes % and _ in the search text literally', async () => {
    expect(await numbers({ text: '%' })).toEqual([]);
    expect(await numbers({ text: '_' })).toEqual([]);
    expect(await numbers({ text: 'S%a' })).toEqual([]);
    await createMember(
      database.db,
      member({ nameKm: 'ម៉ៅ សាវី', nameLatin: 'Mao Savy 50%', joinDate: '2019-01-01' }),
      NOW,
    );
    await createMember(
      database.db,
      member({ nameKm: 'ម៉ៅ សាវុធ', nameLatin: 'Mao_Savuth', joinDate: '2019-01-01' }),
      NOW,
    );
    expect(await numbers({ text: '%' })).toEqual([13]);
    expect(await numbers({ text: '_' })).toEqual([14]);
    expect(await numbers({ text: '0%' })).toEqual([13]);
  });

  it('filters by status and by sex, alone and together with the text', async () => {
    expect(await numbers({ status: 'left' })).toEqual([4]);
    expect(await numbers({ status: 'deceased' })).toEqual([8]);
    expect(await numbers({ status: 'active' })).toEqual([1, 2, 3, 5, 6, 7, 9, 10, 11, 12]);
    expect(await numbers({ sex: 'F' })).toEqual([2, 4, 5, 6, 7, 10, 12]);
    expect(await numbers({ sex: 'M' })).toEqual([1, 3, 8, 9, 11]);
    expect(await numbers({ sex: 'M', status: 'active' })).toEqual([1, 3, 9, 11]);
    expect(await numbers({ text: 'ត្រពាំងវែង', sex: 'M' })).toEqual([8, 11]);
    expect(await numbers({ text: 'ត្រពាំងវែង', sex: 'M', status: 'active' })).toEqual([11]);
  });

  it('sorts by name in Khmer collation order', async () => {
    const rows = await listMembers(database.db, query({ sort: 'name' }));
    const names = REGISTER.map((m) => m.nameKm ?? '');
    const expected = [...names].sort(new Intl.Collator('km').compare);
    expect(rows.map((r) => r.nameKm)).toEqual(expected);
    // Khmer order, not code point order: the two would differ on this register.
    expect(expected).not.toEqual([...names].sort());
    expect(expected.indexOf('ក្រូច ចន្ធូ')).toBeLessThan(expected.indexOf('គឹម វណ្ណា'));
    expect(expected.indexOf('គង់ ស្រស់')).toBeLessThan(expected.indexOf('សុខ ដារា'));
    expect(expected.indexOf('សុខ ដារា')).toBeLessThan(expected.indexOf('អ៊ុំ សុផល'));
    expect(rows[0]?.nameKm).toBe(expected[0]);
    expect(rows.at(-1)?.nameKm).toBe(expected.at(-1));
  });

  it('sorts by name with the filters applied', async () => {
    const rows = await listMembers(database.db, query({ sort: 'name', sex: 'F', status: 'active' }));
    const women = REGISTER.filter((m, i) => m.sex === 'F' && i !== 3).map((m) => m.nameKm ?? '');
    expect(rows.map((r) => r.nameKm)).toEqual([...women].sort(new Intl.Collator('km').compare));
  });

  it('sorts by number numerically, not as text nor in the order the rows were written', async () => {
    const rows = await listMembers(database.db, query({ sort: 'number' }));
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // Give the first three rows written the highest numbers (as a register taken over from paper might).
    await database.db
      .updateTable('members')
      .set((eb) => ({ number: eb('number', '+', 100) }))
      .where('id', '<=', 3)
      .execute();
    expect(await numbers({ sort: 'number' })).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 101, 102, 103]);
    expect(await numbers({ sort: 'number', text: 'ព្រៃខ្លា' })).toEqual([5, 9, 12, 101, 103]);
  });
});
