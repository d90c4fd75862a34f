import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

/** The next number of a sequence (members, vouchers, ...): handed out once, never again. */
export async function takeNextNumber(
  db: Kysely<Database> | Transaction<Database>,
  sequence: string,
): Promise<number> {
  const row = await db
    .insertInto('sequences')
    .values({ name: sequence, next_value: 2 })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet((eb) => ({ next_value: eb('sequences.next_value', '+', 1) })),
    )
    .returning('next_value')
    .executeTakeFirstOrThrow();
  return row.next_value - 1;
}
