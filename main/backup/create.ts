import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import { schemaVersion } from '../db/open';
import {
  cooperativeOf,
  eachChunk,
  type LongWork,
  openCopy,
  PARTIAL_SUFFIX,
  removeDatabaseFiles,
  rowCounts,
  syncDirectory,
  throwIfCancelled,
} from './files';
import {
  BACKUP_EXTENSION,
  type BackupManifest,
  FORMAT_VERSION,
  newEncryption,
  TAG_BYTES,
  writeHeader,
} from './format';
import { verifyBackup } from './verify';

export interface BackupOptions extends LongWork {
  /** The folder the backup goes to (a USB stick, or the data folder's backups/). */
  dir: string;
  /** The start of the file's name: 'sahakum' on demand, 'auto' for the automatic rotation. */
  prefix?: string;
  passphrase?: string;
  appVersion: string;
  /** When the backup is made, as the clock says (named into the file and the manifest). */
  at: Date;
  nativeBinding?: string;
}

export interface MadeBackup {
  file: string;
  manifest: BackupManifest;
}

/**
 * Backs up the open books to one verified file in `options.dir`. The database is copied page by page
 * with SQLite's online backup (other writes may go on), packed with its manifest under a temporary
 * name, read back and checked in full, and only then renamed to its real name: a cancel, a failure or a
 * crash leaves no file that looks like a backup.
 */
export async function createBackup(
  source: BetterSqlite3.Database,
  options: BackupOptions,
): Promise<MadeBackup> {
  mkdirSync(options.dir, { recursive: true });
  const stamp = fileStamp(options.at);
  const tag = randomBytes(6).toString('hex');
  const copy = join(options.dir, `.${stamp}-${tag}.db${PARTIAL_SUFFIX}`);
  const packed = join(options.dir, `.${stamp}-${tag}${BACKUP_EXTENSION}${PARTIAL_SUFFIX}`);
  try {
    throwIfCancelled(options.signal);
    await source.backup(copy, {
      progress: ({ totalPages, remainingPages }) => {
        throwIfCancelled(options.signal);
        options.onProgress?.({ stage: 'copy', done: totalPages - remainingPages, total: totalPages });
        return 2048;
      },
    });
    const manifest = await pack(copy, packed, options);
    await verifyBackup(packed, {
      ...(options.passphrase ? { passphrase: options.passphrase } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    throwIfCancelled(options.signal);
    const file = freeName(options.dir, `${options.prefix ?? 'sahakum'}-${stamp}`);
    renameSync(packed, file);
    syncDirectory(options.dir);
    return { file, manifest };
  } catch (error) {
    rmSync(packed, { force: true });
    // better-sqlite3 rethrows what the progress callback threw; a cancel is said as one.
    throw options.signal?.aborted ? new DomainError('backup_cancelled') : error;
  } finally {
    removeDatabaseFiles(copy);
  }
}

/** Writes the manifest and the (possibly encrypted) database copy to `packed`, fsynced. */
async function pack(copy: string, packed: string, options: BackupOptions): Promise<BackupManifest> {
  const sqlite = openCopy(copy, options.nativeBinding);
  let identity: Omit<BackupManifest, 'databaseBytes' | 'sha256'>;
  try {
    // One self-contained file: no write-ahead log to travel beside it.
    sqlite.pragma('journal_mode = DELETE');
    const cooperative = cooperativeOf(sqlite);
    if (!cooperative) throw new DomainError('no_cooperative');
    identity = {
      format: FORMAT_VERSION,
      cooperative,
      schemaVersion: schemaVersion(sqlite),
      createdAt: options.at.toISOString(),
      appVersion: options.appVersion,
      rowCounts: rowCounts(sqlite),
      encrypted: options.passphrase !== undefined && options.passphrase !== '',
      auditHead: null,
    };
  } finally {
    sqlite.close();
  }

  const input = await open(copy, 'r');
  const output = await open(packed, 'wx');
  try {
    const bytes = (await input.stat()).size;
    const hash = createHash('sha256');
    await eachChunk(input, 0, bytes, options, 'write', (chunk) => void hash.update(chunk));
    const manifest: BackupManifest = { ...identity, databaseBytes: bytes, sha256: hash.digest('hex') };
    const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
    const secret = manifest.encrypted ? newEncryption(options.passphrase ?? '', randomBytes) : null;
    const header = writeHeader({
      manifestBytes: manifestBytes.length,
      payloadBytes: bytes + (secret ? TAG_BYTES : 0),
      encryption: secret?.encryption ?? null,
    });
    await output.write(Buffer.concat([header, manifestBytes]));
    const cipher = secret ? createCipheriv('aes-256-gcm', secret.key, secret.encryption.nonce) : null;
    cipher?.setAAD(Buffer.concat([header, manifestBytes]));
    await eachChunk(input, 0, bytes, options, 'write', async (chunk) => {
      await output.write(cipher ? cipher.update(chunk) : chunk);
    });
    if (cipher) await output.write(Buffer.concat([cipher.final(), cipher.getAuthTag()]));
    await output.sync();
    return manifest;
  } finally {
    await output.close();
    await input.close();
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Local time, as the bookkeeper reads it: 2026-12-04-183000. */
function fileStamp(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
}

function freeName(dir: string, base: string): string {
  for (let n = 1; ; n++) {
    const file = join(dir, `${base}${n === 1 ? '' : `-${n}`}${BACKUP_EXTENSION}`);
    if (!existsSync(file)) return file;
  }
}
