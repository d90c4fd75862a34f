import type { Kysely, Transaction } from 'kysely';
import { DomainError } from '../../shared/errors';
import type { Currency } from '../../shared/khmer';
import type { ExchangeInput, TransferInput, VoucherInput } from '../../shared/ledger';
import { convert } from '../../shared/money';
import type { AccountRecord, Database } from '../db/schema';
import { takeNextNumber } from '../db/sequences';
import { accountByRole, getAccount } from './accounts';
import { type Actor, postEntry } from './posting';
import { balanceAt } from './statements';

type Db = Kysely<Database> | Transaction<Database>;

export const VOUCHER_PREFIX = { receipt: 'RV', payment: 'PV', transfer: 'TR', exchange: 'EX' } as const;

/** Voucher numbers run per kind, in the order vouchers are written: RV-000001, PV-000001, ... */
async function voucherNumber(trx: Db, kind: keyof typeof VOUCHER_PREFIX): Promise<string> {
  const n = await takeNextNumber(trx, `voucher_${kind}`);
  return `${VOUCHER_PREFIX[kind]}-${String(n).padStart(6, '0')}`;
}

/** Money moves only through cash on hand or a bank account. */
export async function moneyAccount(trx: Db, id: number, field: string): Promise<AccountRecord> {
  const account = await getAccount(trx, id).catch(() => {
    throw new DomainError('account_unknown', field);
  });
  if (account.is_cash !== 1 && account.is_bank !== 1) throw new DomainError('validation', field);
  return account;
}

/**
 * Cash on hand cannot pay out more than it holds, neither on the voucher's date nor today (a back-dated
 * payment must not empty the box for the days after it). A bank account is the bank's to refuse.
 */
export async function checkCashCovers(
  trx: Db,
  account: AccountRecord,
  amount: number,
  date: string,
  actor: Actor,
  field = 'amount',
) {
  if (account.is_cash !== 1) return;
  const dates = [...new Set([date, actor.today])];
  for (const asOf of dates) {
    const held = (await balanceAt(trx, [account.id], asOf)).get(account.id) ?? 0;
    if (held < amount) throw new DomainError('insufficient_cash', field, { code: account.code });
  }
}

/** Money received for (receipt) or paid from (payment) one head of account: one voucher, one entry. */
export function postVoucher(db: Kysely<Database>, input: VoucherInput, actor: Actor) {
  return db.transaction().execute(async (trx) => {
    const cash = await moneyAccount(trx, input.cashAccountId, 'cashAccountId');
    const head = await getAccount(trx, input.headAccountId).catch(() => {
      throw new DomainError('account_unknown', 'headAccountId');
    });
    if (head.is_cash === 1 || head.is_bank === 1) throw new DomainError('validation', 'headAccountId');
    if (cash.currency !== input.currency) throw new DomainError('currency_mismatch', 'cashAccountId');
    if (head.currency !== input.currency) throw new DomainError('currency_mismatch', 'headAccountId');
    if (input.direction === 'payment') await checkCashCovers(trx, cash, input.amount, input.date, actor);
    const number = await voucherNumber(trx, input.direction);
    const sign = input.direction === 'receipt' ? 1 : -1;
    const id = await postEntry(
      trx,
      {
        date: input.date,
        kind: input.direction,
        number,
        memo: input.memo || head.name_km,
        details: { party: input.party },
        lines: [
          { accountId: cash.id, currency: input.currency, amount: sign * input.amount },
          {
            accountId: head.id,
            memberId: input.memberId,
            currency: input.currency,
            amount: -sign * input.amount,
          },
        ],
      },
      actor,
    );
    return { entryId: id, number };
  });
}

/** Cash to the bank, the bank to cash, or between two accounts of the same currency. */
export function postTransfer(db: Kysely<Database>, input: TransferInput, actor: Actor) {
  return db.transaction().execute(async (trx) => {
    if (input.fromAccountId === input.toAccountId) throw new DomainError('same_account', 'toAccountId');
    const from = await moneyAccount(trx, input.fromAccountId, 'fromAccountId');
    const to = await moneyAccount(trx, input.toAccountId, 'toAccountId');
    if (from.currency !== input.currency) throw new DomainError('currency_mismatch', 'fromAccountId');
    if (to.currency !== input.currency) throw new DomainError('currency_mismatch', 'toAccountId');
    await checkCashCovers(trx, from, input.amount, input.date, actor);
    const number = await voucherNumber(trx, 'transfer');
    const id = await postEntry(
      trx,
      {
        date: input.date,
        kind: 'transfer',
        number,
        memo: input.memo || `${from.code} → ${to.code}`,
        lines: [
          { accountId: to.id, currency: input.currency, amount: input.amount },
          { accountId: from.id, currency: input.currency, amount: -input.amount },
        ],
      },
      actor,
    );
    return { entryId: id, number };
  });
}

/**
 * Currency exchange between KHR and USD accounts at the rate entered with it. Each currency balances on
 * its own through the conversion accounts; when what arrived differs from given × rate (small notes,
 * rounding), the difference goes to the exchange-difference account of the arriving currency.
 */
export function postExchange(db: Kysely<Database>, input: ExchangeInput, actor: Actor) {
  return db.transaction().execute(async (trx) => {
    const from = await moneyAccount(trx, input.fromAccountId, 'fromAccountId');
    const to = await moneyAccount(trx, input.toAccountId, 'toAccountId');
    if (from.currency === null || to.currency === null || from.currency === to.currency) {
      throw new DomainError('currency_mismatch', 'toAccountId');
    }
    const expected = convert(input.amountGiven, from.currency, input.rate);
    if (expected === null) throw new DomainError('rate_invalid', 'rate');
    if (expected === 0) throw new DomainError('amount_invalid', 'amountGiven');
    const lower = (c: Currency) => c.toLowerCase();
    const conversionFrom = await accountByRole(trx, `conversion_${lower(from.currency)}`);
    const conversionTo = await accountByRole(trx, `conversion_${lower(to.currency)}`);
    const difference = expected - input.amountReceived;
    const lines = [
      { accountId: from.id, currency: from.currency, amount: -input.amountGiven },
      { accountId: conversionFrom.id, currency: from.currency, amount: input.amountGiven },
      { accountId: conversionTo.id, currency: to.currency, amount: -expected },
      { accountId: to.id, currency: to.currency, amount: input.amountReceived },
    ];
    if (difference !== 0) {
      const account = await accountByRole(trx, `exchange_difference_${lower(to.currency)}`);
      lines.push({ accountId: account.id, currency: to.currency, amount: difference });
    }
    await checkCashCovers(trx, from, input.amountGiven, input.date, actor, 'amountGiven');
    const number = await voucherNumber(trx, 'exchange');
    const id = await postEntry(
      trx,
      {
        date: input.date,
        kind: 'exchange',
        number,
        memo: input.memo || `${from.currency} → ${to.currency} @ ${input.rate}`,
        details: { rate: input.rate, expected },
        lines,
      },
      actor,
    );
    return { entryId: id, number };
  });
}
