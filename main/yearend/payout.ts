import { type Kysely, sql } from 'kysely';
import { DomainError } from '../../shared/errors';
import type { PayoutInput } from '../../shared/yearend';
import type { Database } from '../db/schema';
import { accountByRole } from '../ledger/accounts';
import { type Actor, type LineDraft, postEntry } from '../ledger/posting';

/**
 * Pays members their dividends and patronage refunds of a closed year: in cash against their signature
 * on the payout sheet, or credited to their ordinary riel savings. One entry for the batch, one
 * transaction; each member is paid once.
 */
export function payDistributions(db: Kysely<Database>, input: PayoutInput, actor: Actor) {
  return db.transaction().execute(async (trx) => {
    const closed = await trx
      .selectFrom('year_closes')
      .select('year')
      .where('year', '=', input.year)
      .executeTakeFirst();
    if (!closed) throw new DomainError('year_not_closed', 'year');
    let query = trx
      .selectFrom('year_distributions as d')
      .innerJoin('members as m', 'm.id', 'd.member_id')
      .select(['d.member_id', 'm.number', 'd.dividend', 'd.patronage'])
      .where('d.year', '=', input.year)
      .where('d.paid_on', 'is', null);
    if (input.memberIds.length > 0) {
      query = query.where(
        'd.member_id',
        'in',
        sql<number>`(SELECT value FROM json_each(${JSON.stringify(input.memberIds)}))`,
      );
    }
    const unpaid = await query.orderBy('m.number').execute();
    if (unpaid.length === 0) throw new DomainError('nothing_to_pay', 'memberIds');
    const dividends = unpaid.reduce((sum, d) => sum + d.dividend, 0);
    const patronage = unpaid.reduce((sum, d) => sum + d.patronage, 0);
    const lines: LineDraft[] = [];
    if (dividends > 0)
      lines.push({
        accountId: (await accountByRole(trx, 'dividends_payable')).id,
        currency: 'KHR',
        amount: dividends,
      });
    if (patronage > 0)
      lines.push({
        accountId: (await accountByRole(trx, 'patronage_payable')).id,
        currency: 'KHR',
        amount: patronage,
      });
    if (input.method === 'cash') {
      lines.push({
        accountId: (await accountByRole(trx, 'cash_khr')).id,
        currency: 'KHR',
        amount: -(dividends + patronage),
      });
    } else {
      const accounts = new Map(
        (
          await trx
            .selectFrom('savings_accounts as s')
            .innerJoin('savings_products as p', 'p.id', 's.product_id')
            .select(['s.member_id', 'p.account_id'])
            .where('p.kind', '=', 'ordinary')
            .where('p.currency', '=', 'KHR')
            .where('s.opened_on', '<=', input.date)
            .where('s.closed_on', 'is', null)
            .orderBy('s.opened_on', 'desc')
            .execute()
        ).map((a) => [a.member_id, a.account_id]),
      );
      for (const d of unpaid) {
        const account = accounts.get(d.member_id);
        if (account === undefined)
          throw new DomainError('no_savings_account', 'memberIds', { number: d.number });
        lines.push({
          accountId: account,
          memberId: d.member_id,
          currency: 'KHR',
          amount: -(d.dividend + d.patronage),
        });
      }
    }
    const entryId = await postEntry(
      trx,
      {
        date: input.date,
        kind: 'year_payout',
        memo: `ភាគលាភ និងប្រាក់បង្វិលសងឆ្នាំ ${input.year}`,
        sourceRef: `year:${input.year}`,
        lines,
      },
      actor,
    );
    const ids = unpaid.map((d) => d.member_id);
    for (let i = 0; i < ids.length; i += 5000) {
      await trx
        .updateTable('year_distributions')
        .set({ paid_entry_id: entryId, paid_on: input.date, paid_how: input.method })
        .where('year', '=', input.year)
        .where('member_id', 'in', ids.slice(i, i + 5000))
        .execute();
    }
    return { entryId, members: unpaid.length, total: dividends + patronage };
  });
}
