import type { Kysely, Transaction } from 'kysely';
import { type Bylaws, DEFAULT_BYLAWS } from '../../shared/meetings';
import type { Database } from '../db/schema';
import type { BylawsTable } from './tables';

type Db = Kysely<Database> | Transaction<Database>;

function toBylaws(row: BylawsTable): Bylaws {
  return {
    assemblyQuorum: {
      numerator: row.assembly_quorum_numerator,
      denominator: row.assembly_quorum_denominator,
      strict: row.assembly_quorum_strict === 1,
    },
    boardQuorum: {
      numerator: row.board_quorum_numerator,
      denominator: row.board_quorum_denominator,
      strict: row.board_quorum_strict === 1,
    },
    boardSize: row.board_size,
    proxiesAllowed: row.proxies_allowed === 1,
    proxiesPerPerson: row.proxies_per_person,
    reservePercent: row.reserve_percent,
    developmentPercent: row.development_percent,
    socialPercent: row.social_percent,
    dividendPercent: row.dividend_percent,
    patronagePercent: row.patronage_percent,
  };
}

/** The by-law's rules: the model by-law's until the cooperative saves its own. */
export async function getBylaws(db: Db): Promise<Bylaws> {
  const row = await db.selectFrom('bylaws').selectAll().where('id', '=', 1).executeTakeFirst();
  return row ? toBylaws(row) : DEFAULT_BYLAWS;
}

export function saveBylaws(
  db: Kysely<Database>,
  bylaws: Bylaws,
  now: { timestamp: string },
): Promise<Bylaws> {
  const columns = {
    assembly_quorum_numerator: bylaws.assemblyQuorum.numerator,
    assembly_quorum_denominator: bylaws.assemblyQuorum.denominator,
    assembly_quorum_strict: bylaws.assemblyQuorum.strict ? 1 : 0,
    board_quorum_numerator: bylaws.boardQuorum.numerator,
    board_quorum_denominator: bylaws.boardQuorum.denominator,
    board_quorum_strict: bylaws.boardQuorum.strict ? 1 : 0,
    board_size: bylaws.boardSize,
    proxies_allowed: bylaws.proxiesAllowed ? 1 : 0,
    proxies_per_person: bylaws.proxiesPerPerson,
    reserve_percent: bylaws.reservePercent,
    development_percent: bylaws.developmentPercent,
    social_percent: bylaws.socialPercent,
    dividend_percent: bylaws.dividendPercent,
    patronage_percent: bylaws.patronagePercent,
    updated_at: now.timestamp,
  };
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('bylaws')
      .values({ id: 1, ...columns })
      .onConflict((oc) => oc.column('id').doUpdateSet(columns))
      .execute();
    return getBylaws(trx);
  });
}
