import { closeSync, openSync, readSync, type Stats, statSync } from 'node:fs';
import { DomainError } from '../../shared/errors';

const HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;

function statOf(file: string): Stats | null {
  try {
    return statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function readHeader(file: string): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, HEADER_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  return header;
}

/**
 * Looks at a database file before SQLite does, reading only: SQLite would make an empty or missing file
 * a new database, and answer a text file or a half-copied one with its own words. A file that cannot be
 * the books is refused here; whether it holds Sahakum's tables is openDatabase's question.
 */
export function checkDatabaseFile(file: string, mustExist: boolean): void {
  const stat = statOf(file);
  // A folder, a device or a pipe named as the database is no database either.
  if (stat !== null && !stat.isFile()) throw new DomainError('not_sahakum_database', 'file');
  const size = stat?.size ?? null;
  if (size === null || size === 0) {
    if (mustExist) throw new DomainError(size === null ? 'database_missing' : 'not_sahakum_database', 'file');
    return;
  }
  const header = readHeader(file);
  if (!header.subarray(0, HEADER.length).equals(HEADER))
    throw new DomainError('not_sahakum_database', 'file');
  if (size < HEADER_BYTES) throw new DomainError('database_damaged', 'file');
  // The page count in the header is only current when its change counter matches (SQLite's own rule);
  // with a write-ahead log beside the file, the log may still hold pages the file has not received.
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  const current = header.readUInt32BE(24) === header.readUInt32BE(92);
  const log = statOf(`${file}-wal`)?.size ?? 0;
  if (current && log === 0 && pages > 0 && size < pages * pageSize) {
    throw new DomainError('database_damaged', 'file');
  }
}
