import { type Kysely, sql } from 'kysely';
import { toLatinDigits } from '../../shared/khmer';
import type { MemberQuery, MemberRow } from '../../shared/schemas';
import type { Database } from '../db/schema';

// Khmer names sort in Khmer collation order, which SQLite does not know; Node's full ICU does.
const khmerCollator = new Intl.Collator('km');
const latinCollator = new Intl.Collator('en', { sensitivity: 'base' });

export function compareMemberNames(a: MemberRow, b: MemberRow): number {
  return (
    khmerCollator.compare(a.nameKm, b.nameKm) ||
    latinCollator.compare(a.nameLatin, b.nameLatin) ||
    a.number - b.number
  );
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Every member, of any status and sex, by member number: the registers and statements that print them all. */
export const EVERY_MEMBER: MemberQuery = { text: '', status: 'all', sex: 'all', sort: 'number' };

/**
 * The register as the list shows it: every member matching the search text (a member number, or part
 * of a Khmer or Latin name, village or commune), the status and sex filters, in the order asked for.
 */
export async function listMembers(db: Kysely<Database>, query: MemberQuery): Promise<MemberRow[]> {
  let select = db
    .selectFrom('members')
    .select([
      'id',
      'number',
      'name_km',
      'name_latin',
      'sex',
      'village',
      'commune',
      'join_date',
      'status',
      'phone',
    ]);
  if (query.status !== 'all') select = select.where('status', '=', query.status);
  if (query.sex !== 'all') select = select.where('sex', '=', query.sex);

  const text = toLatinDigits(query.text).trim();
  if (text !== '') {
    const pattern = `%${escapeLike(text)}%`;
    const asNumber = /^[0-9]+$/.test(text) ? Number(text) : null;
    const columns = ['name_km', 'name_latin', 'village', 'commune'] as const;
    select = select.where((eb) =>
      eb.or([
        ...(asNumber !== null ? [eb('number', '=', asNumber)] : []),
        ...columns.map((column) => sql<boolean>`${sql.ref(column)} LIKE ${pattern} ESCAPE '\\'`),
      ]),
    );
  }
  if (query.sort === 'number') select = select.orderBy('number');

  const rows: MemberRow[] = (await select.execute()).map((row) => ({
    id: row.id,
    number: row.number,
    nameKm: row.name_km,
    nameLatin: row.name_latin ?? '',
    sex: row.sex,
    village: row.village ?? '',
    commune: row.commune ?? '',
    joinDate: row.join_date,
    status: row.status,
    phone: row.phone ?? '',
  }));
  if (query.sort === 'name') rows.sort(compareMemberNames);
  return rows;
}
