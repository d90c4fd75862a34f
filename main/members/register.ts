import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import { DomainError } from '../../shared/errors';
import { toLatinDigits } from '../../shared/khmer';
import { normalizeCambodianPhone } from '../../shared/phone';
import type { Member, MemberExit, MemberInput, MemberUpdate } from '../../shared/schemas';
import type { Now } from '../clock';
import { getCooperative } from '../cooperative/profile';
import { guarded } from '../db/dialect';
import type { Database, MemberRecord } from '../db/schema';
import { takeNextNumbers } from '../db/sequences';
import { nullIfEmpty } from '../db/text';

type Db = Kysely<Database> | Transaction<Database>;

export type { Now };

export function toMember(row: MemberRecord): Member {
  return {
    id: row.id,
    number: row.number,
    nameKm: row.name_km,
    nameLatin: row.name_latin ?? '',
    sex: row.sex,
    birthDate: row.birth_date ?? '',
    nationalId: row.national_id ?? '',
    phone: row.phone ?? '',
    village: row.village ?? '',
    commune: row.commune ?? '',
    joinDate: row.join_date,
    status: row.status,
    exitDate: row.exit_date ?? '',
    exitReason: row.exit_reason ?? '',
    nextOfKin: row.next_of_kin ?? '',
    notes: row.notes ?? '',
  };
}

/** The national ID as the register stores and compares it: Latin digits, capital letters; null if none. */
export const storedNationalId = (input: MemberInput) =>
  nullIfEmpty(toLatinDigits(input.nationalId).toUpperCase());

function toColumns(input: MemberInput) {
  return {
    name_km: input.nameKm,
    name_latin: nullIfEmpty(input.nameLatin),
    sex: input.sex,
    birth_date: nullIfEmpty(input.birthDate),
    national_id: storedNationalId(input),
    phone: input.phone === '' ? null : normalizeCambodianPhone(input.phone),
    village: nullIfEmpty(input.village),
    commune: nullIfEmpty(input.commune),
    join_date: input.joinDate,
    next_of_kin: nullIfEmpty(input.nextOfKin),
    notes: nullIfEmpty(input.notes),
  };
}

/** The rules a member's dates must pass against the calendar and the cooperative's founding. */
export function memberDatesRefusal(input: MemberInput, foundedOn: string, today: string): DomainError | null {
  if (input.birthDate && input.birthDate > today) return new DomainError('date_in_future', 'birthDate');
  if (input.joinDate > today) return new DomainError('date_in_future', 'joinDate');
  if (input.joinDate < foundedOn)
    return new DomainError('date_before_founding', 'joinDate', { date: foundedOn });
  if (input.birthDate && input.birthDate >= input.joinDate)
    return new DomainError('date_after_join', 'birthDate');
  return null;
}

/** Rules that need the calendar and the rest of the register; the schema has already checked the shape. */
async function checkMember(db: Db, input: MemberInput, today: string, selfId: number | null): Promise<void> {
  const cooperative = await getCooperative(db);
  const refusal = memberDatesRefusal(input, cooperative.foundedOn, today);
  if (refusal) throw refusal;
  const nationalId = storedNationalId(input);
  if (nationalId) {
    const holder = await db
      .selectFrom('members')
      .select(['id', 'number'])
      .where('national_id', '=', nationalId)
      .executeTakeFirst();
    if (holder && holder.id !== selfId) {
      throw new DomainError('national_id_taken', 'nationalId', { number: holder.number });
    }
  }
}

/** Adds a member inside the caller's transaction; the caller owns the transaction (one form, one import). */
export async function insertMember(trx: Db, input: MemberInput, now: Now): Promise<Member> {
  await checkMember(trx, input, now.today, null);
  const number = await takeNextNumbers(trx, 'member_number', 1);
  const row = await trx
    .insertInto('members')
    .values(newMemberRow(input, number, now))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toMember(row);
}

const newMemberRow = (input: MemberInput, number: number, now: Now) => ({
  ...toColumns(input),
  number,
  status: 'active' as const,
  created_at: now.timestamp,
  updated_at: now.timestamp,
});

/**
 * Adds members that have already passed every rule (memberDatesRefusal, national IDs unique in the
 * register and among themselves), numbered in sequence, inside the caller's transaction on `sqlite`
 * (the connection behind it, db/rows.ts sqliteOf): one statement, compiled once and run per member.
 */
export async function insertCheckedMembers(
  trx: Db,
  sqlite: BetterSqlite3.Database,
  inputs: readonly MemberInput[],
  now: Now,
): Promise<void> {
  const [head] = inputs;
  if (head === undefined) return;
  const first = await takeNextNumbers(trx, 'member_number', inputs.length);
  // Every row has the same columns in the same order, so one statement's parameters are its values.
  const statement = sqlite.prepare(
    trx
      .insertInto('members')
      .values(newMemberRow(head, first, now))
      .compile().sql,
  );
  guarded(() => {
    for (const [i, input] of inputs.entries())
      statement.run(...Object.values(newMemberRow(input, first + i, now)));
  });
}

export function createMember(db: Kysely<Database>, input: MemberInput, now: Now): Promise<Member> {
  return db.transaction().execute((trx) => insertMember(trx, input, now));
}

export async function getMember(db: Db, id: number): Promise<Member> {
  const row = await db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'id');
  return toMember(row);
}

export function updateMember(db: Kysely<Database>, update: MemberUpdate, now: Now): Promise<Member> {
  return db.transaction().execute(async (trx) => {
    const { id, ...input } = update;
    const existing = await getMember(trx, id);
    await checkMember(trx, input, now.today, id);
    if (existing.exitDate && input.joinDate > existing.exitDate) {
      throw new DomainError('date_after_exit', 'joinDate', { date: existing.exitDate });
    }
    const row = await trx
      .updateTable('members')
      .set({ ...toColumns(input), updated_at: now.timestamp })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toMember(row);
  });
}

/** Records that a member left or died. Only an active member can; the record itself is kept for ever. */
export function exitMember(db: Kysely<Database>, exit: MemberExit, now: Now): Promise<Member> {
  return db.transaction().execute(async (trx) => {
    const member = await getMember(trx, exit.id);
    if (member.status !== 'active') throw new DomainError('member_not_active', 'status');
    if (exit.exitDate > now.today) throw new DomainError('date_in_future', 'exitDate');
    if (exit.exitDate < member.joinDate) {
      throw new DomainError('date_before_join', 'exitDate', { date: member.joinDate });
    }
    const row = await trx
      .updateTable('members')
      .set({
        status: exit.status,
        exit_date: exit.exitDate,
        exit_reason: nullIfEmpty(exit.reason),
        updated_at: now.timestamp,
      })
      .where('id', '=', exit.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toMember(row);
  });
}
