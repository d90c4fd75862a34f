import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type OpenedDatabase, openDatabase, schemaVersion } from '../../../main/db/open';

interface ColumnInfo {
  cid: number;
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

let dir: string;
let file: string;
let current: OpenedDatabase | null;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-'));
  file = join(dir, 'sahakum.db');
  current = null;
});

afterEach(async () => {
  await current?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function reopen(targetVersion?: number): Promise<BetterSqlite3.Database> {
  await current?.close();
  current = await openDatabase(file, targetVersion === undefined ? {} : { targetVersion });
  return current.sqlite;
}

const tableNames = (sqlite: BetterSqlite3.Database) =>
  sqlite
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];

const columns = (sqlite: BetterSqlite3.Database, table: string) =>
  (sqlite.prepare(`SELECT * FROM pragma_table_info(?) ORDER BY cid`).all(table) as ColumnInfo[]).map(
    (c) => `${c.name} ${c.type}${c.notnull ? ' NOT NULL' : ''}${c.pk ? ' PK' : ''}`,
  );

const TS = '2026-11-28T03:00:00.000Z';

function insertCooperative(sqlite: BetterSqlite3.Database, id = 1): void {
  sqlite
    .prepare(
      `INSERT INTO cooperative (id, name_km, founded_on, share_par, created_at, updated_at)
       VALUES (?, 'សហគមន៍កសិកម្ម ព្រៃខ្លា', '2016-03-15', 20000, ?, ?)`,
    )
    .run(id, TS, TS);
}

interface MemberFields {
  number: number;
  nameKm?: string;
  sex?: string;
  nationalId?: string | null;
  status?: string;
  exitDate?: string | null;
}

function insertMember(sqlite: BetterSqlite3.Database, m: MemberFields): void {
  sqlite
    .prepare(
      `INSERT INTO members (number, name_km, sex, national_id, village, join_date, status, exit_date,
         created_at, updated_at)
       VALUES (?, ?, ?, ?, 'ព្រៃខ្លា', '2020-01-10', ?, ?, ?, ?)`,
    )
    .run(
      m.number,
      m.nameKm ?? 'សុខ ស្រីមុំ',
      m.sex ?? 'F',
      m.nationalId ?? null,
      m.status ?? 'active',
      m.exitDate ?? null,
      TS,
      TS,
    );
}

const memberCount = (sqlite: BetterSqlite3.Database) =>
  sqlite.prepare('SELECT count(*) FROM members').pluck().get() as number;

describe('migration 001: cooperative and members', () => {
  it('starts from an empty file at version 0 and migrates to version 1 on the next open', async () => {
    const empty = await reopen(0);
    expect(schemaVersion(empty)).toBe(0);
    expect(tableNames(empty)).toEqual([]);

    const migrated = await reopen(1);
    expect(schemaVersion(migrated)).toBe(1);
    expect(tableNames(migrated)).toEqual(['cooperative', 'members', 'sequences']);
  });

  it('creates the columns the services rely on, with their types and NOT NULLs', async () => {
    await reopen(0);
    const sqlite = await reopen(1);
    expect(columns(sqlite, 'cooperative')).toEqual([
      'id INTEGER PK',
      'name_km TEXT NOT NULL',
      'name_latin TEXT',
      'registration_number TEXT',
      'registration_date TEXT',
      'founded_on TEXT NOT NULL',
      'village TEXT',
      'commune TEXT',
      'district TEXT',
      'province TEXT',
      'fiscal_year_start_month INTEGER NOT NULL',
      'share_par INTEGER NOT NULL',
      'share_cap_per_member INTEGER NOT NULL',
      'chair TEXT',
      'vice_chair TEXT',
      'treasurer TEXT',
      'bookkeeper TEXT',
      'internal_control TEXT',
      'report_digits TEXT NOT NULL',
      'is_demo INTEGER NOT NULL',
      'created_at TEXT NOT NULL',
      'updated_at TEXT NOT NULL',
    ]);
    // In a STRICT table a TEXT primary key is NOT NULL as well.
    expect(columns(sqlite, 'sequences')).toEqual(['name TEXT NOT NULL PK', 'next_value INTEGER NOT NULL']);
    expect(columns(sqlite, 'members')).toEqual([
      'id INTEGER PK',
      'number INTEGER NOT NULL',
      'name_km TEXT NOT NULL',
      'name_latin TEXT',
      'sex TEXT NOT NULL',
      'birth_date TEXT',
      'national_id TEXT',
      'phone TEXT',
      'village TEXT',
      'commune TEXT',
      'join_date TEXT NOT NULL',
      'status TEXT NOT NULL',
      'exit_date TEXT',
      'exit_reason TEXT',
      'next_of_kin TEXT',
      'notes TEXT',
      'created_at TEXT NOT NULL',
      'updated_at TEXT NOT NULL',
    ]);
    const indexes = sqlite
      .prepare(
        `SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'members' AND sql IS NOT NULL`,
      )
      .pluck()
      .all();
    expect(indexes.sort()).toEqual(['members_status', 'members_village']);
  });

  it('fills the cooperative defaults: January year, no share cap, Khmer digits, not a demo', async () => {
    await reopen(0);
    const sqlite = await reopen();
    insertCooperative(sqlite);
    expect(
      sqlite
        .prepare(
          'SELECT fiscal_year_start_month, share_cap_per_member, report_digits, is_demo FROM cooperative',
        )
        .get(),
    ).toEqual({ fiscal_year_start_month: 1, share_cap_per_member: 0, report_digits: 'khmer', is_demo: 0 });
  });

  it('holds only one cooperative, the row with id 1', async () => {
    await reopen(0);
    const sqlite = await reopen();
    expect(() => insertCooperative(sqlite, 2)).toThrow(/CHECK constraint failed/);
    insertCooperative(sqlite, 1);
    expect(() => insertCooperative(sqlite, 1)).toThrow(/UNIQUE constraint failed: cooperative\.id/);
    expect(sqlite.prepare('SELECT id FROM cooperative').pluck().all()).toEqual([1]);
  });

  it('accepts only F or M as sex', async () => {
    await reopen(0);
    const sqlite = await reopen();
    for (const sex of ['X', 'f', '', 'ស្រី']) {
      expect(() => insertMember(sqlite, { number: 1, sex })).toThrow(/CHECK constraint failed/);
    }
    insertMember(sqlite, { number: 1, sex: 'F' });
    insertMember(sqlite, { number: 2, nameKm: 'ចាន់ សុភា', sex: 'M' });
    expect(sqlite.prepare('SELECT sex FROM members ORDER BY number').pluck().all()).toEqual(['F', 'M']);
  });

  it('keeps status and exit date consistent: only active members have no exit date', async () => {
    await reopen(0);
    const sqlite = await reopen();
    const refused: MemberFields[] = [
      { number: 1, status: 'active', exitDate: '2025-06-01' },
      { number: 1, status: 'left', exitDate: null },
      { number: 1, status: 'deceased', exitDate: null },
      { number: 1, status: 'moved', exitDate: '2025-06-01' },
    ];
    for (const fields of refused) {
      expect(() => insertMember(sqlite, fields)).toThrow(/CHECK constraint failed/);
    }
    expect(memberCount(sqlite)).toBe(0);

    insertMember(sqlite, { number: 1, status: 'active', exitDate: null });
    insertMember(sqlite, { number: 2, nameKm: 'ហេង សុខា', status: 'left', exitDate: '2025-06-01' });
    insertMember(sqlite, { number: 3, nameKm: 'គឹម វណ្ណា', status: 'deceased', exitDate: '2026-02-14' });
    expect(memberCount(sqlite)).toBe(3);
    // Re-activating a member without clearing the exit date is refused on update too.
    expect(() => sqlite.prepare(`UPDATE members SET status = 'active' WHERE number = 2`).run()).toThrow(
      /CHECK constraint failed/,
    );
  });

  it('allows many NULL national IDs but no duplicate national ID or member number', async () => {
    await reopen(0);
    const sqlite = await reopen();
    insertMember(sqlite, { number: 1, nationalId: null });
    insertMember(sqlite, { number: 2, nameKm: 'ចាន់ សុភា', sex: 'M', nationalId: null });
    insertMember(sqlite, { number: 3, nameKm: 'លី ចន្ធូ', sex: 'M', nationalId: null });
    insertMember(sqlite, { number: 4, nameKm: 'អ៊ុំ សុផល', nationalId: '010203040' });
    expect(() => insertMember(sqlite, { number: 5, nameKm: 'ស៊ុន ធារី', nationalId: '010203040' })).toThrow(
      /UNIQUE constraint failed: members\.national_id/,
    );
    expect(() => insertMember(sqlite, { number: 4, nameKm: 'ស៊ុន ធារី' })).toThrow(
      /UNIQUE constraint failed: members\.number/,
    );
    expect(() => insertMember(sqlite, { number: 0, nameKm: 'ស៊ុន ធារី' })).toThrow(/CHECK constraint failed/);
    expect(memberCount(sqlite)).toBe(4);
    expect(sqlite.prepare('SELECT count(*) FROM members WHERE national_id IS NULL').pluck().get()).toBe(3);
  });

  it('refuses an empty Khmer name and a sequence value below 1', async () => {
    await reopen(0);
    const sqlite = await reopen();
    expect(() => insertMember(sqlite, { number: 1, nameKm: '' })).toThrow(/CHECK constraint failed/);
    expect(() => sqlite.prepare(`INSERT INTO sequences VALUES ('member_number', 0)`).run()).toThrow(
      /CHECK constraint failed/,
    );
    sqlite.prepare(`INSERT INTO sequences VALUES ('member_number', 1)`).run();
    expect(() => sqlite.prepare(`INSERT INTO sequences VALUES ('member_number', 5)`).run()).toThrow(
      /UNIQUE constraint failed: sequences\.name/,
    );
  });
});
