import type { Kysely } from 'kysely';
import type { MemberStatement, StatementMovement } from '../../shared/savings';
import type { Database } from '../db/schema';
import { memberSavingsAccounts } from '../savings/accounts';
import { memberShares } from '../shares/register';
import { getMember } from './register';

/**
 * What a member asks the bookkeeper about, on one page: shares and certificates, and each savings account
 * with every movement and its running balance, from the ledger the books are made of.
 */
export async function memberStatement(
  db: Kysely<Database>,
  memberId: number,
  to: string,
  from = '1900-01-01',
): Promise<MemberStatement> {
  const member = await getMember(db, memberId);
  const shares = await memberShares(db, memberId, to);
  const accounts = await memberSavingsAccounts(db, memberId);
  const products = new Map(
    (await db.selectFrom('savings_products').select(['id', 'account_id']).execute()).map((p) => [
      p.id,
      p.account_id,
    ]),
  );
  // One read of the member's lines on every savings control account: the member index covers it.
  const lines = await db
    .selectFrom('journal_lines as l')
    .innerJoin('journal_entries as e', 'e.id', 'l.entry_id')
    .select(['l.account_id', 'l.entry_id', 'l.date', 'l.amount', 'e.number', 'e.kind', 'e.memo'])
    .where('l.member_id', '=', memberId)
    .where('l.account_id', 'in', [...products.values(), -1])
    .where('l.date', '<=', to)
    .orderBy('l.date')
    .orderBy('l.entry_id')
    .execute();
  const savings = accounts
    .filter((account) => account.openedOn <= to)
    .map((account) => {
      const controlAccountId = products.get(account.productId);
      const closed = account.closedOn ?? '9999-12-31';
      // An account's lines are the member's on its product's account while it was open.
      const own = lines.filter(
        (l) => l.account_id === controlAccountId && l.date >= account.openedOn && l.date <= closed,
      );
      let balance = 0;
      let opening = 0;
      let interestEarned = 0;
      const movements: StatementMovement[] = [];
      for (const line of own) {
        const amount = -line.amount;
        balance += amount;
        if (line.kind === 'interest') interestEarned += amount;
        if (line.date < from) {
          opening = balance;
          continue;
        }
        movements.push({
          entryId: line.entry_id,
          date: line.date,
          number: line.number,
          kind: line.kind,
          memo: line.memo,
          amount,
          balance,
        });
      }
      return { ...account, balance, opening, movements, interestEarned };
    });
  return {
    member: {
      id: member.id,
      number: member.number,
      nameKm: member.nameKm,
      nameLatin: member.nameLatin,
      status: member.status,
    },
    to,
    shares,
    savings,
  };
}
