import type { z } from 'zod';
import { type Channel, type ChannelOutput, type Contract, contract } from '../../shared/contract';
import { type AppError, DomainError, type ErrorCode, type Result } from '../../shared/errors';

export type Handlers = {
  [C in Channel]: (input: z.output<Contract[C]['input']>) => Promise<ChannelOutput<C>>;
};

export interface Router {
  dispatch(channel: string, payload: unknown): Promise<Result<unknown>>;
}

const KNOWN_CODES = new Set<string>([
  'required',
  'too_long',
  'date_invalid',
  'phone_invalid',
  'national_id_invalid',
] satisfies ErrorCode[]);

function validationError(issues: z.core.$ZodIssue[]): AppError {
  const issue = issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  const code = (issue && KNOWN_CODES.has(issue.message) ? issue.message : 'validation') as ErrorCode;
  return field ? { code, field } : { code };
}

const isChannel = (name: string): name is Channel => Object.hasOwn(contract, name);

/**
 * The one door into the main process: checks the channel and its payload against the shared contract
 * before any handler runs, and answers with a value or a typed error, never a raw exception.
 */
export function createRouter(handlers: Handlers, logError: (error: unknown) => void): Router {
  return {
    async dispatch(channel, payload) {
      if (!isChannel(channel)) return { ok: false, error: { code: 'validation', field: 'channel' } };
      const parsed = contract[channel].input.safeParse(payload);
      if (!parsed.success) return { ok: false, error: validationError(parsed.error.issues) };
      const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
      try {
        return { ok: true, value: await handler(parsed.data) };
      } catch (error) {
        if (error instanceof DomainError) return { ok: false, error: error.error };
        logError(error);
        return { ok: false, error: { code: 'unexpected' } };
      }
    },
  };
}
