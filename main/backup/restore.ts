import { randomBytes } from 'node:crypto';
import { renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import { createBackup, type MadeBackup } from './create';
import {
  cooperativeOf,
  type LongWork,
  PARTIAL_SUFFIX,
  removeDatabaseFiles,
  sameCooperative,
  syncDirectory,
} from './files';
import type { BackupManifest } from './format';
import { extractBackup } from './verify';

export interface CurrentBooks {
  /** The books' file, replaced by the restore. */
  file: string;
  /** Its open connection, or null when there is no file yet. */
  sqlite: BetterSqlite3.Database | null;
  /** Closes every connection to `file`, so that nothing is left in its write-ahead log. */
  close(): Promise<void>;
}

export interface RestoreOptions extends LongWork {
  passphrase?: string;
  nativeBinding?: string;
  appVersion: string;
  at: Date;
  /** Where the safety copy of the books being replaced is kept. */
  safetyDir: string;
}

export interface Restored {
  manifest: BackupManifest;
  /** The verified backup of what was replaced, or null when there were no books to keep. */
  safetyCopy: MadeBackup | null;
}

/**
 * Replaces the books with a backup's. The backup is checked in full and written beside the books first;
 * another cooperative's backup is refused while this laptop has books of its own; what is replaced is
 * kept as a verified backup; then the file is swapped by one rename. Until that rename the old books are
 * untouched, and after it the new ones are whole: a crash at any moment leaves one or the other.
 */
export async function restoreBackup(
  backup: string,
  current: CurrentBooks,
  options: RestoreOptions,
): Promise<Restored> {
  const dir = dirname(current.file);
  const incoming = join(dir, `.restore-${randomBytes(6).toString('hex')}.db${PARTIAL_SUFFIX}`);
  try {
    const manifest = await extractBackup(backup, incoming, options);
    const ours = current.sqlite ? cooperativeOf(current.sqlite) : null;
    if (ours && !sameCooperative(ours, manifest.cooperative)) {
      throw new DomainError('backup_foreign', 'file', { cooperative: manifest.cooperative.nameKm });
    }
    const safetyCopy =
      ours && current.sqlite
        ? await createBackup(current.sqlite, {
            dir: options.safetyDir,
            prefix: 'before-restore',
            appVersion: options.appVersion,
            at: options.at,
            ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
          })
        : null;
    if (current.sqlite) {
      // Everything in the log goes into the file, so that dropping the log below loses nothing.
      const [result] = current.sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      if (result && result.busy !== 0) throw new DomainError('database_busy');
    }
    await current.close();
    // A log left beside the new file would be replayed into it as if it were its own.
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(current.file + suffix, { force: true });
    renameSync(incoming, current.file);
    syncDirectory(dir);
    return { manifest, safetyCopy };
  } finally {
    removeDatabaseFiles(incoming);
  }
}
