import { randomBytes } from 'node:crypto';
import { closeSync, openSync, realpathSync, writeSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { DomainError } from '../../shared/errors';

/**
 * Writes a file the user asked for (a report, an export) whole or not at all: into a temporary file
 * beside it, then renamed over it. A full disk, a missing folder or a pulled USB stick leaves the earlier
 * file as it was, never half of the new one, and is refused as save_failed naming the path.
 */
export async function writeFileWhole(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch {
    await rm(temporary, { force: true });
    throw new DomainError('save_failed', 'path', { path });
  }
}

/**
 * writeFileWhole for a file written in pieces as they are made (an export larger than memory should
 * hold): `produce` calls `write` with each piece, in order; the file appears only once all are written.
 * A failure to write is save_failed as above; one of `produce` itself is passed on as it is.
 */
export async function writeFileWholeBy<T>(
  path: string,
  produce: (write: (piece: string | Uint8Array) => void) => Promise<T>,
): Promise<T> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  const saving = <R>(step: () => R): R => {
    try {
      return step();
    } catch {
      throw new DomainError('save_failed', 'path', { path });
    }
  };
  const fd = saving(() => openSync(temporary, 'w'));
  let open = true;
  try {
    const result = await produce((piece) =>
      saving(() => (typeof piece === 'string' ? writeSync(fd, piece) : writeSync(fd, piece))),
    );
    open = false;
    saving(() => closeSync(fd));
    await rename(temporary, path).catch(() => {
      throw new DomainError('save_failed', 'path', { path });
    });
    return result;
  } catch (error) {
    if (open) closeSync(fd);
    await rm(temporary, { force: true });
    throw error;
  }
}

function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** Whether writing to `path` would write over the database file or its write-ahead log. */
export function isDatabasePath(path: string, databaseFile: string): boolean {
  const target = canonical(path);
  const database = canonical(databaseFile);
  return [database, `${database}-wal`, `${database}-shm`].includes(target);
}
