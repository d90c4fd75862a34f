import type { Currency } from '../../../shared/khmer';
import { type Account, currencySchema, isDebitNormal } from '../../../shared/ledger';

/** A line of the opening-balances table as the user builds it. */
export interface DraftLine {
  /** Stable identity for React and for errors, whatever lines are added or removed around it. */
  key: number;
  accountId: number | null;
  memberId: number | null;
  /**
   * The member of a line read from a file ('0001 សុខ ស្រីមុំ'), which the picker cannot show until it
   * has been searched; empty when the picker itself shows the choice.
   */
  memberLabel: string;
  /** Minor units in the account's natural sign; NaN while the text typed is not an amount. */
  amount: number;
}

export type LineField = 'account' | 'member' | 'amount';
/** Per line key, an error code (or an encoded refusal) per field. */
export type LineErrors = Record<number, Partial<Record<LineField, string>>>;

export interface CurrencyTotals {
  currency: Currency;
  /** Balances of debit-normal accounts (assets). */
  debits: number;
  /** Balances of credit-normal accounts (liabilities and equity). */
  credits: number;
  /** debits − credits: what the opening-equity account must add for the entry to balance. */
  difference: number;
  /** The account that takes the difference, found by its role whatever the cooperative calls it. */
  equity: Account | undefined;
}

const EQUITY_ROLE: Record<Currency, string> = { KHR: 'opening_khr', USD: 'opening_usd' };

/** The running totals per currency (KHR, then USD) of every line with an account and an amount. */
export function currencyTotals(lines: readonly DraftLine[], accounts: readonly Account[]): CurrencyTotals[] {
  const byId = new Map(accounts.map((account) => [account.id, account]));
  return currencySchema.options.flatMap((currency) => {
    let debits = 0;
    let credits = 0;
    let used = false;
    for (const line of lines) {
      const account = line.accountId === null ? undefined : byId.get(line.accountId);
      if (account?.currency !== currency) continue;
      used = true;
      if (!Number.isFinite(line.amount)) continue;
      if (isDebitNormal(account.type)) debits += line.amount;
      else credits += line.amount;
    }
    if (!used) return [];
    const equity = accounts.find((account) => account.role === EQUITY_ROLE[currency]);
    return [{ currency, debits, credits, difference: debits - credits, equity }];
  });
}

/**
 * Sets the opening-equity line of one currency so that the currency balances: the existing line grows
 * by the difference, or a new line takes it; a line that comes to zero goes.
 */
export function fillEquity(lines: readonly DraftLine[], totals: CurrencyTotals, newKey: number): DraftLine[] {
  const { equity, difference } = totals;
  if (!equity || difference === 0) return [...lines];
  const existing = lines.find((line) => line.accountId === equity.id);
  if (!existing) {
    return [
      ...lines,
      { key: newKey, accountId: equity.id, memberId: null, memberLabel: '', amount: difference },
    ];
  }
  const amount = (Number.isFinite(existing.amount) ? existing.amount : 0) + difference;
  return amount === 0
    ? lines.filter((line) => line !== existing)
    : lines.map((line) => (line === existing ? { ...line, amount } : line));
}

/** What each line still lacks before it can be sent: an account, a member on a member account, an amount. */
export function checkLines(lines: readonly DraftLine[], accounts: readonly Account[]): LineErrors {
  const byId = new Map(accounts.map((account) => [account.id, account]));
  const errors: LineErrors = {};
  for (const line of lines) {
    const account = line.accountId === null ? undefined : byId.get(line.accountId);
    const found: Partial<Record<LineField, string>> = {};
    if (!account) found.account = 'required';
    else if (account.isControl && line.memberId === null) found.member = 'required';
    if (!Number.isInteger(line.amount)) found.amount = 'amount_invalid';
    if (Object.keys(found).length > 0) errors[line.key] = found;
  }
  return errors;
}
