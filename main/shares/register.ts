import { type Kysely, sql } from 'kysely';
import { DomainError } from '../../shared/errors';
import { isRealIsoDate } from '../../shared/khmer';
import type { MemberShares, ShareMovement, ShareRegister, ShareRegisterRow } from '../../shared/savings';
import { getCooperative } from '../cooperative/profile';
import type { Database } from '../db/schema';
import { accountByRole } from '../ledger/accounts';
import { findMember, LAST_DAY } from './shares';

// Reading the share register: what each member holds, from the movements (the count) and the ledger
// (the value). Writing it is main/shares/shares.ts.

/** One member's shares, the capital the ledger holds for them, and every movement, oldest first. */
export async function memberShares(
  db: Kysely<Database>,
  memberId: number,
  asOf?: string,
): Promise<MemberShares> {
  const member = await findMember(db, memberId, 'memberId');
  const [shares] = await sharesOfMembers(
    db,
    [{ id: member.id, number: member.number, nameKm: member.name_km }],
    asOf,
  );
  if (!shares) throw new Error('no shares read for the member');
  return shares;
}

/**
 * memberShares for many members in two reads (every member statement in one document), in the order
 * given: the movements up to `asOf`, and each member's capital on the share capital account.
 */
export async function sharesOfMembers(
  db: Kysely<Database>,
  members: ReadonlyArray<{ id: number; number: number; nameKm: string }>,
  asOf?: string,
): Promise<MemberShares[]> {
  if (asOf !== undefined && !isRealIsoDate(asOf)) throw new DomainError('date_invalid', 'asOf');
  const capital = await accountByRole(db, 'share_capital');
  const ids = sql<number>`(SELECT value FROM json_each(${JSON.stringify(members.map((m) => m.id))}))`;
  let query = db
    .selectFrom('share_movements as movement')
    .innerJoin('journal_entries as entry', 'entry.id', 'movement.entry_id')
    .leftJoin('members as counterpart', 'counterpart.id', 'movement.counterpart_member_id')
    .select([
      'movement.member_id',
      'movement.id',
      'movement.date',
      'movement.kind',
      'movement.shares',
      'movement.certificate_number',
      'movement.decision_ref',
      'movement.entry_id',
      'entry.number as entry_number',
      'counterpart.number as counterpart_number',
    ])
    .where('movement.member_id', 'in', ids);
  if (asOf !== undefined) query = query.where('movement.date', '<=', asOf);
  const rows = await query.orderBy('movement.date').orderBy('movement.id').execute();
  const movementsOf = new Map<number, ShareMovement[]>();
  for (const row of rows) {
    const movement: ShareMovement = {
      id: row.id,
      date: row.date,
      kind: row.kind,
      shares: row.shares,
      certificateNumber: row.certificate_number,
      counterpartMemberNumber: row.counterpart_number,
      decisionRef: row.decision_ref ?? '',
      entryId: row.entry_id,
      entryNumber: row.entry_number,
    };
    const list = movementsOf.get(row.member_id);
    if (list) list.push(movement);
    else movementsOf.set(row.member_id, [movement]);
  }
  // The member index holds each member's lines on the account: one range per member, no table rows.
  const balances = await db
    .selectFrom('journal_lines')
    .select((eb) => ['member_id', eb.fn.sum<number>('amount').as('balance')])
    .where('member_id', 'in', ids)
    .where('account_id', '=', capital.id)
    .where('date', '<=', asOf ?? LAST_DAY)
    .groupBy('member_id')
    .execute();
  const capitalOf = new Map(balances.map((row) => [row.member_id, row.balance]));
  return members.map((member) => {
    const movements = movementsOf.get(member.id) ?? [];
    return {
      memberId: member.id,
      memberNumber: member.number,
      nameKm: member.nameKm,
      shares: movements.reduce((sum, movement) => sum + movement.shares, 0),
      // A liability: what the member holds is the credit balance, as memberBalance gives it.
      capital: 0 - (capitalOf.get(member.id) ?? 0),
      movements,
    };
  });
}

/**
 * Every member who ever held shares or share capital up to `asOf`, in number order. Capital comes from
 * the ledger, so the register's total is the share capital account's balance by construction; a member
 * with capital but no share count (a paper register carried over in the opening balances) still shows.
 */
export async function shareRegister(db: Kysely<Database>, asOf: string): Promise<ShareRegister> {
  if (!isRealIsoDate(asOf)) throw new DomainError('date_invalid', 'asOf');
  const { sharePar } = await getCooperative(db);
  const capitalAccount = await accountByRole(db, 'share_capital');
  const [shares, certificates, capital, members] = await Promise.all([
    db
      .selectFrom('share_movements')
      .select((eb) => ['member_id', eb.fn.sum<number>('shares').as('shares')])
      .where('date', '<=', asOf)
      .groupBy('member_id')
      .execute(),
    db
      .selectFrom('share_movements')
      .select(['member_id', 'certificate_number'])
      .where('date', '<=', asOf)
      .where('certificate_number', 'is not', null)
      .orderBy('certificate_number')
      .execute(),
    db
      .selectFrom('journal_lines')
      .select((eb) => ['member_id', eb.fn.sum<number>('amount').as('signed')])
      .where('account_id', '=', capitalAccount.id)
      .where('date', '<=', asOf)
      .groupBy('member_id')
      .execute(),
    db.selectFrom('members').selectAll().orderBy('number').execute(),
  ]);
  const sharesOf = new Map(shares.map((row) => [row.member_id, row.shares]));
  // Equity is credit-normal: `0 - x` so that a nil balance is 0, never -0.
  const capitalOf = new Map(capital.map((row) => [row.member_id, 0 - row.signed]));
  const certificatesOf = new Map<number, number[]>();
  for (const row of certificates) {
    if (row.certificate_number === null) continue;
    const list = certificatesOf.get(row.member_id) ?? [];
    list.push(row.certificate_number);
    certificatesOf.set(row.member_id, list);
  }
  const rows: ShareRegisterRow[] = members
    .filter((member) => sharesOf.has(member.id) || capitalOf.has(member.id))
    .map((member) => ({
      memberId: member.id,
      memberNumber: member.number,
      nameKm: member.name_km,
      nameLatin: member.name_latin ?? '',
      status: member.status,
      shares: sharesOf.get(member.id) ?? 0,
      capital: capitalOf.get(member.id) ?? 0,
      certificates: certificatesOf.get(member.id) ?? [],
    }));
  return {
    asOf,
    par: sharePar,
    rows,
    totalShares: rows.reduce((sum, row) => sum + row.shares, 0),
    totalCapital: rows.reduce((sum, row) => sum + row.capital, 0),
  };
}
