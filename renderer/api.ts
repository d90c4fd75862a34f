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

// Told when the main process refuses a call because the screen locked itself or nobody is signed in,
// so that the app shows the lock or sign-in screen instead of a refusal banner on the screen behind it.
let onSignedOut: (() => void) | null = null;
export function whenSignedOut(listener: (() => void) | null): void {
  onSignedOut = listener;
}

/** The typed client: the renderer's only way to reach the main process. */
export async function call<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<Result<ChannelOutput<C>>> {
  let result: Result<ChannelOutput<C>>;
  try {
    result = (await window[BRIDGE_NAME].invoke(channel, input)) as Result<ChannelOutput<C>>;
  } catch {
    return { ok: false, error: { code: 'unexpected' } };
  }
  if (!result.ok && (result.error.code === 'locked' || result.error.code === 'signed_out')) onSignedOut?.();
  return result;
}
