import { type Kysely, sql, type Transaction } from 'kysely';
import { DomainError } from '../../shared/errors';
import {
  AGING_BUCKETS,
  type AgingAmounts,
  type AgingRow,
  agingBucket,
  type CreditAging,
  type CreditSale,
  type InputCreditStatement,
  type InputSaleLine,
  type InputUnit,
  type MemberInputCredit,
} from '../../shared/inputs';
import { isRealIsoDate } from '../../shared/khmer';
import { rowsAsArrays } from '../db/rows';
import type { Database } from '../db/schema';
import { accountByRole } from '../ledger/accounts';
import { balanceAt } from '../ledger/statements';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * A member's input credit is what the ledger's input credit account holds for the member. Each debit
 * there is a debt (a credit sale, due on its due date; anything else, such as credit brought in with the
 * opening balances, due on its own date); each credit pays debts: first the sale the bookkeeper chose,
 * then the oldest due. An entry and its reversal cancel out and are left out together. So the aging
 * always adds up to the account's balance, to the riel.
 */
export interface Debt {
  entryId: number;
  saleId: number | null;
  number: string;
  date: string;
  dueDate: string;
  total: number;
  paid: number;
}

export interface CreditLine {
  entryId: number;
  date: string;
  /** Signed as on the ledger: a debt is positive, a payment negative. */
  amount: number;
  /** The credit sale the line is, if it is one. */
  sale: { saleId: number; number: string; dueDate: string } | null;
}

const byDue = (a: Debt, b: Debt) =>
  a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.entryId - b.entryId;

/**
 * Applies a member's lines in date order; returns the debts with what was paid on each, and any unapplied
 * credit. `picked` maps a repayment's entry to the sale the bookkeeper chose for it.
 */
export function allocateCredit(lines: readonly CreditLine[], picked: ReadonlyMap<number, number>) {
  // Kept in due order as they come (a new debt is nearly always due last); the front is paid first.
  const debts: Debt[] = [];
  let firstOpen = 0;
  let unapplied = 0;
  const payOldest = (amount: number) => {
    let left = amount;
    while (firstOpen < debts.length && (debts[firstOpen] as Debt).paid === (debts[firstOpen] as Debt).total)
      firstOpen++;
    for (let i = firstOpen; i < debts.length && left > 0; i++) {
      const debt = debts[i] as Debt;
      const take = Math.min(left, debt.total - debt.paid);
      debt.paid += take;
      left -= take;
    }
    return left;
  };
  for (const line of lines) {
    if (line.amount > 0) {
      const take = Math.min(unapplied, line.amount);
      unapplied -= take;
      const debt: Debt = {
        entryId: line.entryId,
        saleId: line.sale?.saleId ?? null,
        number: line.sale?.number ?? '',
        date: line.date,
        dueDate: line.sale?.dueDate ?? line.date,
        total: line.amount,
        paid: take,
      };
      let at = debts.length;
      while (at > 0 && byDue(debts[at - 1] as Debt, debt) > 0) at--;
      debts.splice(at, 0, debt);
      if (at < firstOpen) firstOpen = at;
      continue;
    }
    let left = -line.amount;
    const saleId = picked.get(line.entryId);
    const chosen = saleId === undefined ? undefined : debts.find((d) => d.saleId === saleId);
    if (chosen) {
      const take = Math.min(left, chosen.total - chosen.paid);
      chosen.paid += take;
      left -= take;
    }
    unapplied += payOldest(left);
  }
  // In the order they were sold, as the statement lists them.
  return {
    debts: debts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.entryId - b.entryId)),
    unapplied,
  };
}

/** The members a query is about, as one bound parameter whatever their number. */
const inList = (ids: readonly number[]) => sql<number>`(SELECT value FROM json_each(${JSON.stringify(ids)}))`;

/** The repayments a bookkeeper pointed at a sale: repayment entry → sale. */
async function pickedSales(db: Db, memberIds: readonly number[] | null): Promise<Map<number, number>> {
  let picked = db
    .selectFrom('input_repayments')
    .select(['entry_id', 'sale_id'])
    .where('sale_id', 'is not', null);
  if (memberIds !== null) picked = picked.where('member_id', 'in', inList(memberIds));
  return new Map((await picked.execute()).map((r) => [r.entry_id, r.sale_id ?? 0]));
}

/** Entries reversed by the end of `asOf`, and their reversals: each pair nets to nothing. */
async function cancelledEntries(db: Db, asOf: string): Promise<Set<number>> {
  // Read through the index of reversals (few), not the entries by date (all of them), then cut at the day.
  const rows = await db
    .selectFrom('journal_entries')
    .select(['id', 'reverses_id', 'date'])
    .where('reverses_id', '>', 0)
    .execute();
  return new Set(rows.filter((r) => r.date <= asOf).flatMap((r) => [r.id, r.reverses_id ?? 0]));
}

/** Each member's lines on the input credit account up to a date, in the order they were posted. */
async function creditLines(
  db: Db,
  asOf: string,
  memberIds: readonly number[] | null,
): Promise<Map<number, CreditLine[]>> {
  const account = await accountByRole(db, 'input_credit_khr');
  const cancelled = await cancelledEntries(db, asOf);
  // For a few members, their own lines through the member index ('+' keeps SQLite from the account's index,
  // which would read every member's credit); for the aging, the whole account in date order.
  let query = db
    .selectFrom('journal_lines as l')
    .leftJoin('input_sales as s', 's.entry_id', 'l.entry_id')
    .select(['l.member_id', 'l.entry_id', 'l.date', 'l.amount', 's.id', 's.number', 's.due_date'])
    .where(memberIds === null ? sql.ref('l.account_id') : sql`+l.account_id`, '=', account.id)
    .where('l.date', '<=', asOf);
  if (memberIds !== null) query = query.where('l.member_id', 'in', inList(memberIds));
  // Read as arrays: the aging reads every member's credit, and an object per line costs more than SQLite.
  const rows = await rowsAsArrays(db as Kysely<Database>, query.orderBy('l.date').orderBy('l.entry_id'));
  const byMember = new Map<number, CreditLine[]>();
  for (const [memberId, entryId, date, amount, saleId, number, dueDate] of rows as [
    number | null,
    number,
    string,
    number,
    number | null,
    string | null,
    string | null,
  ][]) {
    if (memberId === null || cancelled.has(entryId)) continue;
    let list = byMember.get(memberId);
    if (!list) {
      list = [];
      byMember.set(memberId, list);
    }
    const sale = saleId !== null && dueDate !== null ? { saleId, number: number ?? '', dueDate } : null;
    list.push({ entryId, date, amount, sale });
  }
  return byMember;
}

const emptyAmounts = (): AgingAmounts => ({ current: 0, days1to30: 0, days31to90: 0, over90: 0, total: 0 });

function addAging(into: AgingAmounts, debts: readonly Debt[], unapplied: number, asOf: string) {
  for (const debt of debts) {
    const owed = debt.total - debt.paid;
    if (owed === 0) continue;
    into[agingBucket(debt.dueDate, asOf)] += owed;
    into.total += owed;
  }
  into.current -= unapplied;
  into.total -= unapplied;
}

/** Input credit per member at the end of a day, in the four aging buckets, with totals. */
export async function creditAging(db: Db, asOf: string): Promise<CreditAging> {
  if (!isRealIsoDate(asOf)) throw new DomainError('date_invalid', 'asOf');
  const [lines, picked] = await Promise.all([creditLines(db, asOf, null), pickedSales(db, null)]);
  const members = new Map(
    (
      await db
        .selectFrom('members')
        .select(['id', 'number', 'name_km', 'village'])
        .where('id', 'in', inList([...lines.keys()]))
        .execute()
    ).map((m) => [m.id, m]),
  );
  const rows: AgingRow[] = [];
  const totals = emptyAmounts();
  for (const [memberId, memberLines] of lines) {
    const { debts, unapplied } = allocateCredit(memberLines, picked);
    const amounts = emptyAmounts();
    addAging(amounts, debts, unapplied, asOf);
    if (amounts.total === 0) continue;
    for (const bucket of [...AGING_BUCKETS, 'total'] as const) totals[bucket] += amounts[bucket];
    const member = members.get(memberId);
    rows.push({
      memberId,
      memberNumber: member?.number ?? 0,
      nameKm: member?.name_km ?? '',
      village: member?.village ?? '',
      ...amounts,
    });
  }
  rows.sort((a, b) => a.memberNumber - b.memberNumber);
  const account = await accountByRole(db, 'input_credit_khr');
  const ledgerBalance = (await balanceAt(db, [account.id], asOf)).get(account.id) ?? 0;
  return { asOf, rows, totals, ledgerBalance };
}

/** The lines of the given sales, in the order they were sold, each with its cost at average cost. */
export async function saleLines(
  db: Db,
  saleIds: readonly number[],
): Promise<Map<number, { line: InputSaleLine; cost: number }[]>> {
  const byId = new Map<number, { line: InputSaleLine; cost: number }[]>();
  if (saleIds.length === 0) return byId;
  const rows = await db
    .selectFrom('input_movements as m')
    .innerJoin('input_items as i', 'i.id', 'm.item_id')
    .select([
      'm.sale_id',
      'm.item_id',
      'i.name_km',
      'i.name_latin',
      'i.unit',
      'm.quantity',
      'm.value',
      'm.unit_price',
      'm.amount',
    ])
    .where('m.kind', '=', 'sale')
    .where('m.sale_id', 'in', inList(saleIds))
    .orderBy('m.id')
    .execute();
  for (const row of rows) {
    const list = byId.get(row.sale_id ?? 0) ?? [];
    list.push({
      line: {
        itemId: row.item_id,
        itemNameKm: row.name_km,
        itemNameLatin: row.name_latin ?? '',
        unit: row.unit as InputUnit,
        quantity: -row.quantity,
        unitPrice: row.unit_price ?? 0,
        amount: row.amount ?? 0,
      },
      cost: -row.value,
    });
    byId.set(row.sale_id ?? 0, list);
  }
  return byId;
}

/** What each of the given members owes for inputs at the end of a day, sale by sale, oldest first. */
export async function memberInputCredits(
  db: Db,
  memberIds: readonly number[],
  asOf: string,
): Promise<Map<number, MemberInputCredit>> {
  const [lines, picked] = await Promise.all([creditLines(db, asOf, memberIds), pickedSales(db, memberIds)]);
  const allocated = new Map(memberIds.map((id) => [id, allocateCredit(lines.get(id) ?? [], picked)]));
  const items = await saleLines(
    db,
    [...allocated.values()].flatMap(({ debts }) =>
      debts.flatMap((d) => (d.saleId === null ? [] : [d.saleId])),
    ),
  );
  const credits = new Map<number, MemberInputCredit>();
  for (const [memberId, { debts, unapplied }] of allocated) {
    const amounts = emptyAmounts();
    addAging(amounts, debts, unapplied, asOf);
    const sales: CreditSale[] = debts.map((d) => ({
      saleId: d.saleId ?? 0,
      number: d.number,
      date: d.date,
      dueDate: d.dueDate,
      total: d.total,
      paid: d.paid,
      outstanding: d.total - d.paid,
      lines: d.saleId === null ? [] : (items.get(d.saleId) ?? []).map((l) => l.line),
    }));
    credits.set(memberId, {
      memberId,
      outstanding: amounts.total,
      overdue: amounts.total - amounts.current,
      sales,
    });
  }
  return credits;
}

/** What one member owes for inputs at the end of a day, sale by sale, oldest first. */
export async function memberInputCredit(db: Db, memberId: number, asOf: string): Promise<MemberInputCredit> {
  const credit = (await memberInputCredits(db, [memberId], asOf)).get(memberId);
  if (!credit) throw new Error('memberInputCredits left out the member asked for');
  return credit;
}

/**
 * Each member's input credit between two days, as the member statement prints it: the balance before
 * `from` in one sum, every movement of the period with its running balance, and the sales still owed on.
 */
export async function inputCreditStatements(
  db: Db,
  memberIds: readonly number[],
  from: string | undefined,
  to: string,
): Promise<Map<number, InputCreditStatement>> {
  const account = await accountByRole(db, 'input_credit_khr');
  const start = from ?? '0000-01-01';
  const before = new Map(
    (
      await db
        .selectFrom('journal_lines')
        .select('member_id')
        .select((eb) => eb.fn.sum<number>('amount').as('balance'))
        .where('account_id', '=', account.id)
        .where('member_id', 'in', inList(memberIds))
        .where('date', '<', start)
        .groupBy('member_id')
        .execute()
    ).map((r) => [r.member_id ?? 0, r.balance]),
  );
  const lines = await db
    .selectFrom('journal_lines as l')
    .innerJoin('journal_entries as e', 'e.id', 'l.entry_id')
    .select(['l.member_id', 'l.date', 'l.entry_id', 'l.amount', 'e.number', 'e.kind', 'e.memo'])
    .where('l.account_id', '=', account.id)
    .where('l.member_id', 'in', inList(memberIds))
    .where('l.date', '>=', start)
    .where('l.date', '<=', to)
    .orderBy('l.member_id')
    .orderBy('l.date')
    .orderBy('l.entry_id')
    .execute();
  const credits = await memberInputCredits(db, memberIds, to);
  const statements = new Map<number, InputCreditStatement>();
  for (const memberId of memberIds) {
    const opening = before.get(memberId) ?? 0;
    const credit = credits.get(memberId);
    statements.set(memberId, {
      memberId,
      opening,
      movements: [],
      closing: opening,
      open: (credit?.sales ?? []).filter((s) => s.outstanding !== 0),
      overdue: credit?.overdue ?? 0,
    });
  }
  for (const line of lines) {
    const statement = statements.get(line.member_id ?? 0);
    if (!statement) continue;
    statement.closing += line.amount;
    statement.movements.push({
      date: line.date,
      entryId: line.entry_id,
      number: line.number,
      kind: line.kind,
      memo: line.memo,
      amount: line.amount,
      balance: statement.closing,
    });
  }
  return statements;
}
