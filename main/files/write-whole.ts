import { randomBytes } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Writes a file the user asked for (a report, an export) whole or not at all: into a temporary file
 * beside it, then renamed over it. A full disk or a pulled USB stick leaves the earlier file as it was,
 * never half of the new one.
 */
export async function writeFileWhole(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
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
