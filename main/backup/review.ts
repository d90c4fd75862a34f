import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type OpenedDatabase, openDatabase } from '../db/open';
import { PARTIAL_SUFFIX, removeDatabaseFiles, syncDirectory } from './files';
import type { BackupManifest } from './format';
import { extractBackup, type ReadOptions } from './verify';

export interface ReviewCopy {
  /** The review copy's own database file under reviews/, never the laptop's books. */
  file: string;
  manifest: BackupManifest;
}

/**
 * Makes a backup a review copy: checked in full, its database written under `reviewsDir` (once per
 * backup: the same backup opened again is the same copy), brought to this version's schema, and kept
 * with its manifest. Any number of them sit side by side; the laptop's own books are never touched.
 */
export async function importReviewCopy(
  backup: string,
  reviewsDir: string,
  options: ReadOptions = {},
): Promise<ReviewCopy> {
  mkdirSync(reviewsDir, { recursive: true });
  const incoming = join(reviewsDir, `.import-${process.pid}-${Date.now()}.db${PARTIAL_SUFFIX}`);
  try {
    const manifest = await extractBackup(backup, incoming, options);
    const file = join(
      reviewsDir,
      `${manifest.createdAt.replace(/[:.]/g, '')}-${manifest.sha256.slice(0, 12)}.db`,
    );
    if (!existsSync(file)) {
      // An older backup gets this version's tables, so that every screen reads it as it reads the books.
      const migrated = await openDatabase(incoming, { mustExist: true, ...nativeOf(options) });
      await migrated.close();
      removeDatabaseFiles(`${file}`);
      writeFileSync(manifestPath(file), JSON.stringify(manifest));
      renameSync(incoming, file);
      syncDirectory(reviewsDir);
    }
    return { file, manifest };
  } finally {
    removeDatabaseFiles(incoming);
  }
}

/** Opens a review copy so that SQLite itself refuses every write. */
export const openReviewCopy = (copy: ReviewCopy, nativeBinding?: string): Promise<OpenedDatabase> =>
  openDatabase(copy.file, { readOnly: true, ...(nativeBinding ? { nativeBinding } : {}) });

/** The review copies kept on this laptop, newest backup first. */
export function listReviewCopies(reviewsDir: string): ReviewCopy[] {
  if (!existsSync(reviewsDir)) return [];
  const copies: ReviewCopy[] = [];
  for (const name of readdirSync(reviewsDir)) {
    if (!name.endsWith('.db')) continue;
    const file = join(reviewsDir, name);
    try {
      copies.push({ file, manifest: JSON.parse(readFileSync(manifestPath(file), 'utf8')) as BackupManifest });
    } catch {
      // A copy without its manifest was never finished; it is not offered.
    }
  }
  return copies.sort((a, b) => b.manifest.createdAt.localeCompare(a.manifest.createdAt));
}

const manifestPath = (file: string) => file.replace(/\.db$/, '.manifest.json');
const nativeOf = (options: ReadOptions) =>
  options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
