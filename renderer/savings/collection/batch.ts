import type { AppError } from '../../../shared/errors';
import { type Currency, formatAmount } from '../../../shared/khmer';
import type { Depositor } from '../../../shared/savings';
import type { I18n } from '../../i18n';
import { readableError } from '../../ledger/statements/refusal';

/** One deposit of the morning's batch, as typed and, once posted, with its receipt. */
export interface BatchLine {
  /** Stable identity for React and for errors, whatever lines are removed around it. */
  key: number;
  depositor: Depositor;
  /** Minor units; NaN while the text typed is not an amount. */
  amount: number;
  /** An error code, or an encoded refusal from the main process. */
  error?: string;
  receipt?: { receiptNumber: string; balance: number; opened: boolean };
}

/** The running total of the amounts typed so far (a line still being corrected counts as nothing). */
export const batchTotal = (lines: readonly BatchLine[]) =>
  lines.reduce((sum, line) => sum + (Number.isFinite(line.amount) ? line.amount : 0), 0);

/** The line an earlier deposit of the same member in this batch sits on (1-based), or null. */
export function earlierLine(lines: readonly BatchLine[], memberId: number): number | null {
  const index = lines.findIndex((line) => line.depositor.memberId === memberId);
  return index === -1 ? null : index + 1;
}

/**
 * A refusal with its amounts written as money: the minimum opening deposit comes back in minor units of
 * the product's currency, and the sentence should read '១០.០០០៛', not '១០០០០'.
 */
export function readableRefusal(i18n: I18n, error: AppError, currency: Currency): AppError {
  const readable = readableError(i18n, error);
  const { minimum } = readable.params ?? {};
  if (typeof minimum !== 'number') return readable;
  return {
    ...readable,
    params: { ...readable.params, minimum: formatAmount(minimum, currency, { digits: i18n.digits }) },
  };
}

/** Which line a refusal of the whole batch names: the main process says `deposits` and the line's index. */
export function refusedIndex(error: AppError): number | null {
  const path = /^deposits\.(\d+)/.exec(error.field ?? '');
  if (path) return Number(path[1]);
  const line = error.params?.line;
  return error.field === 'deposits' && typeof line === 'number' ? line : null;
}
