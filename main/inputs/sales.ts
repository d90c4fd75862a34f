import type { Kysely, Transaction } from 'kysely';
import { DomainError } from '../../shared/errors';
import { chargeOf } from '../../shared/input-charge';
import {
  type CreditCharge,
  type DistributionInput,
  type InputSaleInput,
  lineAmount,
  type MemberInputCredit,
  type PostedInputEvent,
  type RepaymentDayInput,
  type RepaymentInput,
} from '../../shared/inputs';
import type { AccountRecord, Database } from '../db/schema';
import { accountByRole } from '../ledger/accounts';
import { type Actor, type EntryDraft, type LineDraft, postEntries } from '../ledger/posting';
import { moneyAccount } from '../ledger/vouchers';
import { memberInputCredit, memberInputCredits } from './credit';
import { documentNumber, documentNumbers } from './purchases';
import {
  checkMovementDate,
  insertMovements,
  type MovementRow,
  positionOf,
  type StockPosition,
  stockLines,
  stockPositions,
  takeOut,
} from './stock';

type Db = Kysely<Database> | Transaction<Database>;

export { chargeOf, creditMonths } from '../../shared/input-charge';

interface SaleAccounts {
  credit: AccountRecord;
  cost: AccountRecord;
  fees: AccountRecord;
  interest: AccountRecord;
}

async function saleAccounts(trx: Db): Promise<SaleAccounts> {
  const [credit, cost, fees, interest] = await Promise.all([
    accountByRole(trx, 'input_credit_khr'),
    accountByRole(trx, 'cost_of_inputs'),
    accountByRole(trx, 'service_fees'),
    accountByRole(trx, 'interest_received_khr'),
  ]);
  return { credit, cost, fees, interest };
}

interface SaleRequest {
  memberId: number;
  date: string;
  payment: 'cash' | 'credit';
  cash: AccountRecord | null;
  dueDate: string | null;
  charge: CreditCharge;
  lines: InputSaleInput['lines'];
}

interface PreparedSale {
  request: SaleRequest;
  draft: EntryDraft;
  goods: number;
  chargeAmount: number;
  cost: number;
  moves: { position: StockPosition; quantity: number; unitPrice: number; amount: number; cost: number }[];
}

/**
 * One sale's entry: the member's receivable (or cash) for goods and charge; each item's income; the cost
 * of what left the shelf at average cost, out of its stock account. Stock is taken from `positions`, so
 * that many sales in one batch see each other.
 */
function prepareSale(
  request: SaleRequest,
  positions: Map<number, StockPosition>,
  accounts: SaleAccounts,
  number: string,
  params: Record<string, number>,
): PreparedSale {
  const moves = request.lines.map((line, index) => {
    const at = { ...params, line: index };
    const position = positionOf(positions, line.itemId, 'lines', at);
    if (!position.active) throw new DomainError('item_inactive', 'lines', { ...at, item: position.nameKm });
    checkMovementDate(position, request.date, 'date', params);
    const amount = lineAmount(line.quantity, line.unitPrice);
    if (amount === 0) throw new DomainError('amount_zero', 'lines', at);
    const cost = takeOut(position, line.quantity, 'lines', at);
    return { position, quantity: line.quantity, unitPrice: line.unitPrice, amount, cost };
  });
  const goods = moves.reduce((sum, m) => sum + m.amount, 0);
  const cost = moves.reduce((sum, m) => sum + m.cost, 0);
  const chargeAmount = chargeOf(request.charge, goods, request.date, request.dueDate);
  const income = new Map<number, number>();
  for (const m of moves)
    income.set(m.position.incomeAccountId, (income.get(m.position.incomeAccountId) ?? 0) + m.amount);
  const lines: LineDraft[] =
    request.payment === 'credit'
      ? [
          {
            accountId: accounts.credit.id,
            memberId: request.memberId,
            currency: 'KHR',
            amount: goods + chargeAmount,
          },
        ]
      : [{ accountId: request.cash?.id ?? 0, currency: 'KHR', amount: goods }];
  for (const [accountId, amount] of income) lines.push({ accountId, currency: 'KHR', amount: -amount });
  if (chargeAmount > 0) {
    const head = request.charge.kind === 'rate' ? accounts.interest : accounts.fees;
    lines.push({ accountId: head.id, currency: 'KHR', amount: -chargeAmount });
  }
  if (cost > 0) {
    lines.push({ accountId: accounts.cost.id, currency: 'KHR', amount: cost });
    lines.push(...stockLines(moves.map((m) => ({ position: m.position, value: -m.cost }))));
  }
  return {
    request,
    goods,
    chargeAmount,
    cost,
    moves,
    draft: {
      date: request.date,
      kind: 'input_sale',
      number,
      memo: moves.map((m) => m.position.nameKm).join(', '),
      details: request.dueDate ? { dueDate: request.dueDate } : null,
      lines,
    },
  };
}

async function checkBuyer(trx: Db, memberId: number, date: string, params: Record<string, number>) {
  const member = await trx
    .selectFrom('members')
    .select(['status', 'join_date'])
    .where('id', '=', memberId)
    .executeTakeFirst();
  if (!member) throw new DomainError('member_unknown', 'memberId', params);
  if (member.status !== 'active') throw new DomainError('member_not_active', 'memberId', params);
  if (date < member.join_date)
    throw new DomainError('date_before_join', 'date', { ...params, date: member.join_date });
}

/** Posts prepared sales (their entries in one go) and writes their documents and stock movements. */
async function writeSales(trx: Transaction<Database>, sales: readonly PreparedSale[], actor: Actor) {
  const entryIds = await postEntries(
    trx,
    sales.map((s) => s.draft),
    actor,
  );
  const saleIds: number[] = [];
  for (let i = 0; i < sales.length; i += 500) {
    const rows = await trx
      .insertInto('input_sales')
      .values(
        sales.slice(i, i + 500).map((s, j) => ({
          number: s.draft.number ?? '',
          member_id: s.request.memberId,
          date: s.request.date,
          payment: s.request.payment,
          due_date: s.request.payment === 'credit' ? s.request.dueDate : null,
          charge_kind: s.request.charge.kind,
          charge_value:
            s.request.charge.kind === 'flat'
              ? s.request.charge.amount
              : s.request.charge.kind === 'rate'
                ? s.request.charge.monthlyBp
                : 0,
          goods: s.goods,
          charge: s.chargeAmount,
          cost: s.cost,
          entry_id: entryIds[i + j] ?? 0,
        })),
      )
      .returning('id')
      .execute();
    saleIds.push(...rows.map((r) => r.id));
  }
  const movements: MovementRow[] = sales.flatMap((s, index) =>
    s.moves.map((m) => ({
      item_id: m.position.itemId,
      date: s.request.date,
      kind: 'sale' as const,
      quantity: -m.quantity,
      value: -m.cost,
      unit_price: m.unitPrice,
      amount: m.amount,
      purchase_id: null,
      sale_id: saleIds[index] ?? null,
      note: null,
      entry_id: entryIds[index] ?? 0,
    })),
  );
  await insertMovements(trx, movements);
  return sales.map((s, index) => ({
    entryId: entryIds[index] ?? 0,
    number: s.draft.number ?? '',
    saleId: saleIds[index] ?? 0,
  }));
}

/** Inputs sold to one member, in cash or on credit until the due date. Selling more than is on hand is refused on its line. */
export function postInputSale(db: Kysely<Database>, input: InputSaleInput, actor: Actor) {
  return db
    .transaction()
    .execute(async (trx): Promise<PostedInputEvent & { saleId: number; total: number }> => {
      await checkBuyer(trx, input.memberId, input.date, {});
      const cash =
        input.payment === 'cash' ? await moneyAccount(trx, input.cashAccountId ?? 0, 'cashAccountId') : null;
      if (cash && cash.currency !== 'KHR') throw new DomainError('currency_mismatch', 'cashAccountId');
      const positions = await stockPositions(
        trx,
        input.lines.map((l) => l.itemId),
      );
      const number = await documentNumber(trx, 'input_sale', 'IS');
      const sale = prepareSale({ ...input, cash }, positions, await saleAccounts(trx), number, {});
      const [posted] = await writeSales(trx, [sale], actor);
      if (!posted) throw new Error('The sale was not written');
      return { ...posted, total: sale.goods + sale.chargeAmount };
    });
}

/**
 * A season's distribution: every member's inputs on credit on one day, each sale its own entry and
 * number, all in one transaction so that one refused line (named by sale and line) stops all.
 */
export function postDistribution(db: Kysely<Database>, input: DistributionInput, actor: Actor) {
  return db.transaction().execute(async (trx) => {
    const positions = await stockPositions(
      trx,
      input.sales.flatMap((s) => s.lines.map((l) => l.itemId)),
    );
    const accounts = await saleAccounts(trx);
    const cash = input.cashAccountId ? await moneyAccount(trx, input.cashAccountId, 'cashAccountId') : null;
    if (cash && cash.currency !== 'KHR') throw new DomainError('currency_mismatch', 'cashAccountId');
    const members = new Map(
      (await trx.selectFrom('members').select(['id', 'status', 'join_date']).execute()).map((m) => [m.id, m]),
    );
    const prepared: PreparedSale[] = [];
    const numbers = await documentNumbers(trx, 'input_sale', 'IS', input.sales.length);
    for (const [index, sale] of input.sales.entries()) {
      const params = { sale: index };
      const member = members.get(sale.memberId);
      if (!member) throw new DomainError('member_unknown', 'sales', params);
      if (member.status !== 'active') throw new DomainError('member_not_active', 'sales', params);
      if (input.date < member.join_date)
        throw new DomainError('date_before_join', 'sales', { ...params, date: member.join_date });
      const number = numbers[index] ?? '';
      prepared.push(
        prepareSale(
          {
            memberId: sale.memberId,
            date: input.date,
            payment: sale.payment ?? 'credit',
            cash: sale.payment === 'cash' ? cash : null,
            dueDate: sale.payment === 'cash' ? null : input.dueDate,
            charge: sale.payment === 'cash' ? { kind: 'none' } : input.charge,
            lines: sale.lines,
          },
          positions,
          accounts,
          number,
          params,
        ),
      );
    }
    const written = await writeSales(trx, prepared, actor);
    return {
      count: written.length,
      total: prepared.reduce((sum, s) => sum + s.goods + s.chargeAmount, 0),
      numbers: written.map((w) => w.number),
    };
  });
}

export interface RepaymentRequest {
  memberId: number;
  amount: number;
  saleId: number | null;
}

/** The checks and the entry of one repayment, against what the member owes now. */
function prepareRepayment(
  request: RepaymentRequest,
  credit: MemberInputCredit | undefined,
  accounts: { credit: AccountRecord; cash: AccountRecord },
  date: string,
  number: string,
  params: Record<string, number>,
): EntryDraft {
  const owed = credit?.outstanding ?? 0;
  if (owed <= 0) throw new DomainError('no_credit', 'memberId', params);
  if (request.amount > owed) throw new DomainError('repayment_too_large', 'amount', { ...params, owed });
  if (request.saleId !== null && !credit?.sales.some((s) => s.saleId === request.saleId && s.outstanding > 0))
    throw new DomainError('not_found', 'saleId', params);
  return {
    date,
    kind: 'input_repayment',
    number,
    memo: accounts.credit.name_km,
    lines: [
      { accountId: accounts.cash.id, currency: 'KHR', amount: request.amount },
      { accountId: accounts.credit.id, memberId: request.memberId, currency: 'KHR', amount: -request.amount },
    ],
  };
}

async function repaymentAccounts(trx: Db, cashAccountId: number) {
  const cash = await moneyAccount(trx, cashAccountId, 'cashAccountId');
  if (cash.currency !== 'KHR') throw new DomainError('currency_mismatch', 'cashAccountId');
  return { cash, credit: await accountByRole(trx, 'input_credit_khr') };
}

async function writeRepayments(
  trx: Transaction<Database>,
  date: string,
  requests: readonly RepaymentRequest[],
  drafts: readonly EntryDraft[],
  actor: Actor,
) {
  const entryIds = await postEntries(trx, drafts, actor);
  for (let i = 0; i < requests.length; i += 500) {
    await trx
      .insertInto('input_repayments')
      .values(
        requests.slice(i, i + 500).map((r, j) => ({
          number: drafts[i + j]?.number ?? '',
          member_id: r.memberId,
          date,
          amount: r.amount,
          sale_id: r.saleId,
          entry_id: entryIds[i + j] ?? 0,
        })),
      )
      .execute();
  }
  return entryIds;
}

/**
 * Money a member brings to pay input credit: the chosen sale first, then the oldest due; never more
 * than is owed. Each repayment its own receipt number and entry.
 */
export function postRepayment(db: Kysely<Database>, input: RepaymentInput, actor: Actor) {
  return db.transaction().execute(async (trx): Promise<PostedInputEvent & { outstanding: number }> => {
    const credit = await memberInputCredit(trx, input.memberId, '9999-12-31');
    const member = await trx
      .selectFrom('members')
      .select('join_date')
      .where('id', '=', input.memberId)
      .executeTakeFirst();
    if (member && input.date < member.join_date)
      throw new DomainError('date_before_join', 'date', { date: member.join_date });
    const accounts = await repaymentAccounts(trx, input.cashAccountId);
    const number = await documentNumber(trx, 'input_repayment', 'IR');
    const draft = prepareRepayment(input, credit, accounts, input.date, number, {});
    const [entryId = 0] = await writeRepayments(trx, input.date, [input], [draft], actor);
    return { entryId, number, outstanding: credit.outstanding - input.amount };
  });
}

/**
 * Many members' repayments on one day out of one account (cash, or a collective sale's payout being
 * made), each against what that member owes in `credits`, the oldest first: one receipt and entry each,
 * posted together. `credits` is brought down as it goes, so that a member named twice pays the second
 * time against what the first left.
 */
export async function postRepaymentsFrom(
  trx: Transaction<Database>,
  date: string,
  from: AccountRecord,
  requests: readonly RepaymentRequest[],
  credits: Map<number, MemberInputCredit>,
  actor: Actor,
) {
  const accounts = { cash: from, credit: await accountByRole(trx, 'input_credit_khr') };
  const numbers = await documentNumbers(trx, 'input_repayment', 'IR', requests.length);
  const drafts: EntryDraft[] = [];
  for (const [index, request] of requests.entries()) {
    const credit = credits.get(request.memberId);
    drafts.push(prepareRepayment(request, credit, accounts, date, numbers[index] ?? '', { line: index }));
    if (credit)
      credits.set(request.memberId, { ...credit, outstanding: credit.outstanding - request.amount });
  }
  const entryIds = await writeRepayments(trx, date, requests, drafts, actor);
  return { numbers, entryIds };
}

/** A morning of repayments after the harvest, like a collection day: each its own receipt and entry, all or none. */
export function postRepaymentDay(db: Kysely<Database>, input: RepaymentDayInput, actor: Actor) {
  return db.transaction().execute(async (trx) => {
    const credits = await memberInputCredits(
      trx,
      input.repayments.map((r) => r.memberId),
      '9999-12-31',
    );
    const { cash } = await repaymentAccounts(trx, input.cashAccountId);
    const requests = input.repayments.map((r) => ({ ...r, saleId: null }));
    const { numbers } = await postRepaymentsFrom(trx, input.date, cash, requests, credits, actor);
    return {
      count: requests.length,
      total: requests.reduce((sum, r) => sum + r.amount, 0),
      numbers,
    };
  });
}
