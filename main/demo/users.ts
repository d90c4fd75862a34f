import type { Kysely } from 'kysely';
import { DEMO_PASSWORD, type Role } from '../../shared/users';
import type { Database } from '../db/schema';
import { hashPassword } from '../users/passwords';

/** The demo's people at the keyboard, one of each role; the app opens the demo as its administrator. */
export const DEMO_USERS: readonly { username: string; displayName: string; role: Role }[] = [
  { username: 'admin', displayName: 'ហេង សុភា', role: 'admin' },
  { username: 'chanthou', displayName: 'លី ចន្ធូ', role: 'bookkeeper' },
  { username: 'sophak', displayName: 'សុខ សុភ័ក្រ', role: 'board' },
  { username: 'dara', displayName: 'ម៉ៅ ដារ៉ា', role: 'reviewer' },
];

export async function writeDemoUsers(db: Kysely<Database>, timestamp: string): Promise<void> {
  // One hash for all: the same password, and scrypt's cost paid once rather than four times.
  const hash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute((trx) =>
    trx
      .insertInto('users')
      .values(
        DEMO_USERS.map((user) => ({
          username: user.username,
          display_name: user.displayName,
          role: user.role,
          password_hash: hash,
          created_at: timestamp,
        })),
      )
      .execute(),
  );
}
