import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

/** The next number of a sequence (members, vouchers, ...): handed out once, never again. */
export function takeNextNumber(db: Db, sequence: string): Promise<number> {
  return takeNextNumbers(db, sequence, 1);
}

/** The first of `count` consecutive numbers of a sequence, all handed out at once (an import's members). */
export async function takeNextNumbers(db: Db, sequence: string, count: number): Promise<number> {
  const row = await db
    .insertInto('sequences')
    .values({ name: sequence, next_value: count + 1 })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet((eb) => ({ next_value: eb('sequences.next_value', '+', count) })),
    )
    .returning('next_value')
    .executeTakeFirstOrThrow();
  return row.next_value - count;
}
