import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { ChangedEntry, ChangesSinceReview } from '../../shared/backup';
import { DomainError } from '../../shared/errors';
import { openDatabase } from '../db/open';
import type { Database } from '../db/schema';
import { cooperativeOf, openCopy, sameCooperative } from './files';
import type { BackupManifest } from './format';
import { extractBackup, type ReadOptions } from './verify';

// Kept as it was, whatever the backups say: the time of the last edit is not itself a change.
const IGNORED = new Set(['updated_at', 'created_at']);

/**
 * What changed in a cooperative's books between two of its backups, the older one from the last
 * review: entries added (posted entries never change, so ids the older one lacks are new), the
 * reversals among them, members added or edited, and the profile's fields. Both backups are checked
 * in full first and must be the same cooperative's.
 */
export async function changesSinceReview(
  olderFile: string,
  newerFile: string,
  options: ReadOptions & { olderPassphrase?: string } = {},
): Promise<ChangesSinceReview> {
  return withBothBackups(olderFile, newerFile, options, async (books) => books.changes);
}

/**
 * The changes as changesSinceReview finds them, with `use` given the newer backup's books while they are
 * still open (the printed report frames the changes with its profile).
 */
export async function withBothBackups<T>(
  olderFile: string,
  newerFile: string,
  options: ReadOptions & { olderPassphrase?: string },
  use: (books: { changes: ChangesSinceReview; newer: Kysely<Database> }) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'sahakum-changes-'));
  try {
    const older = await extractBackup(olderFile, join(dir, 'older.db'), {
      ...options,
      passphrase: options.olderPassphrase ?? options.passphrase,
    });
    const newer = await extractBackup(newerFile, join(dir, 'newer.db'), options);
    if (!sameCooperative(older.cooperative, newer.cooperative)) {
      throw new DomainError('backup_foreign', 'file', { cooperative: newer.cooperative.nameKm });
    }
    // Both at this version's schema, so that one query reads them alike.
    await (await openDatabase(join(dir, 'older.db'), { mustExist: true })).close();
    const opened = await openDatabase(join(dir, 'newer.db'), { mustExist: true });
    try {
      const changes = compare(
        join(dir, 'older.db'),
        join(dir, 'newer.db'),
        older,
        newer,
        options.nativeBinding,
      );
      return await use({ changes, newer: opened.db });
    } finally {
      await opened.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function compare(
  olderDb: string,
  newerDb: string,
  older: BackupManifest,
  newer: BackupManifest,
  nativeBinding?: string,
): ChangesSinceReview {
  const sqlite = openCopy(newerDb, nativeBinding, true);
  try {
    sqlite.prepare('ATTACH DATABASE ? AS old').run(olderDb);
    const entriesAdded = sqlite
      .prepare(
        `SELECT e.id, e.number, e.date, e.kind, e.memo, r.number AS reverses FROM journal_entries e
         LEFT JOIN journal_entries r ON r.id = e.reverses_id
         WHERE e.id NOT IN (SELECT id FROM old.journal_entries) ORDER BY e.date, e.id`,
      )
      .all() as ChangedEntry[];
    const membersAdded = sqlite
      .prepare(
        `SELECT id, number, name_km AS nameKm, join_date AS joinDate FROM members
         WHERE id NOT IN (SELECT id FROM old.members) ORDER BY number`,
      )
      .all() as ChangesSinceReview['membersAdded'];
    const membersChanged = changedRows(sqlite, 'members').map(({ now, fields }) => ({
      id: now.id as number,
      number: now.number as number,
      nameKm: now.name_km as string,
      fields,
    }));
    const [profile] = changedRows(sqlite, 'cooperative');
    const profileChanges = profile
      ? profile.fields.map((field) => ({
          field,
          before: profile.was[field] ?? null,
          after: profile.now[field] ?? null,
        }))
      : [];
    return {
      older: { createdAt: older.createdAt },
      newer: { createdAt: newer.createdAt },
      cooperative: cooperativeOf(sqlite)?.nameKm ?? newer.cooperative.nameKm,
      entriesAdded,
      entriesReversed: entriesAdded.filter((e) => e.reverses !== null),
      membersAdded,
      membersChanged,
      profileChanges,
    };
  } finally {
    sqlite.close();
  }
}

type Row = Record<string, string | number | null>;

/** Rows of `table` in both files (by id) whose fields differ, with the names of those fields. */
function changedRows(sqlite: ReturnType<typeof openCopy>, table: 'members' | 'cooperative') {
  const columns = (
    sqlite.prepare(`SELECT name FROM pragma_table_info('${table}', 'old')`).pluck().all() as string[]
  ).filter((c) => !IGNORED.has(c));
  const now = new Map((sqlite.prepare(`SELECT * FROM main.${table}`).all() as Row[]).map((r) => [r.id, r]));
  const changed: { now: Row; was: Row; fields: string[] }[] = [];
  for (const was of sqlite.prepare(`SELECT * FROM old.${table} ORDER BY id`).all() as Row[]) {
    const row = now.get(was.id);
    if (!row) continue;
    const fields = columns.filter((c) => row[c] !== was[c]);
    if (fields.length > 0) changed.push({ now: row, was, fields });
  }
  return changed;
}
