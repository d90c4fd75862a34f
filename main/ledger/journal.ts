import type { Kysely, Transaction } from 'kysely';
import type { EntryLine, JournalEntry } from '../../shared/ledger';
import type { Database } from '../db/schema';

function partyOf(details: string | null): string {
  const party = details ? (JSON.parse(details) as { party?: unknown }).party : undefined;
  return typeof party === 'string' ? party : '';
}

/** The entries of a period, newest first, each with its lines: what a bookkeeper checks and reverses. */
export async function listEntries(
  db: Kysely<Database>,
  query: { from: string; to: string; limit: number },
): Promise<JournalEntry[]> {
  const entries = await db
    .selectFrom('journal_entries')
    .selectAll()
    .where('date', '>=', query.from)
    .where('date', '<=', query.to)
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit)
    .execute();
  if (entries.length === 0) return [];
  const ids = entries.map((e) => e.id);
  const lines = await db
    .selectFrom('journal_lines as l')
    .innerJoin('accounts as a', 'a.id', 'l.account_id')
    .leftJoin('members as m', 'm.id', 'l.member_id')
    .select([
      'l.entry_id',
      'l.account_id',
      'a.code',
      'a.name_km',
      'a.name_en',
      'a.currency',
      'l.member_id',
      'm.number',
      'm.name_km as member_name_km',
      'l.amount',
    ])
    .where('l.entry_id', 'in', ids)
    .orderBy('l.id')
    .execute();
  const reversals = new Map(
    (
      await db
        .selectFrom('journal_entries')
        .select(['id', 'reverses_id'])
        .where('reverses_id', 'in', ids)
        .execute()
    ).map((r) => [r.reverses_id, r.id]),
  );
  const byEntry = new Map<number, EntryLine[]>();
  for (const l of lines) {
    const list = byEntry.get(l.entry_id) ?? [];
    list.push({
      accountId: l.account_id,
      accountCode: l.code,
      accountNameKm: l.name_km,
      accountNameEn: l.name_en,
      currency: l.currency ?? 'KHR',
      memberId: l.member_id,
      memberNumber: l.number,
      memberNameKm: l.member_name_km,
      amount: l.amount,
    });
    byEntry.set(l.entry_id, list);
  }
  return entries.map((e) => ({
    id: e.id,
    date: e.date,
    kind: e.kind,
    number: e.number,
    memo: e.memo,
    party: partyOf(e.details),
    reversesId: e.reverses_id,
    reversedById: reversals.get(e.id) ?? null,
    createdBy: e.created_by,
    lines: byEntry.get(e.id) ?? [],
  }));
}

/**
 * The entries that were reversed, as a subquery for `entry_id NOT IN (...)`: read through the index of
 * reversals ('> 0' lets SQLite use it; 'IS NOT NULL' would read every entry).
 */
export const reversedEntries = (db: Kysely<Database> | Transaction<Database>) =>
  db.selectFrom('journal_entries').select('reverses_id').where('reverses_id', '>', 0);
