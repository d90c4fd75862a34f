import type { Kysely, Transaction } from 'kysely';
import { DomainError } from '../../shared/errors';
import { toKhmerDigits } from '../../shared/khmer';
import type { SharePurchaseInput, ShareRedemptionInput, ShareTransferInput } from '../../shared/savings';
import type { Cooperative } from '../../shared/schemas';
import { getCooperative } from '../cooperative/profile';
import type { AccountRecord, CurrencyCode, Database, MemberRecord } from '../db/schema';
import { takeNextNumber } from '../db/sequences';
import { accountByRole } from '../ledger/accounts';
import { type Actor, type LineDraft, postEntry } from '../ledger/posting';
import { checkCashCovers, moneyAccount } from '../ledger/vouchers';

// The ledger holds the value of each member's shares (share capital, one line per member); the
// share_movements table holds their count and certificates. Both are written in the same transaction.

type Db = Kysely<Database> | Transaction<Database>;

/** The last day the calendar allows: a balance "as of" it takes every line ever posted. */
export const LAST_DAY = '2999-12-31';

/**
 * The percentage cap counts only once the cooperative would hold this many shares in all, after the
 * purchase or transfer. Below it the first members could never buy: the very first share is 100 % of
 * all shares, and with a 10 % cap no member could buy until ten others had.
 */
const PERCENT_CAP_FROM_SHARES = 100;

export const sharesText = (n: number) => `${n} share${n === 1 ? '' : 's'}`;
export const sharesKm = (n: number) => `${toKhmerDigits(String(n))} ហ៊ុន`;

export async function findMember(db: Db, id: number, field: string): Promise<MemberRecord> {
  const row = await db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('not_found', field);
  return row;
}

/** Only an active member takes new shares, and not before joining. */
function checkMayGainShares(member: MemberRecord, date: string, field: string): void {
  if (member.status !== 'active') throw new DomainError('member_not_active', field);
  if (date < member.join_date) throw new DomainError('date_before_join', 'date', { date: member.join_date });
}

/** Shares are paid for and paid back in riel, through cash on hand or a bank account. */
async function rielMoneyAccount(trx: Db, id: number): Promise<AccountRecord> {
  const account = await moneyAccount(trx, id, 'cashAccountId');
  if (account.currency !== 'KHR') {
    throw new DomainError('currency_mismatch', 'cashAccountId', {
      code: account.code,
      currency: account.currency ?? '',
    });
  }
  return account;
}

/** The shares one member holds at the end of `asOf` (or of every movement ever written). */
export async function sharesHeld(db: Db, memberId: number, asOf?: string): Promise<number> {
  let query = db
    .selectFrom('share_movements')
    .select((eb) => eb.fn.sum<number | null>('shares').as('held'))
    .where('member_id', '=', memberId);
  if (asOf !== undefined) query = query.where('date', '<=', asOf);
  return (await query.executeTakeFirst())?.held ?? 0;
}

async function allShares(db: Db): Promise<number> {
  const row = await db
    .selectFrom('share_movements')
    .select((eb) => eb.fn.sum<number | null>('shares').as('total'))
    .executeTakeFirst();
  return row?.total ?? 0;
}

/** The by-law's caps on a member who holds `held` and gains `gaining`, with `total` shares in all after. */
function checkCap(cooperative: Cooperative, held: number, gaining: number, total: number): void {
  const after = held + gaining;
  const perMember = cooperative.shareCapPerMember;
  if (perMember > 0 && after > perMember) {
    throw new DomainError('share_cap_reached', 'shares', { cap: perMember, held, kind: 'shares' });
  }
  const percent = cooperative.shareCapPercent;
  if (percent > 0 && total >= PERCENT_CAP_FROM_SHARES && after * 100 > percent * total) {
    throw new DomainError('share_cap_reached', 'shares', { cap: percent, held, kind: 'percent' });
  }
}

/** Shares bought in cash at par: one entry with a purchase number, one new certificate. */
export function purchaseShares(
  db: Kysely<Database>,
  input: SharePurchaseInput,
  actor: Actor,
): Promise<{ entryId: number; number: string; certificateNumber: number }> {
  return db.transaction().execute(async (trx) => {
    const member = await findMember(trx, input.memberId, 'memberId');
    checkMayGainShares(member, input.date, 'memberId');
    const cash = await rielMoneyAccount(trx, input.cashAccountId);
    const cooperative = await getCooperative(trx);
    checkCap(
      cooperative,
      await sharesHeld(trx, member.id),
      input.shares,
      (await allShares(trx)) + input.shares,
    );
    const capital = await accountByRole(trx, 'share_capital');
    const amount = input.shares * cooperative.sharePar;
    const number = `SH-${String(await takeNextNumber(trx, 'share_purchase')).padStart(6, '0')}`;
    const entryId = await postEntry(
      trx,
      {
        date: input.date,
        kind: 'share_purchase',
        number,
        memo: `ទិញភាគហ៊ុន ${sharesKm(input.shares)} / ${sharesText(input.shares)}`,
        lines: [
          { accountId: cash.id, currency: 'KHR', amount },
          { accountId: capital.id, memberId: member.id, currency: 'KHR', amount: -amount },
        ],
      },
      actor,
    );
    const certificateNumber = await takeNextNumber(trx, 'share_certificate');
    await trx
      .insertInto('share_movements')
      .values({
        member_id: member.id,
        date: input.date,
        kind: 'purchase',
        shares: input.shares,
        certificate_number: certificateNumber,
        entry_id: entryId,
      })
      .execute();
    return { entryId, number, certificateNumber };
  });
}

/** Shares passed from one member to another by a board decision, at par; the receiver gets a certificate. */
export function transferShares(
  db: Kysely<Database>,
  input: ShareTransferInput,
  actor: Actor,
): Promise<{ entryId: number; certificateNumber: number }> {
  return db.transaction().execute(async (trx) => {
    const from = await findMember(trx, input.fromMemberId, 'fromMemberId');
    const to = await findMember(trx, input.toMemberId, 'toMemberId');
    if (from.id === to.id) throw new DomainError('same_member', 'toMemberId');
    checkMayGainShares(to, input.date, 'toMemberId');
    // Held on the day and still held now: a back-dated transfer must not give away shares that the
    // member has given away or been paid back since.
    const held = Math.min(await sharesHeld(trx, from.id, input.date), await sharesHeld(trx, from.id));
    if (held < input.shares) throw new DomainError('insufficient_shares', 'shares', { held });
    const cooperative = await getCooperative(trx);
    checkCap(cooperative, await sharesHeld(trx, to.id), input.shares, await allShares(trx));
    const capital = await accountByRole(trx, 'share_capital');
    const amount = input.shares * cooperative.sharePar;
    const entryId = await postEntry(
      trx,
      {
        date: input.date,
        kind: 'share_transfer',
        memo:
          `ផ្ទេរភាគហ៊ុន ${sharesKm(input.shares)} ពីសមាជិក ${toKhmerDigits(String(from.number))} ` +
          `ទៅ ${toKhmerDigits(String(to.number))} / ${sharesText(input.shares)} from member ${from.number} ` +
          `to ${to.number} — ${input.decisionRef}`,
        lines: [
          { accountId: capital.id, memberId: from.id, currency: 'KHR', amount },
          { accountId: capital.id, memberId: to.id, currency: 'KHR', amount: -amount },
        ],
      },
      actor,
    );
    const certificateNumber = await takeNextNumber(trx, 'share_certificate');
    const movement = { date: input.date, decision_ref: input.decisionRef, entry_id: entryId };
    await trx
      .insertInto('share_movements')
      .values([
        {
          ...movement,
          member_id: from.id,
          kind: 'transfer_out',
          shares: -input.shares,
          certificate_number: null,
          counterpart_member_id: to.id,
        },
        {
          ...movement,
          member_id: to.id,
          kind: 'transfer_in',
          shares: input.shares,
          certificate_number: certificateNumber,
          counterpart_member_id: from.id,
        },
      ])
      .execute();
    return { entryId, certificateNumber };
  });
}

/** A member's signed (debit-positive) total on each control account that carries their lines. */
async function memberTotals(trx: Db, memberId: number) {
  const rows = await trx
    .selectFrom('journal_lines')
    .innerJoin('accounts', 'accounts.id', 'journal_lines.account_id')
    .select((eb) => [
      'accounts.id',
      'accounts.type',
      'accounts.currency',
      eb.fn.sum<number>('journal_lines.amount').as('signed'),
    ])
    .where('journal_lines.member_id', '=', memberId)
    .where('accounts.is_control', '=', 1)
    .groupBy('accounts.id')
    .execute();
  // Lines are only ever posted to accounts with a currency; a group takes none.
  return rows.flatMap(({ currency, ...row }) => (currency === null ? [] : [{ ...row, currency }]));
}

/**
 * The last day anything of the member's happened: a redemption settles the member's affairs as of its
 * date, so it cannot come before the exit, a posting or share movement, or a savings account opened.
 */
async function lastActivity(trx: Db, member: MemberRecord): Promise<string> {
  const [line, movement, opened] = await Promise.all([
    trx
      .selectFrom('journal_lines')
      .select((eb) => eb.fn.max('date').as('last'))
      .where('member_id', '=', member.id)
      .executeTakeFirst(),
    trx
      .selectFrom('share_movements')
      .select((eb) => eb.fn.max('date').as('last'))
      .where('member_id', '=', member.id)
      .executeTakeFirst(),
    trx
      .selectFrom('savings_accounts')
      .select((eb) => eb.fn.max('opened_on').as('last'))
      .where('member_id', '=', member.id)
      .executeTakeFirst(),
  ]);
  const dates = [member.exit_date, line?.last, movement?.last, opened?.last];
  return dates.reduce<string>((last, date) => (date && date > last ? date : last), '');
}

/**
 * A member who left or died is paid back their shares at par. Savings and input credit must be nil,
 * unless `settle` asks to settle them in the same entry: savings paid out in their currency, credit
 * deducted from the riel paid. The member's open savings accounts are closed.
 */
export function redeemShares(
  db: Kysely<Database>,
  input: ShareRedemptionInput,
  actor: Actor,
): Promise<{ entryId: number; number: string; paidOut: { KHR: number; USD: number } }> {
  return db.transaction().execute(async (trx) => {
    const member = await findMember(trx, input.memberId, 'memberId');
    if (member.status === 'active') throw new DomainError('member_still_active', 'memberId');
    const held = await sharesHeld(trx, member.id);
    if (held <= 0) throw new DomainError('no_shares', 'memberId');
    const last = await lastActivity(trx, member);
    if (input.date < last) throw new DomainError('date_before_last_movement', 'date', { date: last });
    const cash = await rielMoneyAccount(trx, input.cashAccountId);
    const { sharePar } = await getCooperative(trx);
    const capital = await accountByRole(trx, 'share_capital');
    const credit = await accountByRole(trx, 'input_credit_khr');

    const totals = await memberTotals(trx, member.id);
    // Savings are every member liability (each product's control account); share capital is equity.
    const savings = totals.filter((t) => t.type === 'liability' && t.signed !== 0);
    const savingsIn = (currency: CurrencyCode) =>
      savings.filter((t) => t.currency === currency).reduce((sum, t) => sum - t.signed, 0);
    const owed = totals.find((t) => t.id === credit.id)?.signed ?? 0;
    if (!input.settle && savings.length > 0) {
      throw new DomainError('member_has_savings', 'settle', { KHR: savingsIn('KHR'), USD: savingsIn('USD') });
    }
    if (!input.settle && owed !== 0) throw new DomainError('member_owes_credit', 'settle', { owed });
    const capitalAmount = held * sharePar;
    const paidOut = { KHR: capitalAmount + savingsIn('KHR') - owed, USD: savingsIn('USD') };
    if (paidOut.KHR < 0) throw new DomainError('member_owes_credit', 'settle', { owed });

    const lines: LineDraft[] = [
      { accountId: capital.id, memberId: member.id, currency: 'KHR', amount: capitalAmount },
      ...savings.map((t) => ({
        accountId: t.id,
        memberId: member.id,
        currency: t.currency,
        amount: -t.signed,
      })),
    ];
    if (owed !== 0) lines.push({ accountId: credit.id, memberId: member.id, currency: 'KHR', amount: -owed });
    const cashUsd = await accountByRole(trx, 'cash_usd');
    const payers = [
      { account: cash, currency: 'KHR', field: 'cashAccountId' },
      { account: cashUsd, currency: 'USD', field: 'settle' },
    ] as const;
    for (const { account, currency, field } of payers) {
      const amount = paidOut[currency];
      if (amount === 0) continue;
      await checkCashCovers(trx, account, amount, input.date, actor, field);
      lines.push({ accountId: account.id, currency, amount: -amount });
    }
    const settled = lines.length > 2;
    const number = `SR-${String(await takeNextNumber(trx, 'share_redemption')).padStart(6, '0')}`;
    const entryId = await postEntry(
      trx,
      {
        date: input.date,
        kind: 'share_redemption',
        number,
        memo:
          `ដកភាគហ៊ុនវិញ ${sharesKm(held)}${settled ? ' និងទូទាត់ប្រាក់សន្សំ និងឥណទាន' : ''} / ` +
          `${sharesText(held)} redeemed${settled ? ', savings and credit settled' : ''}`,
        lines,
      },
      actor,
    );
    await trx
      .insertInto('share_movements')
      .values({
        member_id: member.id,
        date: input.date,
        kind: 'redemption',
        shares: -held,
        entry_id: entryId,
      })
      .execute();
    await trx
      .updateTable('savings_accounts')
      .set({ closed_on: input.date })
      .where('member_id', '=', member.id)
      .where('closed_on', 'is', null)
      .execute();
    return { entryId, number, paidOut };
  });
}
