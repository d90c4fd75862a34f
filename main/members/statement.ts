import { type Kysely, sql } from 'kysely';
import type { MemberStatement, StatementMovement } from '../../shared/savings';
import type { Member } from '../../shared/schemas';
import type { Database } from '../db/schema';
import { savingsAccountsOf } from '../savings/accounts';
import { sharesOfMembers } from '../shares/register';
import { getMember } from './register';

type StatementMember = Pick<Member, 'id' | 'number' | 'nameKm' | 'nameLatin' | 'status'>;

/**
 * What a member asks the bookkeeper about, on one page: shares and certificates, and each savings account
 * with every movement and its running balance, from the ledger the books are made of.
 */
export async function memberStatement(
  db: Kysely<Database>,
  memberId: number,
  to: string,
  from?: string,
): Promise<MemberStatement> {
  const [statement] = await memberStatements(db, [await getMember(db, memberId)], to, from);
  if (!statement) throw new Error('no statement read for the member');
  return statement;
}

/** Past this many members, lines are read account by account (everyone's), not member by member. */
const MANY_MEMBERS = 100;

interface LineRow {
  memberId: number;
  accountId: number;
  date: string;
  amount: number;
}
interface MovementRow extends LineRow {
  entryId: number;
  number: string | null;
  kind: string;
  memo: string;
  interest: 0 | 1;
}

// Interest is what an interest run posted: each run records its entry.
const INTEREST_ENTRIES = sql`(SELECT entry_id FROM interest_runs WHERE entry_id IS NOT NULL)`;
const CONTROL_ACCOUNTS = sql`(SELECT account_id FROM savings_products)`;

/**
 * memberStatement for many members at once, in the order given (every member's statement in one
 * document): a few reads whatever their number. Before `from`, each account's lines come as one sum (the
 * balance brought forward) and its interest as the run lines; only the period's lines are read one by one.
 */
export async function memberStatements(
  db: Kysely<Database>,
  members: readonly StatementMember[],
  to: string,
  from = '1900-01-01',
): Promise<MemberStatement[]> {
  const memberIds = members.map((m) => m.id);
  const ids = sql`(SELECT value FROM json_each(${JSON.stringify(memberIds)}))`;
  // A few members' lines come from the member index; many members' from the account index, in one pass
  // over the period instead of one search per member (the planner, without statistics, is told which).
  const many = members.length > MANY_MEMBERS;
  const lines = sql.raw(
    many
      ? 'journal_lines AS l INDEXED BY journal_lines_account_date'
      : 'journal_lines AS l INDEXED BY journal_lines_member',
  );
  const [shares, accounts, openings, interestBefore, period] = await Promise.all([
    sharesOfMembers(db, members, to),
    savingsAccountsOf(db, memberIds),
    // An account's lines are the member's on its product's control account while it was open.
    sql<{ account: number; amount: number }>`
      SELECT sa.id AS account, sum(l.amount) AS amount
      FROM savings_accounts AS sa
      JOIN savings_products AS p ON p.id = sa.product_id
      JOIN journal_lines AS l INDEXED BY journal_lines_member
        ON l.member_id = sa.member_id AND l.account_id = p.account_id
        AND l.date >= sa.opened_on AND l.date <= coalesce(sa.closed_on, '9999-12-31')
        AND l.date < ${from} AND l.date <= ${to}
      WHERE l.member_id IS NOT NULL AND sa.member_id IN ${ids}
      GROUP BY sa.id`.execute(db),
    (many
      ? sql<LineRow>`
          SELECT l.member_id AS memberId, l.account_id AS accountId, l.date, l.amount
          FROM interest_runs AS r CROSS JOIN journal_lines AS l INDEXED BY journal_lines_entry
          WHERE l.entry_id = r.entry_id AND l.date < ${from} AND l.date <= ${to}
            AND l.member_id IN ${ids} AND l.account_id IN ${CONTROL_ACCOUNTS}`
      : sql<LineRow>`
          SELECT l.member_id AS memberId, l.account_id AS accountId, l.date, l.amount
          FROM ${lines}
          WHERE l.member_id IS NOT NULL AND l.member_id IN ${ids} AND l.account_id IN ${CONTROL_ACCOUNTS}
            AND l.date < ${from} AND l.date <= ${to} AND l.entry_id IN ${INTEREST_ENTRIES}`
    ).execute(db),
    sql<MovementRow>`
      SELECT l.member_id AS memberId, l.account_id AS accountId, l.date, l.amount, l.entry_id AS entryId,
        e.number, e.kind, e.memo, l.entry_id IN ${INTEREST_ENTRIES} AS interest
      FROM ${lines} CROSS JOIN journal_entries AS e
      WHERE e.id = l.entry_id AND l.member_id IS NOT NULL AND l.member_id IN ${ids}
        AND l.account_id IN ${CONTROL_ACCOUNTS} AND l.date >= ${from} AND l.date <= ${to}
      ORDER BY l.date, l.entry_id`.execute(db),
  ]);

  // Each line goes to the member's account on that control account that was open on its day.
  const open = new Map<string, typeof accounts>();
  for (const account of accounts) {
    if (account.openedOn > to) continue;
    const key = `${account.memberId}:${account.controlAccountId}`;
    open.set(key, [...(open.get(key) ?? []), account]);
  }
  const accountsOn = (line: LineRow) =>
    (open.get(`${line.memberId}:${line.accountId}`) ?? []).filter(
      (a) => a.openedOn <= line.date && line.date <= (a.closedOn ?? '9999-12-31'),
    );
  const interestOf = new Map<number, number>();
  for (const line of interestBefore.rows) {
    for (const a of accountsOn(line)) interestOf.set(a.id, (interestOf.get(a.id) ?? 0) + line.amount);
  }
  const movementsOf = new Map<number, MovementRow[]>();
  for (const line of period.rows) {
    for (const a of accountsOn(line)) {
      const list = movementsOf.get(a.id);
      if (list) list.push(line);
      else movementsOf.set(a.id, [line]);
    }
  }
  const openingOf = new Map(openings.rows.map((row) => [row.account, row.amount]));

  const savingsOf = new Map<number, MemberStatement['savings']>();
  for (const { controlAccountId: _control, ...account } of accounts) {
    if (account.openedOn > to) continue;
    // A liability: what the member holds is the credit side, so each amount is turned round.
    const opening = 0 - (openingOf.get(account.id) ?? 0);
    let balance = opening;
    let interestEarned = 0 - (interestOf.get(account.id) ?? 0);
    const movements: StatementMovement[] = [];
    for (const line of movementsOf.get(account.id) ?? []) {
      const amount = 0 - line.amount;
      balance += amount;
      if (line.interest === 1) interestEarned += amount;
      const { entryId, date, number, kind, memo } = line;
      movements.push({ entryId, date, number, kind, memo, amount, balance });
    }
    const list = savingsOf.get(account.memberId) ?? [];
    list.push({ ...account, balance, opening, movements, interestEarned });
    savingsOf.set(account.memberId, list);
  }
  return members.map((member, i) => {
    const memberShares = shares[i];
    if (!memberShares) throw new Error('no shares read for a member');
    return {
      member: {
        id: member.id,
        number: member.number,
        nameKm: member.nameKm,
        nameLatin: member.nameLatin,
        status: member.status,
      },
      to,
      shares: memberShares,
      savings: savingsOf.get(member.id) ?? [],
    };
  });
}
