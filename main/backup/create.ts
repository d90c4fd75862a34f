import { createCipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import { schemaVersion } from '../db/open';
import {
  cooperativeOf,
  eachChunk,
  hashInWorker,
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
import { checkDatabase, verifyBackup } from './verify';

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
    const { manifest, front } = await pack(copy, packed, options);
    if (manifest.encrypted)
      await verifyBackup(packed, {
        ...(options.passphrase ? { passphrase: options.passphrase } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      });
    else await readBack(packed, copy, { manifest, front }, options);
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

/**
 * Writes the manifest and the (possibly encrypted) database copy to `packed`, fsynced. A worker hashes
 * the copy meanwhile: plain bytes go out at once under a manifest written again once the hash is known
 * (at the same length: a SHA-256 is always 64 hex digits); encrypted ones wait for it, since the cipher
 * authenticates the manifest before the first byte.
 */
async function pack(
  copy: string,
  packed: string,
  options: BackupOptions,
): Promise<{ manifest: BackupManifest; front: Buffer }> {
  const identity = identityOf(copy, options);
  const input = await open(copy, 'r');
  const output = await open(packed, 'wx');
  try {
    const bytes = (await input.stat()).size;
    const hashing = hashInWorker(copy, 0, bytes);
    try {
      const secret = identity.encrypted ? newEncryption(options.passphrase ?? '', randomBytes) : null;
      const frontOf = (manifest: BackupManifest) => {
        const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
        const header = writeHeader({
          manifestBytes: manifestBytes.length,
          payloadBytes: bytes + (secret ? TAG_BYTES : 0),
          encryption: secret?.encryption ?? null,
        });
        return Buffer.concat([header, manifestBytes]);
      };
      const draft: BackupManifest = { ...identity, databaseBytes: bytes, sha256: '0'.repeat(64) };
      let front = frontOf(secret ? { ...draft, sha256: await hashing.sha256 } : draft);
      const cipher = secret ? createCipheriv('aes-256-gcm', secret.key, secret.encryption.nonce) : null;
      cipher?.setAAD(front);
      let at = front.length;
      const put = async (chunk: Buffer) => {
        await output.write(chunk, 0, chunk.length, at);
        at += chunk.length;
      };
      await eachChunk(input, 0, bytes, options, 'write', (chunk) =>
        put(cipher ? cipher.update(chunk) : chunk),
      );
      if (cipher) await put(Buffer.concat([cipher.final(), cipher.getAuthTag()]));
      const manifest = { ...draft, sha256: await hashing.sha256 };
      if (!secret) {
        const draftLength = front.length;
        front = frontOf(manifest);
        if (front.length !== draftLength) throw new Error('the manifest changed length');
      }
      await output.write(front, 0, front.length, 0);
      await output.sync();
      return { manifest, front };
    } finally {
      await hashing.stop();
    }
  } finally {
    await output.close();
    await input.close();
  }
}

/** What the manifest says of the copy besides its bytes; the copy is made one self-contained file. */
function identityOf(copy: string, options: BackupOptions): Omit<BackupManifest, 'databaseBytes' | 'sha256'> {
  const sqlite = openCopy(copy, options.nativeBinding);
  try {
    // One self-contained file: no write-ahead log to travel beside it.
    sqlite.pragma('journal_mode = DELETE');
    const cooperative = cooperativeOf(sqlite);
    if (!cooperative) throw new DomainError('no_cooperative');
    return {
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
}

/**
 * Reads a plain backup back: its front must be the one written, and a worker hashes its database bytes
 * while SQLite checks the copy they were written from, so that the bytes that passed the check are the
 * ones on the disk. (An encrypted backup is read back by verifyBackup, which decrypts it.)
 */
async function readBack(
  packed: string,
  copy: string,
  { manifest, front }: { manifest: BackupManifest; front: Buffer },
  options: BackupOptions,
) {
  const total = manifest.databaseBytes;
  const hashing = hashInWorker(packed, front.length, total);
  try {
    options.onProgress?.({ stage: 'verify', done: 0, total });
    const handle = await open(packed, 'r');
    const written = Buffer.alloc(front.length);
    try {
      await handle.read(written, 0, front.length, 0);
    } finally {
      await handle.close();
    }
    checkDatabase(copy, manifest, options.nativeBinding);
    if (!written.equals(front) || (await hashing.sha256) !== manifest.sha256)
      throw new DomainError('backup_damaged', 'file');
    options.onProgress?.({ stage: 'verify', done: total, total });
  } finally {
    await hashing.stop();
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
