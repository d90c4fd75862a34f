import {
  BRIDGE_NAME,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type SahakumBridge,
} from '../shared/contract';
import type { Result } from '../shared/errors';

declare global {
  interface Window {
    [BRIDGE_NAME]: SahakumBridge;
  }
}

/** The typed client: the renderer's only way to reach the main process. */
export async function call<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<Result<ChannelOutput<C>>> {
  try {
    return (await window[BRIDGE_NAME].invoke(channel, input)) as Result<ChannelOutput<C>>;
  } catch {
    return { ok: false, error: { code: 'unexpected' } };
  }
}
