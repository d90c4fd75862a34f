import { closeSync, fsyncSync, openSync, readdirSync, rmSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { DomainError } from '../../shared/errors';

const CHUNK = 4 << 20;

// Names begin with a dot and hold this, so that a half-made file is neither listed nor mistaken for a
// backup, and the next rotation sweeps away what a crash left (with SQLite's -journal beside it).
export const PARTIAL_SUFFIX = '.partial';
export const isPartial = (name: string) => name.startsWith('.') && name.includes(PARTIAL_SUFFIX);

/** Removes what a crash left half-made in `dir`; the names it removed. */
export function sweepPartials(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const swept = names.filter(isPartial).map((name) => join(dir, name));
  for (const file of swept) rmSync(file, { force: true });
  return swept;
}

export interface BackupProgress {
  stage: 'copy' | 'write' | 'verify';
  /** Pages copied (copy) or bytes written or read back (write, verify). */
  done: number;
  total: number;
}

export interface LongWork {
  signal?: AbortSignal;
  onProgress?: (progress: BackupProgress) => void;
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DomainError('backup_cancelled');
}

/** Reads `length` bytes from `start` in chunks, so that a large file neither fills memory nor blocks cancel. */
export async function eachChunk(
  handle: FileHandle,
  start: number,
  length: number,
  work: LongWork,
  stage: BackupProgress['stage'],
  use: (chunk: Buffer) => Promise<void> | void,
): Promise<void> {
  const buffer = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(length, 1)));
  let done = 0;
  while (done < length) {
    throwIfCancelled(work.signal);
    const want = Math.min(buffer.length, length - done);
    const { bytesRead } = await handle.read(buffer, 0, want, start + done);
    if (bytesRead === 0) throw new DomainError('backup_truncated', 'file');
    await use(buffer.subarray(0, bytesRead));
    done += bytesRead;
    work.onProgress?.({ stage, done, total: length });
  }
}

/** Makes a rename in `dir` survive a power cut: the directory entry itself is flushed. */
export function syncDirectory(dir: string): void {
  // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

/** Rows per table, in name order: the manifest's record of what the backup holds. */
export function rowCounts(sqlite: BetterSqlite3.Database): Record<string, number> {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    counts[table] = sqlite
      .prepare(`SELECT count(*) FROM "${table.replaceAll('"', '""')}"`)
      .pluck()
      .get() as number;
  }
  return counts;
}

export interface CooperativeIdentity {
  nameKm: string;
  nameLatin: string | null;
  registrationNumber: string | null;
}

export function cooperativeOf(sqlite: BetterSqlite3.Database): CooperativeIdentity | null {
  const row = sqlite
    .prepare('SELECT name_km, name_latin, registration_number FROM cooperative LIMIT 1')
    .get() as { name_km: string; name_latin: string | null; registration_number: string | null } | undefined;
  return row
    ? { nameKm: row.name_km, nameLatin: row.name_latin, registrationNumber: row.registration_number }
    : null;
}

/**
 * Whether two files are the same cooperative's books: by registration number when both have one (a
 * name may be re-spelt), else by the Khmer name.
 */
export function sameCooperative(a: CooperativeIdentity, b: CooperativeIdentity): boolean {
  if (a.registrationNumber && b.registrationNumber) return a.registrationNumber === b.registrationNumber;
  return a.nameKm.normalize('NFC') === b.nameKm.normalize('NFC');
}

/** A connection to a file of ours (a backup's database on its way in or out), not the books' session. */
export const openCopy = (file: string, nativeBinding: string | undefined, readonly = false) =>
  new BetterSqlite3(file, {
    ...(nativeBinding ? { nativeBinding } : {}),
    ...(readonly ? { readonly: true, fileMustExist: true } : {}),
  });

// Hashing 300 MB takes as long as SQLite's quick_check of it: a worker thread hashes while this thread
// writes or checks. Evaluated from this string, it needs only Node's own modules (in Electron as in Node).
const HASHER = `
const { parentPort, workerData } = require('node:worker_threads');
const { openSync, readSync, closeSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { file, start, length, chunk } = workerData;
const fd = openSync(file, 'r');
const hash = createHash('sha256');
const buffer = Buffer.allocUnsafe(Math.max(1, Math.min(chunk, length)));
let done = 0;
try {
  while (done < length) {
    const read = readSync(fd, buffer, 0, Math.min(buffer.length, length - done), start + done);
    if (read === 0) break;
    hash.update(buffer.subarray(0, read));
    done += read;
  }
} finally {
  closeSync(fd);
}
parentPort.postMessage({ done, sha256: hash.digest('hex') });
`;

export interface Hashing {
  /** The SHA-256 of the bytes, hex; a file shorter than asked is a truncated backup. */
  readonly sha256: Promise<string>;
  stop(): Promise<void>;
}

/** Starts hashing `length` bytes of `file` from `start` on a worker thread. */
export function hashInWorker(file: string, start: number, length: number): Hashing {
  const worker = new Worker(HASHER, { eval: true, workerData: { file, start, length, chunk: CHUNK } });
  const sha256 = new Promise<string>((resolve, reject) => {
    worker.once('message', (answer: { done: number; sha256: string }) => {
      if (answer.done < length) reject(new DomainError('backup_truncated', 'file'));
      else resolve(answer.sha256);
    });
    worker.once('error', reject);
    worker.once('exit', () => reject(new DomainError('backup_cancelled')));
  });
  // Awaited by whoever needs it; a hash nobody waits for (a failure elsewhere) must not be unhandled.
  sha256.catch(() => {});
  return { sha256, stop: async () => void (await worker.terminate()) };
}
