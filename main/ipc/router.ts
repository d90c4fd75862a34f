import type { z } from 'zod';
import { type Channel, type ChannelOutput, type Contract, contract } from '../../shared/contract';
import { type AppError, DomainError, type Result } from '../../shared/errors';
import { issueError } from '../../shared/validation';

export type Handlers = {
  [C in Channel]: (input: z.output<Contract[C]['input']>) => Promise<ChannelOutput<C>>;
};

export interface Router {
  dispatch(channel: string, payload: unknown): Promise<Result<unknown>>;
}

const isChannel = (name: string): name is Channel => Object.hasOwn(contract, name);

/**
 * The one door into the main process: checks the channel and its payload against the shared contract
 * before any handler runs, and answers with a value or a typed error, never a raw exception.
 */
export function createRouter(
  handlers: Handlers,
  logError: (error: unknown) => void,
  // Who may use the channel now (roles.ts): asked before the payload is even looked at.
  authorize: (channel: Channel) => AppError | null,
): Router {
  return {
    async dispatch(channel, payload) {
      if (!isChannel(channel)) return { ok: false, error: { code: 'validation', field: 'channel' } };
      const refused = authorize(channel);
      if (refused) return { ok: false, error: refused };
      const parsed = contract[channel].input.safeParse(payload);
      if (!parsed.success) return { ok: false, error: issueError(parsed.error.issues) };
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
