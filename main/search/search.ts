import { type Kysely, sql } from 'kysely';
import type { SearchResults } from '../../shared/search';
import type { Database } from '../db/schema';
import { listMembers } from '../members/search';

const SHOWN = 8;

/**
 * Everything Ctrl+K can open: members by number or name (the register's own search), accounts by code
 * or name, and documents by their number from its start ('PV-0000' finds PV-000012), through the
 * unique index on the number.
 */
export async function globalSearch(db: Kysely<Database>, text: string): Promise<SearchResults> {
  const typed = text.trim();
  if (typed === '') return { members: [], accounts: [], documents: [] };
  const upper = typed.toUpperCase();
  const like = `%${typed.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const [members, accounts, documents] = await Promise.all([
    listMembers(db, { text: typed, status: 'all', sex: 'all', sort: 'number' }),
    db
      .selectFrom('accounts')
      .select(['id', 'code', 'name_km', 'name_en'])
      .where((eb) =>
        eb.or([
          eb('code', '>=', typed).and('code', '<', `${typed}\uffff`),
          sql<boolean>`name_km LIKE ${like} ESCAPE '\\'`,
          sql<boolean>`name_en LIKE ${like} ESCAPE '\\'`,
        ]),
      )
      .where('currency', 'is not', null)
      .orderBy('code')
      .limit(SHOWN)
      .execute(),
    db
      .selectFrom('journal_entries')
      .select(['id', 'number', 'date', 'kind', 'memo'])
      .where('number', '>=', upper)
      .where('number', '<', `${upper}\uffff`)
      .orderBy('number')
      .limit(SHOWN)
      .execute(),
  ]);
  return {
    members: members.slice(0, SHOWN).map((m) => ({
      id: m.id,
      number: m.number,
      nameKm: m.nameKm,
      nameLatin: m.nameLatin,
      village: m.village,
    })),
    accounts: accounts.map((a) => ({ id: a.id, code: a.code, nameKm: a.name_km, nameEn: a.name_en })),
    documents: documents.map((d) => ({
      entryId: d.id,
      number: d.number ?? '',
      date: d.date,
      kind: d.kind,
      memo: d.memo,
    })),
  };
}
