import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AppStatus } from '../shared/contract';
import { DomainError } from '../shared/errors';
import { type AuthState, DEMO_PASSWORD, LOCK_MINUTES, type SessionUser } from '../shared/users';
import { setAuditUser } from './audit/context';
import { sweepPartials } from './backup/files';
import { restoreBackup } from './backup/restore';
import { importReviewCopy, openReviewCopy, type ReviewCopy } from './backup/review';
import { APP_VERSION } from './backup/version';
import { type Clock, type Now, nowFrom } from './clock';
import { findCooperative, isDemoCooperative } from './cooperative/profile';
import { type OpenedDatabase, type OpenOptions, openDatabase } from './db/open';
import { createDemoCooperative } from './demo/cooperative';
import { DEMO_USERS } from './demo/users';
import type { Actor } from './ledger/posting';
import { SignInGuard } from './users/guard';
import { authenticate, createFirstAdmin, findUser, isOwnPassword, userCount } from './users/users';

export const DATA_FILE = 'sahakum.db';
export const DEMO_FILE = 'demo.db';
export const BACKUPS_DIR = 'backups';
export const REVIEWS_DIR = 'reviews';
const DEMO_MEMBERS = 150;
const DEMO_SEED = 2026;

/**
 * Which database the app is working on: the cooperative's own file, or a demo cooperative kept in a
 * separate file so that exploring never mixes invented members into real books.
 */
export class AppSession {
  #current: OpenedDatabase | null = null;
  #review: ReviewCopy | null = null;
  // Who is signed in to the books open now; anyone else at the keyboard meets the sign-in or lock screen.
  #user: SessionUser | null = null;
  #locked = false;
  #lastActivity = 0;
  #lockMinutes: number = LOCK_MINUTES.default;
  readonly #guard: SignInGuard;

  constructor(
    readonly dataDir: string,
    readonly clock: Clock,
    private readonly openOptions: Pick<OpenOptions, 'nativeBinding'> = {},
  ) {
    this.#guard = new SignInGuard(() => this.clock().getTime());
  }

  static async start(dataDir: string, clock: Clock, openOptions: Pick<OpenOptions, 'nativeBinding'> = {}) {
    mkdirSync(dataDir, { recursive: true });
    // A restore cut short by a crash leaves its half-written copy beside the books.
    sweepPartials(dataDir);
    const session = new AppSession(dataDir, clock, openOptions);
    session.#current = await openDatabase(join(dataDir, DATA_FILE), openOptions);
    return session;
  }

  get database(): OpenedDatabase {
    if (!this.#current) throw new Error('The session has no open database');
    return this.#current;
  }

  get db() {
    return this.database.db;
  }

  now(): Now {
    return nowFrom(this.clock);
  }

  /** Who is recording: the user signed in (the profile's bookkeeper only where nobody can be, as in tests). */
  async actor(): Promise<Actor> {
    if (this.#user) return { ...this.now(), user: this.#user.displayName };
    const cooperative = await findCooperative(this.db);
    return { ...this.now(), user: cooperative?.bookkeeper || 'bookkeeper' };
  }

  /**
   * The user a channel acts for, asked by the router before any handler runs. Locks the screen once the
   * profile's idle time has passed since the last call that was someone's doing (`touch`).
   */
  activeUser(touch = true): SessionUser | 'signed_out' | 'locked' {
    if (!this.#user) return 'signed_out';
    const now = this.clock().getTime();
    if (!this.#locked && now - this.#lastActivity > this.#lockMinutes * 60_000) this.#locked = true;
    if (this.#locked) return 'locked';
    if (touch) this.#lastActivity = now;
    return this.#user;
  }

  async authState(): Promise<AuthState> {
    if (this.#review) return 'signedIn';
    if (!(await findCooperative(this.db))) return 'none';
    if (!this.#user) return (await userCount(this.db)) === 0 ? 'createAdmin' : 'signIn';
    if (this.activeUser(false) === 'locked') return 'locked';
    return 'signedIn';
  }

  #signedIn(user: SessionUser): void {
    this.#user = user;
    // Every change sealed from now on is logged in their name.
    setAuditUser(user.username);
    this.#locked = false;
    this.#lastActivity = this.clock().getTime();
  }

  /** The administrator of books that have none yet, signed in at once. */
  async createFirstAdmin(input: {
    username: string;
    displayName: string;
    password: string;
  }): Promise<AppStatus> {
    if (this.#review) throw new DomainError('read_only');
    if (!(await findCooperative(this.db))) throw new DomainError('no_cooperative');
    this.#signedIn(await createFirstAdmin(this.db, input, this.now().timestamp));
    return this.status();
  }

  /** Signs in, or switches to another user without closing the app. */
  async signIn(username: string, password: string): Promise<AppStatus> {
    if (this.#review) throw new DomainError('read_only');
    this.#guard.check(username);
    try {
      const user = await authenticate(this.db, username, password);
      this.#guard.succeeded(username);
      this.#signedIn(user);
    } catch (error) {
      if (error instanceof DomainError && error.error.code === 'wrong_password') this.#guard.failed(username);
      throw error;
    }
    return this.status();
  }

  /** Back to work after a lock, with the same user's password. */
  async unlock(password: string): Promise<AppStatus> {
    const user = this.#user;
    if (!user) throw new DomainError('signed_out');
    this.#guard.check(user.username);
    if (!(await isOwnPassword(this.db, user.id, password))) {
      this.#guard.failed(user.username);
      throw new DomainError('wrong_password', 'password');
    }
    this.#guard.succeeded(user.username);
    // An administrator may have made this user inactive or changed their role while the screen was locked.
    const current = await findUser(this.db, user.id);
    if (!current) throw new DomainError('wrong_password', 'password');
    this.#signedIn(current);
    return this.status();
  }

  lock(): Promise<AppStatus> {
    if (this.#user) this.#locked = true;
    return this.status();
  }

  signOut(): Promise<AppStatus> {
    this.#user = null;
    setAuditUser(null);
    this.#locked = false;
    return this.status();
  }

  /** The user signed in, re-read after an administrator changed someone (perhaps themselves). */
  async refreshUser(): Promise<void> {
    if (!this.#user) return;
    const current = await findUser(this.db, this.#user.id);
    if (current) this.#user = current;
    else await this.signOut();
  }

  /** The user signed in, locked or not. */
  get user(): SessionUser | null {
    return this.#user;
  }

  /** The backup open as a read-only review copy, if one is. */
  get review(): ReviewCopy | null {
    return this.#review;
  }

  get backupsDir(): string {
    return join(this.dataDir, BACKUPS_DIR);
  }

  async status(): Promise<AppStatus> {
    const cooperative = await findCooperative(this.db);
    if (cooperative) this.#lockMinutes = cooperative.lockMinutes;
    const auth = await this.authState();
    const demo = cooperative !== null && !this.#review && (await isDemoCooperative(this.db));
    const count = await this.db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return {
      mode: this.#review ? 'review' : cooperative === null ? 'setup' : demo ? 'demo' : 'ready',
      auth,
      user: auth === 'signedIn' || auth === 'locked' ? this.#user : null,
      lockMinutes: this.#lockMinutes,
      cooperative,
      dataFile: this.database.file,
      memberCount: count.n,
      ...(this.#review
        ? {
            review: {
              createdAt: this.#review.manifest.createdAt,
              appVersion: this.#review.manifest.appVersion,
            },
          }
        : {}),
    };
  }

  /** Opens the demo cooperative, made afresh each time so that every visit starts from the same story. */
  async openDemo(): Promise<AppStatus> {
    const file = join(this.dataDir, DEMO_FILE);
    await this.#switchTo(null);
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    const demo = await openDatabase(file, this.openOptions);
    try {
      await createDemoCooperative(demo.db, { members: DEMO_MEMBERS, seed: DEMO_SEED, now: this.now() });
    } catch (error) {
      await demo.close();
      await this.#switchTo(join(this.dataDir, DATA_FILE));
      throw error;
    }
    this.#current = demo;
    // The demo opens as its administrator: it is there to be tried, and its banner gives the other
    // users' password for trying each role.
    const admin = DEMO_USERS.find((user) => user.role === 'admin');
    if (admin) await this.signIn(admin.username, DEMO_PASSWORD);
    return this.status();
  }

  async leaveDemo(): Promise<AppStatus> {
    if (!(await isDemoCooperative(this.db))) throw new DomainError('validation');
    await this.#switchTo(join(this.dataDir, DATA_FILE));
    return this.status();
  }

  /**
   * Opens a backup as a review copy, read-only, in place of whatever is open; the laptop's own books stay
   * as they are. Closing it (or a failure to open it) goes back to them.
   */
  async openReview(backup: string, passphrase?: string): Promise<AppStatus> {
    const copy = await importReviewCopy(backup, join(this.dataDir, REVIEWS_DIR), {
      ...this.openOptions,
      ...(passphrase ? { passphrase } : {}),
    });
    const opened = await openReviewCopy(copy, this.openOptions.nativeBinding);
    await this.#switchTo(null);
    this.#current = opened;
    this.#review = copy;
    return this.status();
  }

  async closeReview(): Promise<AppStatus> {
    await this.#switchTo(join(this.dataDir, DATA_FILE));
    return this.status();
  }

  /** Replaces the laptop's books with a backup's (restore.ts says how), then opens them again. */
  async restore(backup: string, passphrase?: string): Promise<AppStatus> {
    if (this.#review) throw new DomainError('read_only');
    const file = join(this.dataDir, DATA_FILE);
    // Signed in to the demo is not signed in to the laptop's books.
    const restoredBy = this.database.file === file ? this.#user : null;
    if (this.database.file !== file) await this.#switchTo(file);
    try {
      await restoreBackup(
        backup,
        { file, sqlite: this.database.sqlite, close: () => this.#switchTo(null) },
        {
          appVersion: APP_VERSION,
          at: this.clock(),
          safetyDir: this.backupsDir,
          ...this.openOptions,
          ...(passphrase ? { passphrase } : {}),
        },
      );
    } finally {
      if (!this.#current) await this.#switchTo(file);
    }
    // The administrator who restored stays signed in if the restored books know them by the same name;
    // otherwise the restored books' own users sign in.
    if (restoredBy) {
      const same = await findUser(this.db, restoredBy.id);
      if (same && same.username === restoredBy.username) this.#signedIn(same);
    }
    return this.status();
  }

  async #switchTo(file: string | null): Promise<void> {
    await this.#current?.close();
    this.#current = null;
    this.#review = null;
    // Signed in to one book is not signed in to another: back from the demo or a review copy, the
    // laptop's own books ask for a password again.
    this.#user = null;
    this.#locked = false;
    setAuditUser(null);
    if (file) this.#current = await openDatabase(file, this.openOptions);
  }

  async close(): Promise<void> {
    await this.#switchTo(null);
  }
}
