import type { Kysely, Selectable, Transaction } from 'kysely';
import { DomainError } from '../../shared/errors';
import type { Role, SessionUser, UserRow } from '../../shared/users';
import type { Database, UsersTable } from '../db/schema';
import { checkPassword, hashPassword } from './passwords';

type Db = Kysely<Database> | Transaction<Database>;
type UserRecord = Selectable<UsersTable>;

const toSessionUser = (row: UserRecord): SessionUser => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
});

const toUserRow = (row: UserRecord): UserRow => ({
  ...toSessionUser(row),
  active: row.active === 1,
  createdAt: row.created_at,
});

export async function userCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('active', 'desc').orderBy('id').execute();
  return rows.map(toUserRow);
}

export async function findUser(db: Db, id: number): Promise<SessionUser | null> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .where('active', '=', 1)
    .executeTakeFirst();
  return row ? toSessionUser(row) : null;
}

interface NewUserValues {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

// The hash is made before the write lock is taken: scrypt's tens of milliseconds should not hold up the books.
async function insertUser(
  trx: Transaction<Database>,
  input: Omit<NewUserValues, 'password'>,
  passwordHash: string,
  timestamp: string,
) {
  const taken = await trx
    .selectFrom('users')
    .select('id')
    .where('username', '=', input.username)
    .executeTakeFirst();
  if (taken) throw new DomainError('username_taken', 'username');
  const { id } = await trx
    .insertInto('users')
    .values({
      username: input.username,
      display_name: input.displayName,
      role: input.role,
      password_hash: passwordHash,
      created_at: timestamp,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function createUser(
  db: Kysely<Database>,
  input: NewUserValues,
  timestamp: string,
): Promise<UserRow> {
  const hash = await hashPassword(input.password);
  const id = await db.transaction().execute((trx) => insertUser(trx, input, hash, timestamp));
  return toUserRow(await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}

/**
 * The administrator of a cooperative that has none yet: the first-run wizard's last step, or the first
 * open of books kept before users existed. Refused once anyone exists, so that it is no back door.
 */
export async function createFirstAdmin(
  db: Kysely<Database>,
  input: Omit<NewUserValues, 'role'>,
  timestamp: string,
): Promise<SessionUser> {
  const hash = await hashPassword(input.password);
  const id = await db.transaction().execute(async (trx) => {
    if ((await userCount(trx)) > 0) throw new DomainError('forbidden');
    return insertUser(trx, { ...input, role: 'admin' }, hash, timestamp);
  });
  const user = await findUser(db, id);
  if (!user) throw new DomainError('not_found');
  return user;
}

async function activeAdmins(trx: Transaction<Database>, except: number): Promise<number> {
  const row = await trx
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .where('id', '!=', except)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** A user's name, role and whether they may still sign in; never leaves the books without an administrator. */
export async function updateUser(
  db: Kysely<Database>,
  input: { id: number; displayName: string; role: Role; active: boolean },
  actingUserId: number,
): Promise<UserRow> {
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('users').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!current) throw new DomainError('not_found');
    if (input.id === actingUserId && !input.active) throw new DomainError('own_account', 'active');
    const stillAdmin = input.role === 'admin' && input.active;
    if (
      current.role === 'admin' &&
      current.active === 1 &&
      !stillAdmin &&
      (await activeAdmins(trx, input.id)) === 0
    ) {
      throw new DomainError('last_admin', input.active ? 'role' : 'active');
    }
    await trx
      .updateTable('users')
      .set({ display_name: input.displayName, role: input.role, active: input.active ? 1 : 0 })
      .where('id', '=', input.id)
      .execute();
    return toUserRow(
      await trx.selectFrom('users').selectAll().where('id', '=', input.id).executeTakeFirstOrThrow(),
    );
  });
}

async function setPasswordHash(db: Kysely<Database>, id: number, hash: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('users')
      .set({ password_hash: hash })
      .where('id', '=', id)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new DomainError('not_found');
  });
}

/** An administrator sets a new password for someone who forgot theirs. */
export async function resetPassword(db: Kysely<Database>, id: number, password: string): Promise<null> {
  await setPasswordHash(db, id, await hashPassword(password));
  return null;
}

/** The person signed in changes their own password, proving the old one first. */
export async function changePassword(
  db: Kysely<Database>,
  id: number,
  current: string,
  password: string,
): Promise<null> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst();
  if (!row || !(await checkPassword(current, row.password_hash)))
    throw new DomainError('wrong_password', 'current');
  await setPasswordHash(db, id, await hashPassword(password));
  return null;
}

/**
 * The user a name and password belong to. An unknown name, an inactive user and a wrong password are
 * refused alike, so that the sign-in box tells a guesser nothing about who exists. Signing in writes
 * nothing: opening the books to read them leaves the file as it was, byte for byte.
 */
export async function authenticate(
  db: Kysely<Database>,
  username: string,
  password: string,
): Promise<SessionUser> {
  const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  const matches = row ? await checkPassword(password, row.password_hash) : false;
  if (row?.active !== 1 || !matches) throw new DomainError('wrong_password', 'password');
  return toSessionUser(row);
}

/** Whether `password` is the signed-in user's own: unlocking the screen does not write anything. */
export async function isOwnPassword(db: Db, id: number, password: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', id)
    .where('active', '=', 1)
    .executeTakeFirst();
  return row ? checkPassword(password, row.password_hash) : false;
}
