import { type Kysely, sql } from 'kysely';
import { DomainError } from '../../shared/errors';
import { type Currency, isRealIsoDate } from '../../shared/khmer';
import {
  type Account,
  type AccountType,
  type BalanceSheet,
  type CashBook,
  type CashBookDay,
  currencySchema,
  type GeneralLedger,
  type IncomeStatement,
  isDebitNormal,
  type LedgerRow,
  type MemberBalance,
  type StatementLine,
  type StatementSection,
  type TrialBalance,
  type TrialBalanceRow,
} from '../../shared/ledger';
import { rowsAsArrays } from '../db/rows';
import type { Database } from '../db/schema';
import { findAccount, getAccount, listAccounts } from './accounts';
import { YEAR_CLOSE_KIND } from './posting';

// Every statement is read from posted lines at the moment it is asked for: nothing here is stored, so no
// figure can drift from the books.

const CURRENCIES: readonly Currency[] = currencySchema.options;

/** An account that takes postings, as opposed to a group. */
type PostingAccount = Account & { currency: Currency };
const takesPostings = (account: Account): account is PostingAccount => account.currency !== null;

/** A signed (debit-positive) amount as the account shows it: what it normally holds is positive. */
function naturalSign(type: AccountType, signed: number): number {
  // `0 - x` rather than `-x`: a zero balance must never come out as -0, which JSON and tests tell apart.
  return isDebitNormal(type) ? signed : 0 - signed;
}

function checkDate(date: string, field: string): void {
  if (!isRealIsoDate(date)) throw new DomainError('date_invalid', field);
}

function checkPeriod(from: string, to: string): void {
  checkDate(from, 'from');
  checkDate(to, 'to');
  if (from > to) throw new DomainError('validation', 'from');
}

/** The balance before a period starts is the balance at the end of the day before it. */
function dayBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/**
 * Each account's signed (debit-positive) balance at the end of `asOf`, 0 for an account with nothing
 * posted. The month totals the database keeps give every whole month before asOf's; only the lines of
 * asOf's own month up to asOf are read, from the (account, date, amount) index. Summing every line
 * instead would read the whole ledger for each statement.
 */
export async function balanceAt(
  db: Kysely<Database>,
  accountIds: readonly number[],
  asOf: string,
): Promise<Map<number, number>> {
  checkDate(asOf, 'asOf');
  const balances = new Map(accountIds.map((id) => [id, 0]));
  if (balances.size === 0) return balances;
  // One bound parameter whatever the number of accounts, still searched account by account.
  const ids = sql<number>`(SELECT value FROM json_each(${JSON.stringify([...balances.keys()])}))`;
  const month = asOf.slice(0, 7);
  const movements = db
    .selectFrom('account_month_totals')
    .select(['account_id', 'amount'])
    .where('account_id', 'in', ids)
    .where('month', '<', month)
    .unionAll(
      db
        .selectFrom('journal_lines')
        .select(['account_id', 'amount'])
        .where('account_id', 'in', ids)
        .where('date', '>=', `${month}-01`)
        .where('date', '<=', asOf),
    );
  const rows = await db
    .selectFrom(movements.as('movement'))
    .select((eb) => ['account_id', eb.fn.sum<number>('amount').as('balance')])
    .groupBy('account_id')
    .execute();
  for (const row of rows) balances.set(row.account_id, row.balance);
  return balances;
}

/**
 * A statement section: each group with the accounts right under it, in code order. A group's line totals
 * exactly the accounts listed under it; an account outside any group stands on its own line. Only
 * accounts present in `amounts` (natural sign, non-zero) are shown.
 */
function buildSection(
  type: AccountType,
  chart: readonly Account[],
  amounts: ReadonlyMap<number, number>,
): StatementSection {
  const byId = new Map(chart.map((account) => [account.id, account]));
  const heads = new Map<number, { head: Account; accounts: Account[] }>();
  for (const account of chart) {
    if (account.type !== type || !amounts.has(account.id)) continue;
    const head = (account.parentId === null ? undefined : byId.get(account.parentId)) ?? account;
    const entry = heads.get(head.id) ?? { head, accounts: [] };
    entry.accounts.push(account);
    heads.set(head.id, entry);
  }
  const lineOf = (account: Account, depth: number, isGroup: boolean, amount: number): StatementLine => ({
    accountId: isGroup ? null : account.id,
    code: account.code,
    nameKm: account.nameKm,
    nameEn: account.nameEn,
    depth,
    isGroup,
    amount,
  });
  const lines: StatementLine[] = [];
  let total = 0;
  const ordered = [...heads.values()].sort((a, b) => (a.head.code < b.head.code ? -1 : 1));
  for (const { head, accounts } of ordered) {
    const amountOf = (account: Account) => amounts.get(account.id) ?? 0;
    const sum = accounts.reduce((s, account) => s + amountOf(account), 0);
    total += sum;
    if (accounts.length === 1 && accounts[0] === head) {
      lines.push(lineOf(head, 0, false, sum));
      continue;
    }
    lines.push(lineOf(head, 0, true, sum));
    for (const account of accounts) lines.push(lineOf(account, 1, false, amountOf(account)));
  }
  return { type, lines, total };
}

/**
 * For each currency with any non-zero amount (KHR first), a builder of that currency's sections. The
 * amounts are signed, by account id; the sections show them in natural sign.
 */
function sectionsPerCurrency(chart: readonly Account[], signed: ReadonlyMap<number, number>) {
  return CURRENCIES.flatMap((currency) => {
    const amounts = new Map<number, number>();
    for (const account of chart) {
      const amount = signed.get(account.id) ?? 0;
      if (account.currency === currency && amount !== 0) {
        amounts.set(account.id, naturalSign(account.type, amount));
      }
    }
    if (amounts.size === 0) return [];
    return [{ currency, section: (type: AccountType) => buildSection(type, chart, amounts) }];
  });
}

const byCurrencyThenCode = (a: TrialBalanceRow, b: TrialBalanceRow) =>
  CURRENCIES.indexOf(a.currency) - CURRENCIES.indexOf(b.currency) || (a.code < b.code ? -1 : 1);

export async function trialBalance(db: Kysely<Database>, asOf: string): Promise<TrialBalance> {
  const accounts = (await listAccounts(db)).filter(takesPostings);
  const balances = await balanceAt(
    db,
    accounts.map((account) => account.id),
    asOf,
  );
  const totals: TrialBalance['totals'] = { KHR: { debit: 0, credit: 0 }, USD: { debit: 0, credit: 0 } };
  const rows: TrialBalanceRow[] = [];
  for (const account of accounts) {
    const balance = balances.get(account.id) ?? 0;
    if (balance === 0) continue;
    const debit = Math.max(balance, 0);
    const credit = Math.max(-balance, 0);
    totals[account.currency].debit += debit;
    totals[account.currency].credit += credit;
    rows.push({
      accountId: account.id,
      code: account.code,
      nameKm: account.nameKm,
      nameEn: account.nameEn,
      type: account.type,
      currency: account.currency,
      debit,
      credit,
    });
  }
  return { asOf, rows: rows.sort(byCurrencyThenCode), totals };
}

/**
 * Assets, liabilities and equity at the end of `asOf`. The surplus is the income less the expenses that
 * no year close has carried to the surplus account yet.
 */
export async function balanceSheet(db: Kysely<Database>, asOf: string): Promise<BalanceSheet> {
  const chart = await listAccounts(db);
  const balances = await balanceAt(
    db,
    chart.filter(takesPostings).map((account) => account.id),
    asOf,
  );
  const currencies = sectionsPerCurrency(chart, balances).map(({ currency, section }) => {
    const assets = section('asset');
    const liabilities = section('liability');
    const equity = section('equity');
    const surplus = section('income').total - section('expense').total;
    const difference = assets.total - liabilities.total - equity.total - surplus;
    return { currency, assets, liabilities, equity, surplus, difference };
  });
  return { asOf, currencies };
}

/** Income and expenses of the days from `from` to `to`, both included. */
export async function incomeStatement(
  db: Kysely<Database>,
  from: string,
  to: string,
): Promise<IncomeStatement> {
  checkPeriod(from, to);
  const chart = await listAccounts(db);
  const ids = chart
    .filter((account) => takesPostings(account) && (account.type === 'income' || account.type === 'expense'))
    .map((account) => account.id);
  const [opening, closing] = await Promise.all([balanceAt(db, ids, dayBefore(from)), balanceAt(db, ids, to)]);
  const movement = new Map(ids.map((id) => [id, (closing.get(id) ?? 0) - (opening.get(id) ?? 0)]));
  // The year close empties income and expenses into the surplus: that is no part of what the year earned.
  const closings = await db
    .selectFrom('journal_lines as line')
    .innerJoin('journal_entries as entry', 'entry.id', 'line.entry_id')
    .select((eb) => ['line.account_id', eb.fn.sum<number>('line.amount').as('amount')])
    .where('entry.kind', '=', YEAR_CLOSE_KIND)
    .where('entry.date', '>=', from)
    .where('entry.date', '<=', to)
    .groupBy('line.account_id')
    .execute();
  for (const { account_id, amount } of closings) {
    const moved = movement.get(account_id);
    if (moved !== undefined) movement.set(account_id, moved - amount);
  }
  const currencies = sectionsPerCurrency(chart, movement).map(({ currency, section }) => {
    const income = section('income');
    const expenses = section('expense');
    return { currency, income, expenses, surplus: income.total - expenses.total };
  });
  return { from, to, currencies };
}

type CashRow = LedgerRow & { accountCode: string };

/**
 * The lines posted to these accounts from `from` to `to`, by date then entry, each with the running
 * balance (natural sign) that starts at `opening`. Read from the (account, date) index.
 */
async function ledgerRows(
  db: Kysely<Database>,
  accounts: readonly PostingAccount[],
  from: string,
  to: string,
  opening: number,
): Promise<CashRow[]> {
  if (accounts.length === 0) return [];
  const byId = new Map(accounts.map((account) => [account.id, account]));
  const query = db
    .selectFrom('journal_lines as line')
    .innerJoin('journal_entries as entry', 'entry.id', 'line.entry_id')
    .select([
      'line.account_id',
      'line.entry_id',
      'line.date',
      'line.amount',
      'line.member_id',
      'entry.number',
      'entry.kind',
      'entry.memo',
    ])
    .where('line.account_id', 'in', [...byId.keys()])
    .where('line.date', '>=', from)
    .where('line.date', '<=', to)
    // The index's own order: a line's place within its entry is no part of a ledger's order.
    .orderBy('line.date')
    .orderBy('line.entry_id');
  type Row = [number, number, string, number, number | null, string | null, string, string];
  const lines = (await rowsAsArrays(db, query)) as Row[];
  // Members are named apart, once each: a busy cash month has thousands of lines and no member at all.
  const memberIds = [...new Set(lines.map((line) => line[4]).filter((id) => id !== null))];
  const members = new Map(
    memberIds.length === 0
      ? []
      : (
          await db
            .selectFrom('members')
            .select(['id', 'number', 'name_km'])
            .where('id', 'in', sql<number>`(SELECT value FROM json_each(${JSON.stringify(memberIds)}))`)
            .execute()
        ).map((member) => [member.id, member]),
  );
  let balance = opening;
  return lines.map(([accountId, entryId, date, amount, memberId, number, kind, memo]) => {
    const account = byId.get(accountId);
    if (!account) throw new Error(`line on account ${accountId}, which was not asked for`);
    balance += naturalSign(account.type, amount);
    const member = memberId === null ? undefined : members.get(memberId);
    return {
      entryId,
      date,
      number,
      kind,
      memo,
      memberNumber: member?.number ?? null,
      memberNameKm: member?.name_km ?? null,
      amount,
      balance,
      accountCode: account.code,
    };
  });
}

/** What these accounts held together (natural sign) at the end of the day before `from`. */
async function openingBalance(
  db: Kysely<Database>,
  accounts: readonly PostingAccount[],
  from: string,
): Promise<number> {
  const balances = await balanceAt(
    db,
    accounts.map((account) => account.id),
    dayBefore(from),
  );
  return accounts.reduce((sum, account) => sum + naturalSign(account.type, balances.get(account.id) ?? 0), 0);
}

/** One account's lines over a period with its running balance; a group has no lines of its own. */
export async function generalLedger(
  db: Kysely<Database>,
  accountId: number,
  from: string,
  to: string,
): Promise<GeneralLedger> {
  checkPeriod(from, to);
  const account = await findAccount(db, accountId);
  if (!account) throw new DomainError('account_unknown', 'accountId');
  if (!takesPostings(account)) throw new DomainError('account_is_group', 'accountId', { code: account.code });
  const opening = await openingBalance(db, [account], from);
  const rows = await ledgerRows(db, [account], from, to, opening);
  return { account, from, to, opening, rows, closing: rows.at(-1)?.balance ?? opening };
}

/** Every movement of cash on hand in one currency, day by day; a day with no movement is left out. */
export async function cashBook(
  db: Kysely<Database>,
  currency: Currency,
  from: string,
  to: string,
): Promise<CashBook> {
  checkPeriod(from, to);
  const cash = (await listAccounts(db)).filter(
    (account): account is PostingAccount => account.isCash && account.currency === currency,
  );
  const opening = await openingBalance(db, cash, from);
  const days: CashBookDay[] = [];
  for (const row of await ledgerRows(db, cash, from, to, opening)) {
    let day = days.at(-1);
    if (day?.date !== row.date) {
      const dayOpening = day?.closing ?? opening;
      day = { date: row.date, opening: dayOpening, rows: [], receipts: 0, payments: 0, closing: dayOpening };
      days.push(day);
    }
    day.rows.push(row);
    const change = row.balance - day.closing;
    if (change > 0) day.receipts += change;
    else day.payments -= change;
    day.closing = row.balance;
  }
  return { currency, from, to, opening, days, closing: days.at(-1)?.closing ?? opening };
}

/** A member's balance on a control account (savings, share capital, input credit), natural sign. */
export async function memberBalance(
  db: Kysely<Database>,
  memberId: number,
  accountId: number,
  asOf: string,
): Promise<MemberBalance> {
  checkDate(asOf, 'asOf');
  const account = await getAccount(db, accountId);
  if (account.currency === null) throw new DomainError('account_is_group', 'accountId');
  if (account.is_control !== 1) throw new DomainError('member_not_allowed', 'accountId');
  const member = await db.selectFrom('members').select('id').where('id', '=', memberId).executeTakeFirst();
  if (!member) throw new DomainError('member_unknown', 'memberId');
  // A member has few lines on one account: their sum comes straight from the member index.
  const row = await db
    .selectFrom('journal_lines')
    .select((eb) => eb.fn.sum<number | null>('amount').as('balance'))
    .where('member_id', '=', memberId)
    .where('account_id', '=', accountId)
    .where('date', '<=', asOf)
    .executeTakeFirst();
  const balance = naturalSign(account.type, row?.balance ?? 0);
  return { memberId, accountId, asOf, currency: account.currency, balance };
}
