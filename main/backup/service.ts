import type { BackupProgressView } from '../../shared/backup';
import { DomainError } from '../../shared/errors';
import type { Handlers } from '../ipc/router';
import type { AppSession } from '../session';
import { createBackup } from './create';
import { healthCheck } from './health';
import { automaticBackup, listAutomaticBackups } from './rotation';
import { APP_VERSION } from './version';

/** The system's dialogs the Backup screen needs: the shell's, or a test's stand-in. */
export interface BackupDialogs {
  /** A folder to back up into (a USB stick), or null when the user cancels. */
  chooseFolder(): Promise<string | null>;
  /** A backup file to restore or review, or null when the user cancels. */
  chooseBackupFile(): Promise<string | null>;
}

type BackupChannels =
  | 'backup.create'
  | 'backup.progress'
  | 'backup.cancel'
  | 'backup.list'
  | 'backup.chooseFile'
  | 'backup.restore'
  | 'review.open'
  | 'review.close'
  | 'health.check';

/**
 * Backups on demand (one at a time, with its progress to poll and a cancel), the automatic ones, restore,
 * review copies and the health check, over the session's open database.
 */
export class BackupService {
  #running: { controller: AbortController; progress: BackupProgressView | null } | null = null;

  constructor(
    private readonly session: AppSession,
    private readonly dialogs: BackupDialogs | null,
    private readonly nativeBinding?: string,
  ) {}

  /** The automatic backup of the laptop's own books (never of the demo or a review copy). */
  async automatic(reason: 'exit' | 'daily'): Promise<string | null> {
    if ((await this.session.status()).mode !== 'ready') return null;
    const made = await automaticBackup(this.session.database.sqlite, {
      dir: this.session.backupsDir,
      at: this.session.clock(),
      appVersion: APP_VERSION,
      reason,
      ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}),
    });
    return made?.file ?? null;
  }

  handlers(): Pick<Handlers, BackupChannels> {
    return {
      'backup.create': async ({ passphrase }) => {
        if (this.#running) throw new DomainError('database_busy');
        const dir = this.dialogs ? await this.dialogs.chooseFolder() : null;
        if (dir === null) return { file: null };
        const running = { controller: new AbortController(), progress: null as BackupProgressView | null };
        this.#running = running;
        try {
          const made = await createBackup(this.session.database.sqlite, {
            dir,
            appVersion: APP_VERSION,
            at: this.session.clock(),
            signal: running.controller.signal,
            onProgress: (progress) => {
              running.progress = progress;
            },
            ...(passphrase ? { passphrase } : {}),
            ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}),
          });
          return { file: made.file };
        } finally {
          this.#running = null;
        }
      },
      'backup.progress': async () => this.#running?.progress ?? null,
      'backup.cancel': async () => {
        this.#running?.controller.abort();
        return null;
      },
      'backup.list': async () =>
        listAutomaticBackups(this.session.backupsDir).map((b) => ({
          file: b.file,
          name: b.name,
          madeAt: b.madeAt.toISOString(),
          bytes: b.bytes,
        })),
      'backup.chooseFile': async () => ({
        file: this.dialogs ? await this.dialogs.chooseBackupFile() : null,
      }),
      'backup.restore': ({ file, passphrase }) => this.session.restore(file, passphrase),
      'review.open': ({ file, passphrase }) => this.session.openReview(file, passphrase),
      'review.close': () => this.session.closeReview(),
      'health.check': async () => healthCheck(this.session.database.sqlite),
    };
  }
}
