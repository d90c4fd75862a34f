import { DomainError } from '../../shared/errors';

const FREE_TRIES = 5;
const PAUSE_MS = 30_000;

/**
 * Slows a guesser at the sign-in and lock screens: after five wrong passwords for a name, that name
 * waits thirty seconds before the next try. Kept in memory: restarting the app takes longer than that.
 */
export class SignInGuard {
  readonly #failures = new Map<string, { count: number; until: number }>();

  constructor(private readonly now: () => number) {}

  check(username: string): void {
    const entry = this.#failures.get(username);
    if (!entry || entry.count < FREE_TRIES) return;
    const wait = entry.until - this.now();
    if (wait > 0) throw new DomainError('too_many_attempts', 'password', { seconds: Math.ceil(wait / 1000) });
  }

  failed(username: string): void {
    const entry = this.#failures.get(username) ?? { count: 0, until: 0 };
    entry.count += 1;
    if (entry.count >= FREE_TRIES) entry.until = this.now() + PAUSE_MS;
    this.#failures.set(username, entry);
  }

  succeeded(username: string): void {
    this.#failures.delete(username);
  }
}
