import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';

// Frozen once landed: never import application code here, never edit; add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Every change to the books, before and after, as the triggers wrote it: rows are only ever added. A
  // row is named by row_id (a table's INTEGER PRIMARY KEY) or, for a table without one, by row_key.
  await sql`
    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'baseline')),
      table_name TEXT NOT NULL,
      row_id INTEGER,
      row_key TEXT,
      before TEXT,
      after TEXT
    ) STRICT
  `.execute(db);
  await sql`CREATE INDEX audit_log_row ON audit_log (table_name, row_id, id)`.execute(db);
  await sql`CREATE INDEX audit_log_key ON audit_log (table_name, row_key, id) WHERE row_key IS NOT NULL`.execute(
    db,
  );
  // Each log row's seal, added by the app in the same transaction just before COMMIT: who and when, and
  // the hash chain (each hash covers the previous seal's hash and the whole log row). Kept beside the
  // log rather than filled into it, so that neither is ever updated: a row that grew when sealed would
  // leave the log's pages half full, and updating it costs more than adding a row.
  await sql`
    CREATE TABLE audit_seal (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      user TEXT NOT NULL,
      prev_hash TEXT,
      hash TEXT NOT NULL
    ) STRICT
  `.execute(db);

  // The migrations' own triggers (immutability, dates) as they were made, so that one dropped or changed
  // from outside is found. Itself followed by the audit log like any table.
  await sql`CREATE TABLE audit_schema (name TEXT PRIMARY KEY, sql TEXT NOT NULL) STRICT`.execute(db);

  // An entry's lines are not logged one by one: their digest, in the entry's logged image, covers them.
  await sql`ALTER TABLE journal_entries ADD COLUMN lines_digest TEXT`.execute(db);
  const guard = await sql<{ sql: string }>`
    SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'journal_entries_no_update'
  `.execute(db);
  await sql`DROP TRIGGER IF EXISTS journal_entries_no_update`.execute(db);
  const texts = await sql<{ id: number; text: string }>`
    SELECT entry_id AS id,
           group_concat(account_id || '|' || ifnull(member_id, '') || '|' || date || '|' || amount,
                        char(10) ORDER BY id) AS text
    FROM journal_lines GROUP BY entry_id
  `.execute(db);
  await sql`CREATE TEMP TABLE entry_digests (id INTEGER PRIMARY KEY, digest TEXT NOT NULL)`.execute(db);
  const digests = texts.rows.map((r) => [r.id, createHash('sha256').update(r.text).digest('hex')] as const);
  for (let i = 0; i < digests.length; i += 400) {
    const chunk = digests.slice(i, i + 400).map(([id, digest]) => sql`(${id}, ${digest})`);
    await sql`INSERT INTO entry_digests (id, digest) VALUES ${sql.join(chunk)}`.execute(db);
  }
  await sql`
    UPDATE journal_entries SET lines_digest = d.digest FROM entry_digests d WHERE d.id = journal_entries.id
  `.execute(db);
  await sql`DROP TABLE entry_digests`.execute(db);
  const [recreate] = guard.rows;
  if (recreate) await sql.raw(recreate.sql).execute(db);
}
