import type { z } from 'zod';
import type { AppError, ErrorCode } from './errors';

// The shared schemas give their refusals as error codes; anything else zod says (a wrong type, an
// unknown key) is reported as plain 'validation'.
const SCHEMA_CODES = new Set<string>([
  'required',
  'too_long',
  'date_invalid',
  'phone_invalid',
  'national_id_invalid',
  'validation',
  'period_order',
  'quantity_invalid',
  'due_before_sale',
] satisfies ErrorCode[]);

export function issueCode(issue: z.core.$ZodIssue): ErrorCode {
  return SCHEMA_CODES.has(issue.message) ? (issue.message as ErrorCode) : 'validation';
}

/** The first refusal of a failed parse, as the error the IPC contract answers with. */
export function issueError(issues: readonly z.core.$ZodIssue[]): AppError {
  const issue = issues[0];
  if (!issue) return { code: 'validation' };
  const field = issue.path.map(String).join('.');
  return field ? { code: issueCode(issue), field } : { code: issueCode(issue) };
}
