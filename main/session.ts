import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AppStatus } from '../shared/contract';
import { DomainError } from '../shared/errors';
import { sweepPartials } from './backup/files';
import { restoreBackup } from './backup/restore';
import { importReviewCopy, openReviewCopy, type ReviewCopy } from './backup/review';
import { APP_VERSION } from './backup/version';
import { type Clock, type Now, nowFrom } from './clock';
import { findCooperative, isDemoCooperative } from './cooperative/profile';
import { type OpenedDatabase, type OpenOptions, openDatabase } from './db/open';
import { createDemoCooperative } from './demo/cooperative';
import type { Actor } from './ledger/posting';

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

  constructor(
    readonly dataDir: string,
    readonly clock: Clock,
    private readonly openOptions: Pick<OpenOptions, 'nativeBinding'> = {},
  ) {}

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

  /** Who is recording: the profile's bookkeeper until user accounts exist. */
  async actor(): Promise<Actor> {
    const cooperative = await findCooperative(this.db);
    return { ...this.now(), user: cooperative?.bookkeeper || 'bookkeeper' };
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
    const demo = cooperative !== null && !this.#review && (await isDemoCooperative(this.db));
    const count = await this.db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return {
      mode: this.#review ? 'review' : cooperative === null ? 'setup' : demo ? 'demo' : 'ready',
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
    return this.status();
  }

  async #switchTo(file: string | null): Promise<void> {
    await this.#current?.close();
    this.#current = null;
    this.#review = null;
    if (file) this.#current = await openDatabase(file, this.openOptions);
  }

  async close(): Promise<void> {
    await this.#switchTo(null);
  }
}
