import type { Kysely, Transaction } from 'kysely';
import { DomainError } from '../../shared/errors';
import type { Cooperative, CooperativeInput } from '../../shared/schemas';
import type { CooperativeRow, Database } from '../db/schema';
import { nullIfEmpty } from '../db/text';

type Db = Kysely<Database> | Transaction<Database>;

function toCooperative(row: CooperativeRow): Cooperative {
  return {
    nameKm: row.name_km,
    nameLatin: row.name_latin ?? '',
    registrationNumber: row.registration_number ?? '',
    registrationDate: row.registration_date ?? '',
    foundedOn: row.founded_on,
    village: row.village ?? '',
    commune: row.commune ?? '',
    district: row.district ?? '',
    province: row.province ?? '',
    fiscalYearStartMonth: row.fiscal_year_start_month,
    sharePar: row.share_par,
    shareCapPerMember: row.share_cap_per_member,
    shareCapPercent: row.share_cap_percent,
    chair: row.chair ?? '',
    viceChair: row.vice_chair ?? '',
    treasurer: row.treasurer ?? '',
    bookkeeper: row.bookkeeper ?? '',
    internalControl: row.internal_control ?? '',
    reportDigits: row.report_digits,
    lockMinutes: row.lock_minutes,
  };
}

function toColumns(input: CooperativeInput) {
  return {
    name_km: input.nameKm,
    name_latin: nullIfEmpty(input.nameLatin),
    registration_number: nullIfEmpty(input.registrationNumber),
    registration_date: nullIfEmpty(input.registrationDate),
    founded_on: input.foundedOn,
    village: nullIfEmpty(input.village),
    commune: nullIfEmpty(input.commune),
    district: nullIfEmpty(input.district),
    province: nullIfEmpty(input.province),
    fiscal_year_start_month: input.fiscalYearStartMonth,
    share_par: input.sharePar,
    share_cap_per_member: input.shareCapPerMember,
    share_cap_percent: input.shareCapPercent,
    chair: nullIfEmpty(input.chair),
    vice_chair: nullIfEmpty(input.viceChair),
    treasurer: nullIfEmpty(input.treasurer),
    bookkeeper: nullIfEmpty(input.bookkeeper),
    internal_control: nullIfEmpty(input.internalControl),
    report_digits: input.reportDigits,
    lock_minutes: input.lockMinutes,
  };
}

export async function findCooperative(db: Db): Promise<Cooperative | null> {
  const row = await db.selectFrom('cooperative').selectAll().where('id', '=', 1).executeTakeFirst();
  return row ? toCooperative(row) : null;
}

export async function getCooperative(db: Db): Promise<Cooperative> {
  const cooperative = await findCooperative(db);
  if (!cooperative) throw new DomainError('no_cooperative');
  return cooperative;
}

export async function isDemoCooperative(db: Db): Promise<boolean> {
  const row = await db.selectFrom('cooperative').select('is_demo').where('id', '=', 1).executeTakeFirst();
  return row?.is_demo === 1;
}

function checkDates(input: CooperativeInput, today: string, firstJoinDate: string | null): void {
  if (input.foundedOn > today) throw new DomainError('date_in_future', 'foundedOn');
  if (input.registrationDate && input.registrationDate > today) {
    throw new DomainError('date_in_future', 'registrationDate');
  }
  // Moving the founding date past a member's join date would make that member's record invalid.
  if (firstJoinDate && input.foundedOn > firstJoinDate) {
    throw new DomainError('date_after_first_join', 'foundedOn', { date: firstJoinDate });
  }
}

export async function createCooperative(
  db: Db,
  input: CooperativeInput,
  now: { today: string; timestamp: string },
  options: { demo?: boolean } = {},
): Promise<Cooperative> {
  checkDates(input, now.today, null);
  if (await findCooperative(db)) throw new DomainError('cooperative_exists');
  await db
    .insertInto('cooperative')
    .values({
      id: 1,
      ...toColumns(input),
      is_demo: options.demo ? 1 : 0,
      created_at: now.timestamp,
      updated_at: now.timestamp,
    })
    .execute();
  return getCooperative(db);
}

export async function updateCooperative(
  db: Kysely<Database>,
  input: CooperativeInput,
  now: { today: string; timestamp: string },
): Promise<Cooperative> {
  return db.transaction().execute(async (trx) => {
    const first = await trx
      .selectFrom('members')
      .select((eb) => eb.fn.min('join_date').as('first'))
      .executeTakeFirst();
    checkDates(input, now.today, first?.first ?? null);
    // Shares move at par: a new par after shares were sold would leave members' capital and counts apart.
    const current = await getCooperative(trx);
    if (input.sharePar !== current.sharePar) {
      const sold = await trx.selectFrom('share_movements').select('id').executeTakeFirst();
      if (sold) throw new DomainError('share_par_locked', 'sharePar');
    }
    await trx
      .updateTable('cooperative')
      .set({ ...toColumns(input), updated_at: now.timestamp })
      .where('id', '=', 1)
      .execute();
    return getCooperative(trx);
  });
}
