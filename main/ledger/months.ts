import type { Kysely } from 'kysely';
import { DomainError } from '../../shared/errors';
import type { MonthLogRow, MonthStatus } from '../../shared/ledger';
import type { Database } from '../db/schema';
import type { Actor } from './posting';

const monthOf = (date: string) => date.slice(0, 7);

function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** Closes a month once it has ended: nothing can be posted into it afterwards. */
export function closeMonth(db: Kysely<Database>, month: string, actor: Actor): Promise<void> {
  return db.transaction().execute(async (trx) => {
    if (month >= monthOf(actor.today)) throw new DomainError('month_not_ended', 'month');
    const closed = await trx
      .selectFrom('closed_months')
      .select('month')
      .where('month', '=', month)
      .executeTakeFirst();
    if (closed) throw new DomainError('month_already_closed', 'month');
    await trx
      .insertInto('closed_months')
      .values({ month, closed_at: actor.timestamp, closed_by: actor.user })
      .execute();
    await trx
      .insertInto('month_close_log')
      .values({ month, action: 'close', reason: null, at: actor.timestamp, by: actor.user })
      .execute();
  });
}

/** Reopening a closed month is exceptional: it needs a written reason, kept in the log for ever. */
export function reopenMonth(
  db: Kysely<Database>,
  month: string,
  reason: string,
  actor: Actor,
): Promise<void> {
  return db.transaction().execute(async (trx) => {
    if (reason.trim() === '') throw new DomainError('required', 'reason');
    // A closed year's books stay as its general assembly approved them.
    const year = await trx
      .selectFrom('year_closes')
      .select('year')
      .where('first_day', '<=', `${month}-31`)
      .where('last_day', '>=', `${month}-01`)
      .executeTakeFirst();
    if (year) throw new DomainError('year_closed', 'month', { year: year.year });
    const removed = await trx.deleteFrom('closed_months').where('month', '=', month).executeTakeFirst();
    if (removed.numDeletedRows === 0n) throw new DomainError('month_not_closed', 'month');
    await trx
      .insertInto('month_close_log')
      .values({ month, action: 'reopen', reason: reason.trim(), at: actor.timestamp, by: actor.user })
      .execute();
  });
}

/** Every month from the first posting (or the founding) to this one, newest first, with its state. */
export async function listMonths(db: Kysely<Database>, today: string): Promise<MonthStatus[]> {
  const first = await db
    .selectFrom('journal_entries')
    .select((eb) => eb.fn.min('date').as('date'))
    .executeTakeFirst();
  const founded = await db.selectFrom('cooperative').select('founded_on').executeTakeFirst();
  const start = monthOf(first?.date ?? founded?.founded_on ?? today);
  const counts = new Map(
    (
      await db
        .selectFrom('journal_entries')
        .select((eb) => [
          eb.fn<string>('substr', ['date', eb.val(1), eb.val(7)]).as('month'),
          eb.fn.countAll<number>().as('n'),
        ])
        .groupBy('month')
        .execute()
    ).map((r) => [r.month, r.n]),
  );
  const closed = new Map(
    (await db.selectFrom('closed_months').selectAll().execute()).map((r) => [r.month, r]),
  );
  const months: MonthStatus[] = [];
  for (let month = start; month <= monthOf(today); month = nextMonth(month)) {
    const row = closed.get(month);
    months.push({
      month,
      closed: row !== undefined,
      entries: counts.get(month) ?? 0,
      closedAt: row?.closed_at ?? null,
    });
  }
  return months.reverse();
}

export async function monthLog(db: Kysely<Database>): Promise<MonthLogRow[]> {
  const rows = await db.selectFrom('month_close_log').selectAll().orderBy('id', 'desc').execute();
  return rows.map((r) => ({ month: r.month, action: r.action, reason: r.reason ?? '', at: r.at, by: r.by }));
}
