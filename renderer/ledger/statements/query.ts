import type { z } from 'zod';
import type { AppError, Result } from '../../../shared/errors';
import type { Currency } from '../../../shared/khmer';
import {
  asOfSchema,
  type BalanceSheet,
  type CashBook,
  cashBookSchema,
  type GeneralLedger,
  generalLedgerSchema,
  type IncomeStatement,
  type MemberBalance,
  memberBalanceSchema,
  periodSchema,
  type TrialBalance,
} from '../../../shared/ledger';
import { issueCode } from '../../../shared/validation';
import { call } from '../../api';

export const STATEMENT_KINDS = [
  'trialBalance',
  'balanceSheet',
  'incomeStatement',
  'generalLedger',
  'cashBook',
  'memberBalance',
] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

/** Everything the statement choices hold; each statement reads only the inputs it needs. */
export interface StatementQuery {
  kind: StatementKind;
  asOf: string;
  from: string;
  to: string;
  currency: Currency;
  accountId: number | null;
  memberId: number | null;
}
export type QueryField = Exclude<keyof StatementQuery, 'kind'>;
/** An error code per input that the shared schema refused. */
export type QueryErrors = Partial<Record<QueryField, string>>;

/** The inputs each statement asks for, in the order the screen shows them. */
export const INPUTS: Record<StatementKind, readonly QueryField[]> = {
  trialBalance: ['asOf'],
  balanceSheet: ['asOf'],
  incomeStatement: ['from', 'to'],
  generalLedger: ['accountId', 'from', 'to'],
  cashBook: ['currency', 'from', 'to'],
  memberBalance: ['memberId', 'accountId', 'asOf'],
};

export type Statement =
  | { kind: 'trialBalance'; value: TrialBalance }
  | { kind: 'balanceSheet'; value: BalanceSheet }
  | { kind: 'incomeStatement'; value: IncomeStatement }
  | { kind: 'generalLedger'; value: GeneralLedger }
  | { kind: 'cashBook'; value: CashBook }
  | { kind: 'memberBalance'; value: MemberBalance };

export type Outcome = { statement: Statement } | { errors: QueryErrors } | { refusal: AppError };

function parseWith<S extends z.ZodType>(
  schema: S,
  query: StatementQuery,
): { data: z.output<S> } | { errors: QueryErrors } {
  const input = Object.fromEntries(INPUTS[query.kind].map((field) => [field, query[field]]));
  const parsed = schema.safeParse(input);
  if (parsed.success) return { data: parsed.data };
  const errors: QueryErrors = {};
  for (const issue of parsed.error.issues) {
    const field = INPUTS[query.kind].find((name) => name === issue.path[0]);
    // Nothing chosen in a select arrives as null, which the shared schemas only call invalid.
    if (field && !errors[field]) errors[field] = query[field] === null ? 'required' : issueCode(issue);
  }
  return { errors };
}

const outcome = <T>(result: Result<T>, statement: (value: T) => Statement): Outcome =>
  result.ok ? { statement: statement(result.value) } : { refusal: result.error };

/** Checks the inputs with the shared schema, then asks the main process for the statement. */
export async function loadStatement(query: StatementQuery): Promise<Outcome> {
  switch (query.kind) {
    case 'trialBalance': {
      const input = parseWith(asOfSchema, query);
      if ('errors' in input) return input;
      return outcome(await call('reports.trialBalance', input.data), (value) => ({
        kind: 'trialBalance',
        value,
      }));
    }
    case 'balanceSheet': {
      const input = parseWith(asOfSchema, query);
      if ('errors' in input) return input;
      return outcome(await call('reports.balanceSheet', input.data), (value) => ({
        kind: 'balanceSheet',
        value,
      }));
    }
    case 'incomeStatement': {
      const input = parseWith(periodSchema, query);
      if ('errors' in input) return input;
      return outcome(await call('reports.incomeStatement', input.data), (value) => ({
        kind: 'incomeStatement',
        value,
      }));
    }
    case 'generalLedger': {
      const input = parseWith(generalLedgerSchema, query);
      if ('errors' in input) return input;
      return outcome(await call('reports.generalLedger', input.data), (value) => ({
        kind: 'generalLedger',
        value,
      }));
    }
    case 'cashBook': {
      const input = parseWith(cashBookSchema, query);
      if ('errors' in input) return input;
      return outcome(await call('reports.cashBook', input.data), (value) => ({ kind: 'cashBook', value }));
    }
    case 'memberBalance': {
      const input = parseWith(memberBalanceSchema, query);
      if ('errors' in input) return input;
      return outcome(await call('reports.memberBalance', input.data), (value) => ({
        kind: 'memberBalance',
        value,
      }));
    }
  }
}
