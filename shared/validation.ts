import type { z } from 'zod';
import type { AppError, ErrorCode } from './errors';

// The shared schemas give their refusals as error codes, or as a code with the values its sentence needs
// (refusal()); anything else zod says (a wrong type, an unknown key) is reported as plain 'validation'.
const SCHEMA_CODES = new Set<string>([
  'required',
  'too_long',
  'date_invalid',
  'phone_invalid',
  'khmer_letters_only',
  'latin_letters_only',
  'national_id_invalid',
  'validation',
  'period_order',
  'quantity_invalid',
  'due_before_sale',
  'percentages_not_100',
  'username_invalid',
  'password_too_short',
  'passwords_differ',
] satisfies ErrorCode[]);

type Params = Record<string, string | number>;

/**
 * A schema's refusal that carries values for its sentence ("too long: at most 100 characters"), written as
 * the form's error messages are (renderer/components/form.tsx decodes the same JSON).
 */
export const refusal = (code: ErrorCode, params: Params): string => JSON.stringify({ code, params });

function decoded(message: string): { code: string; params?: Params } {
  if (!message.startsWith('{')) return { code: message };
  try {
    const value = JSON.parse(message) as { code?: unknown; params?: Params };
    return typeof value.code === 'string' ? { code: value.code, params: value.params ?? {} } : { code: '' };
  } catch {
    return { code: '' };
  }
}

export function issueCode(issue: z.core.$ZodIssue): ErrorCode {
  const { code } = decoded(issue.message);
  return SCHEMA_CODES.has(code) ? (code as ErrorCode) : 'validation';
}

/** The first refusal of a failed parse, as the error the IPC contract answers with. */
export function issueError(issues: readonly z.core.$ZodIssue[]): AppError {
  const issue = issues[0];
  if (!issue) return { code: 'validation' };
  const field = issue.path.map(String).join('.');
  const code = issueCode(issue);
  const { params } = decoded(issue.message);
  return { code, ...(field ? { field } : {}), ...(params && code !== 'validation' ? { params } : {}) };
}
