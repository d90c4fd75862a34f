import { type Kysely, sql } from 'kysely';

// Frozen once landed: never import application code here, never edit; add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The people who work on the books, each with one role. The password is kept only as its scrypt hash.
  // A user is never deleted, only made inactive, so that the audit trail's names keep meaning someone.
  await sql`
    CREATE TABLE users (
      id INTEGER PRIMARY KEY,
      username TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(username) > 0),
      display_name TEXT NOT NULL CHECK (length(display_name) > 0),
      role TEXT NOT NULL CHECK (role IN ('admin', 'bookkeeper', 'board', 'reviewer')),
      password_hash TEXT NOT NULL CHECK (password_hash LIKE 'scrypt$%'),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL,
      last_sign_in_at TEXT
    ) STRICT
  `.execute(db);

  // How long the app may sit untouched before it locks itself: a setting of the cooperative's profile.
  await sql`
    ALTER TABLE cooperative ADD COLUMN lock_minutes INTEGER NOT NULL DEFAULT 10
      CHECK (lock_minutes BETWEEN 1 AND 240)
  `.execute(db);
}
