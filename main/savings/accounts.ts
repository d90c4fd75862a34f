import { type Kysely, sql, type Transaction } from 'kysely';
import { DomainError } from '../../shared/errors';
import { toLatinDigits } from '../../shared/khmer';
import type {
  CollectionDayInput,
  CollectionDayResult,
  Depositor,
  OpenSavingsAccountInput,
  PostedMovement,
  SavingsAccount,
  SavingsMovementInput,
  SavingsProduct,
} from '../../shared/savings';
import type { AccountRecord, Database, SavingsAccountRecord } from '../db/schema';
import { takeNextNumber, takeNextNumbers } from '../db/sequences';
import { accountByRole } from '../ledger/accounts';
import { type Actor, type EntryDraft, postEntries } from '../ledger/posting';
import { checkCashCovers, moneyAccount } from '../ledger/vouchers';
import { getMember } from '../members/register';
import { addMonths } from './interest-math';
import { getProduct } from './products';

type Db = Kysely<Database> | Transaction<Database>;

const RECEIPT_PREFIX = { deposit: 'DP', withdrawal: 'WD' } as const;

// What an entry's memo says, written once for the app and the demo: the product's name; the kind of
// movement and its receipt number are carried beside it and shown in the reader's language.
export const savingsMemo = (product: Pick<SavingsProduct, 'nameKm'>) => product.nameKm;
export const interestMemo = (product: Pick<SavingsProduct, 'nameKm'>, period: string) =>
  `${product.nameKm} ${period}`;

async function receiptNumber(trx: Db, kind: keyof typeof RECEIPT_PREFIX): Promise<string> {
  const [number = ''] = await receiptNumbers(trx, kind, 1);
  return number;
}

/** `count` consecutive receipt numbers at once, for a batch of deposits (a collective sale's payout). */
export async function receiptNumbers(trx: Db, kind: keyof typeof RECEIPT_PREFIX, count: number) {
  const first = await takeNextNumbers(trx, `savings_${kind}`, count);
  return Array.from(
    { length: count },
    (_, i) => `${RECEIPT_PREFIX[kind]}-${String(first + i).padStart(6, '0')}`,
  );
}

/** What a member's account holds at the end of a day: the member's lines on the product's control account. */
export async function savingsBalance(db: Db, memberId: number, controlAccountId: number, asOf?: string) {
  let query = db
    .selectFrom('journal_lines')
    .select((eb) => eb.fn.sum<number>('amount').as('balance'))
    .where('member_id', '=', memberId)
    .where('account_id', '=', controlAccountId);
  if (asOf) query = query.where('date', '<=', asOf);
  const row = await query.executeTakeFirst();
  // A liability: what the member holds is the credit balance.
  return -(row?.balance ?? 0);
}

function accountRows(db: Db) {
  return db
    .selectFrom('savings_accounts as s')
    .innerJoin('savings_products as p', 'p.id', 's.product_id')
    .innerJoin('members as m', 'm.id', 's.member_id')
    .selectAll('s')
    .select([
      'p.name_km as product_name_km',
      'p.name_en as product_name_en',
      'p.currency',
      'p.account_id',
      'm.number as member_number',
      'm.name_km as member_name_km',
    ]);
}

type AccountRow = Awaited<ReturnType<ReturnType<typeof accountRows>['executeTakeFirstOrThrow']>>;

/** An account as its row says it, before its balance is read. */
function accountFields(row: AccountRow): Omit<SavingsAccount, 'balance'> {
  return {
    id: row.id,
    number: row.number,
    memberId: row.member_id,
    memberNumber: row.member_number,
    memberNameKm: row.member_name_km,
    productId: row.product_id,
    productNameKm: row.product_name_km,
    productNameEn: row.product_name_en,
    currency: row.currency,
    openedOn: row.opened_on,
    maturityOn: row.maturity_on,
    closedOn: row.closed_on,
  };
}

async function toAccount(db: Db, row: AccountRow): Promise<SavingsAccount> {
  return { ...accountFields(row), balance: await savingsBalance(db, row.member_id, row.account_id) };
}

export async function memberSavingsAccounts(db: Db, memberId: number): Promise<SavingsAccount[]> {
  const rows = await accountRows(db).where('s.member_id', '=', memberId).orderBy('s.id').execute();
  return Promise.all(rows.map((row) => toAccount(db, row)));
}

/**
 * Every savings account of these members in one read, oldest first, with its product's control account
 * and without a balance: the member statement adds its balances up from the lines it reads anyway.
 */
export async function savingsAccountsOf(
  db: Db,
  memberIds: readonly number[],
): Promise<Array<Omit<SavingsAccount, 'balance'> & { controlAccountId: number }>> {
  const rows = await accountRows(db)
    .where('s.member_id', 'in', sql<number>`(SELECT value FROM json_each(${JSON.stringify(memberIds)}))`)
    .orderBy('s.id')
    .execute();
  return rows.map((row) => ({ ...accountFields(row), controlAccountId: row.account_id }));
}

export async function getSavingsAccount(db: Db, id: number): Promise<SavingsAccount> {
  const row = await accountRows(db).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'savingsAccountId');
  return toAccount(db, row);
}

async function cashFor(trx: Db, cashAccountId: number, product: SavingsProduct): Promise<AccountRecord> {
  const cash = await moneyAccount(trx, cashAccountId, 'cashAccountId');
  if (cash.currency !== product.currency) throw new DomainError('currency_mismatch', 'cashAccountId');
  return cash;
}

/**
 * The entry of one deposit: cash in (or whatever pays it in, such as a collective sale's payout), the
 * member's savings up. Its number is the member's receipt.
 */
export function depositDraft(
  product: Pick<SavingsProduct, 'nameKm' | 'currency' | 'accountId'>,
  cash: AccountRecord,
  memberId: number,
  date: string,
  amount: number,
) {
  return {
    date,
    kind: 'savings_deposit',
    memo: savingsMemo(product),
    lines: [
      { accountId: cash.id, currency: product.currency, amount },
      { accountId: product.accountId, memberId, currency: product.currency, amount: -amount },
    ],
  } satisfies Omit<EntryDraft, 'number'>;
}

async function insertAccount(trx: Db, product: SavingsProduct, memberId: number, date: string) {
  const number = `S-${String(await takeNextNumber(trx, 'savings_account')).padStart(6, '0')}`;
  const maturity = product.termMonths === null ? null : addMonths(date, product.termMonths);
  return trx
    .insertInto('savings_accounts')
    .values({ number, member_id: memberId, product_id: product.id, opened_on: date, maturity_on: maturity })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** The checks before a member's first deposit in a product opens an account for it. */
async function checkOpening(
  trx: Db,
  product: SavingsProduct,
  memberId: number,
  amount: number,
  date: string,
) {
  if (!product.active) throw new DomainError('product_inactive', 'productId');
  const member = await getMember(trx, memberId);
  if (member.status !== 'active') throw new DomainError('member_not_active', 'memberId');
  if (date < member.joinDate) throw new DomainError('date_before_join', 'date', { date: member.joinDate });
  if (amount < product.minOpeningDeposit) {
    throw new DomainError('amount_below_minimum', 'amount', { minimum: product.minOpeningDeposit });
  }
  const open = await trx
    .selectFrom('savings_accounts')
    .select('id')
    .where('member_id', '=', memberId)
    .where('product_id', '=', product.id)
    .where('closed_on', 'is', null)
    .executeTakeFirst();
  if (open) throw new DomainError('savings_account_exists', 'productId');
}

/** Opens a member's account in a product with its opening deposit: one event, one transaction. */
export function openSavingsAccount(db: Kysely<Database>, input: OpenSavingsAccountInput, actor: Actor) {
  return db.transaction().execute(async (trx): Promise<PostedMovement> => {
    const product = await getProduct(trx, input.productId);
    const cash = await cashFor(trx, input.cashAccountId, product);
    await checkOpening(trx, product, input.memberId, input.amount, input.date);
    const account = await insertAccount(trx, product, input.memberId, input.date);
    const number = await receiptNumber(trx, 'deposit');
    const draft = depositDraft(product, cash, input.memberId, input.date, input.amount);
    const [entryId = 0] = await postEntries(trx, [{ ...draft, number }], actor);
    return { entryId, receiptNumber: number, savingsAccountId: account.id, balance: input.amount };
  });
}

async function openAccountOf(
  trx: Db,
  id: number,
): Promise<{ row: SavingsAccountRecord; product: SavingsProduct }> {
  const row = await trx.selectFrom('savings_accounts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'savingsAccountId');
  if (row.closed_on !== null) throw new DomainError('savings_account_closed', 'savingsAccountId');
  return { row, product: await getProduct(trx, row.product_id) };
}

export function depositSavings(db: Kysely<Database>, input: SavingsMovementInput, actor: Actor) {
  return db.transaction().execute(async (trx): Promise<PostedMovement> => {
    const { row, product } = await openAccountOf(trx, input.savingsAccountId);
    if (product.kind === 'fixed') throw new DomainError('fixed_term_no_deposit', 'savingsAccountId');
    const cash = await cashFor(trx, input.cashAccountId, product);
    if (input.date < row.opened_on)
      throw new DomainError('date_before_join', 'date', { date: row.opened_on });
    const number = await receiptNumber(trx, 'deposit');
    const draft = depositDraft(product, cash, row.member_id, input.date, input.amount);
    const [entryId = 0] = await postEntries(trx, [{ ...draft, number }], actor);
    const balance = await savingsBalance(trx, row.member_id, product.accountId);
    return { entryId, receiptNumber: number, savingsAccountId: row.id, balance };
  });
}

/** Half up, in integers: the penalty on an early withdrawal, a share of the amount in hundredths of a percent. */
export const penaltyOf = (amount: number, bp: number) => Math.floor((amount * bp + 5_000) / 10_000);

/**
 * Money out of a member's savings: never below zero; out of a fixed-term deposit before it matures only
 * if the product allows it, and then with its penalty, which goes back against the interest paid.
 */
async function withdrawIn(
  trx: Transaction<Database>,
  input: SavingsMovementInput,
  actor: Actor,
  close: boolean,
) {
  const { row, product } = await openAccountOf(trx, input.savingsAccountId);
  const cash = await cashFor(trx, input.cashAccountId, product);
  if (input.date < row.opened_on) throw new DomainError('date_before_join', 'date', { date: row.opened_on });
  const held = Math.min(
    await savingsBalance(trx, row.member_id, product.accountId, input.date),
    await savingsBalance(trx, row.member_id, product.accountId),
  );
  if (input.amount > held) throw new DomainError('insufficient_savings', 'amount', { balance: held });
  const early = row.maturity_on !== null && input.date < row.maturity_on;
  if (early && !product.earlyWithdrawal)
    throw new DomainError('not_matured', 'date', { date: row.maturity_on ?? '' });
  const penalty = early ? penaltyOf(input.amount, product.earlyPenaltyBp) : 0;
  await checkCashCovers(trx, cash, input.amount - penalty, input.date, actor);
  const lines = [
    {
      accountId: product.accountId,
      memberId: row.member_id,
      currency: product.currency,
      amount: input.amount,
    },
    { accountId: cash.id, currency: product.currency, amount: -(input.amount - penalty) },
  ];
  if (penalty > 0) {
    const interest = await accountByRole(trx, `interest_paid_${product.currency.toLowerCase()}`);
    lines.push({ accountId: interest.id, currency: product.currency, amount: -penalty });
  }
  const number = await receiptNumber(trx, 'withdrawal');
  const [entryId = 0] = await postEntries(
    trx,
    [
      {
        date: input.date,
        kind: close ? 'savings_close' : 'savings_withdrawal',
        number,
        memo: savingsMemo(product),
        details: penalty > 0 ? { penalty } : null,
        lines: lines.filter((line) => line.amount !== 0),
      },
    ],
    actor,
  );
  return { entryId, receiptNumber: number, savingsAccountId: row.id, balance: held - input.amount };
}

export function withdrawSavings(db: Kysely<Database>, input: SavingsMovementInput, actor: Actor) {
  return db.transaction().execute((trx): Promise<PostedMovement> => withdrawIn(trx, input, actor, false));
}

/** Pays out whatever the account holds and closes it. */
export function closeSavingsAccount(
  db: Kysely<Database>,
  input: { savingsAccountId: number; date: string; cashAccountId: number },
  actor: Actor,
) {
  return db.transaction().execute(async (trx): Promise<PostedMovement> => {
    const { row, product } = await openAccountOf(trx, input.savingsAccountId);
    const held = await savingsBalance(trx, row.member_id, product.accountId);
    const paid =
      held > 0
        ? await withdrawIn(trx, { ...input, amount: held }, actor, true)
        : { entryId: null, receiptNumber: null, savingsAccountId: row.id, balance: 0 };
    await trx
      .updateTable('savings_accounts')
      .set({ closed_on: input.date })
      .where('id', '=', row.id)
      .execute();
    return paid;
  });
}

/** Who is at the table: a member number, or part of a name, with the account and balance to confirm. */
export async function findDepositors(
  db: Kysely<Database>,
  productId: number,
  query: string,
): Promise<Depositor[]> {
  const product = await getProduct(db, productId);
  const text = toLatinDigits(query).trim();
  const asNumber = /^[0-9]+$/.test(text) ? Number(text) : null;
  const members = await db
    .selectFrom('members')
    .select(['id', 'number', 'name_km', 'name_latin'])
    .where('status', '=', 'active')
    .where((eb) =>
      asNumber !== null
        ? eb('number', '=', asNumber)
        : eb.or([eb('name_km', 'like', `%${text}%`), eb('name_latin', 'like', `%${text}%`)]),
    )
    .orderBy('number')
    .limit(10)
    .execute();
  return Promise.all(
    members.map(async (m) => {
      const account = await db
        .selectFrom('savings_accounts')
        .select('id')
        .where('member_id', '=', m.id)
        .where('product_id', '=', product.id)
        .where('closed_on', 'is', null)
        .executeTakeFirst();
      return {
        memberId: m.id,
        memberNumber: m.number,
        nameKm: m.name_km,
        nameLatin: m.name_latin ?? '',
        savingsAccountId: account?.id ?? null,
        balance: account ? await savingsBalance(db, m.id, product.accountId) : 0,
      };
    }),
  );
}

/**
 * A morning of deposits, posted as one batch: each deposit its own entry and receipt, a member's first
 * deposit in the product opening the account, all of it one transaction so that a bad line stops all.
 */
export function postCollectionDay(db: Kysely<Database>, input: CollectionDayInput, actor: Actor) {
  return db.transaction().execute(async (trx): Promise<CollectionDayResult> => {
    const product = await getProduct(trx, input.productId);
    if (product.kind === 'fixed') throw new DomainError('fixed_term_no_deposit', 'productId');
    const cash = await cashFor(trx, input.cashAccountId, product);
    const open = new Map(
      (
        await trx
          .selectFrom('savings_accounts')
          .select(['id', 'member_id'])
          .where('product_id', '=', product.id)
          .where('closed_on', 'is', null)
          .execute()
      ).map((a) => [a.member_id, a.id]),
    );
    const drafts: EntryDraft[] = [];
    const opened = new Set<number>();
    for (const [index, deposit] of input.deposits.entries()) {
      try {
        if (!open.has(deposit.memberId)) {
          await checkOpening(trx, product, deposit.memberId, deposit.amount, input.date);
          open.set(deposit.memberId, (await insertAccount(trx, product, deposit.memberId, input.date)).id);
          opened.add(deposit.memberId);
        }
      } catch (error) {
        // The screen shows the refusal on the line that caused it.
        if (error instanceof DomainError) {
          throw new DomainError(error.error.code, 'deposits', { ...error.error.params, line: index });
        }
        throw error;
      }
      const number = await receiptNumber(trx, 'deposit');
      drafts.push({ ...depositDraft(product, cash, deposit.memberId, input.date, deposit.amount), number });
    }
    await postEntries(trx, drafts, actor);
    const receipts = await Promise.all(
      input.deposits.map(async (deposit, index) => ({
        memberId: deposit.memberId,
        receiptNumber: drafts[index]?.number ?? '',
        balance: await savingsBalance(trx, deposit.memberId, product.accountId),
        opened: opened.has(deposit.memberId),
      })),
    );
    const total = input.deposits.reduce((sum, d) => sum + d.amount, 0);
    return { count: input.deposits.length, total, receipts };
  });
}
