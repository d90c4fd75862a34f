import { createDecipheriv, createHash, type DecipherGCM, randomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DomainError } from '../../shared/errors';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import {
  cooperativeOf,
  eachChunk,
  hashInWorker,
  type LongWork,
  openCopy,
  PARTIAL_SUFFIX,
  removeDatabaseFiles,
  rowCounts,
  throwIfCancelled,
} from './files';
import { type BackupManifest, HEADER_BYTES, parseManifest, readHeader, TAG_BYTES, unlockKey } from './format';

export interface ReadOptions extends LongWork {
  passphrase?: string;
  nativeBinding?: string;
}

/** The header and manifest alone: what a backup says it holds, checked for shape, not yet for truth. */
export async function readManifest(file: string): Promise<{ manifest: BackupManifest; encrypted: boolean }> {
  const handle = await openBackupFile(file);
  try {
    const { manifest, header } = await readFront(handle);
    return { manifest, encrypted: header.encryption !== null };
  } finally {
    await handle.close();
  }
}

/**
 * Checks a backup through and through and writes its database to `extractTo` (fsynced): decrypts,
 * compares the SHA-256 and size with the manifest, then asks SQLite for a quick check, the schema
 * version, the cooperative and the row counts the manifest promises. Any failure removes what was
 * extracted and is a typed refusal; nothing else is touched.
 */
export function extractBackup(file: string, extractTo: string, options: ReadOptions = {}) {
  return extract(file, extractTo, options, true);
}

/** `durable`: the extracted file is kept (a restore, a review copy) and flushed to the disk. */
async function extract(
  file: string,
  extractTo: string,
  options: ReadOptions,
  durable: boolean,
): Promise<BackupManifest> {
  const handle = await openBackupFile(file);
  try {
    const { manifest, header, front } = await readFront(handle);
    if (manifest.schemaVersion > LATEST_SCHEMA_VERSION) {
      throw new DomainError('backup_too_new', 'file', {
        found: manifest.schemaVersion,
        supported: LATEST_SCHEMA_VERSION,
      });
    }
    if (manifest.encrypted !== (header.encryption !== null)) throw new DomainError('backup_damaged', 'file');
    const start = HEADER_BYTES + header.manifestBytes;
    const dataBytes = header.encryption ? header.payloadBytes - TAG_BYTES : header.payloadBytes;
    if (dataBytes !== manifest.databaseBytes || dataBytes <= 0)
      throw new DomainError('backup_damaged', 'file');

    let decipher: DecipherGCM | null = null;
    if (header.encryption) {
      const key = unlockKey(header.encryption, options.passphrase);
      decipher = createDecipheriv('aes-256-gcm', key, header.encryption.nonce);
      decipher.setAAD(front);
      const tag = Buffer.alloc(TAG_BYTES);
      await handle.read(tag, 0, TAG_BYTES, start + dataBytes);
      decipher.setAuthTag(tag);
    }
    removeDatabaseFiles(extractTo);
    const out = await open(extractTo, 'wx');
    // The plain bytes are hashed by a worker while this thread copies and checks them; decrypted ones
    // exist only here.
    const hashing = decipher ? null : hashInWorker(file, start, dataBytes);
    const hash = createHash('sha256');
    try {
      try {
        await eachChunk(handle, start, dataBytes, options, 'verify', async (chunk) => {
          const plain = decipher ? decipher.update(chunk) : chunk;
          if (decipher) hash.update(plain);
          await out.write(plain);
        });
        if (decipher) {
          try {
            const rest = decipher.final();
            hash.update(rest);
            await out.write(rest);
          } catch {
            throw new DomainError('backup_damaged', 'file');
          }
        }
        if (durable) await out.sync();
      } finally {
        await out.close();
      }
      if (decipher && hash.digest('hex') !== manifest.sha256) throw new DomainError('backup_damaged', 'file');
      throwIfCancelled(options.signal);
      checkDatabase(extractTo, manifest, options.nativeBinding);
      if (hashing && (await hashing.sha256) !== manifest.sha256)
        throw new DomainError('backup_damaged', 'file');
    } catch (error) {
      removeDatabaseFiles(extractTo);
      throw error;
    } finally {
      await hashing?.stop();
    }
    return manifest;
  } finally {
    await handle.close();
  }
}

/** Checks a backup through and through without keeping its database. */
export async function verifyBackup(file: string, options: ReadOptions = {}): Promise<BackupManifest> {
  const scratch = join(dirname(file), `.verify-${randomBytes(6).toString('hex')}.db${PARTIAL_SUFFIX}`);
  try {
    return await extract(file, scratch, options, false);
  } finally {
    removeDatabaseFiles(scratch);
  }
}

async function openBackupFile(file: string) {
  try {
    return await open(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DomainError('database_missing', 'file');
    if (code === 'EISDIR') throw new DomainError('backup_not_a_backup', 'file');
    throw error;
  }
}

async function readFront(handle: Awaited<ReturnType<typeof open>>) {
  const stat = await handle.stat();
  if (!stat.isFile()) throw new DomainError('backup_not_a_backup', 'file');
  const headerBytes = Buffer.alloc(HEADER_BYTES);
  const { bytesRead } = await handle.read(headerBytes, 0, HEADER_BYTES, 0);
  const header = readHeader(headerBytes.subarray(0, bytesRead), stat.size);
  const manifestBytes = Buffer.alloc(header.manifestBytes);
  await handle.read(manifestBytes, 0, header.manifestBytes, HEADER_BYTES);
  const manifest = parseManifest(manifestBytes);
  return { header, manifest, front: Buffer.concat([headerBytes, manifestBytes]) };
}

/**
 * The checksum proves the bytes are the ones written; these prove the bytes were the books. quick_check
 * reads every page and row (a damaged page, record or freelist, a CHECK or NOT NULL constraint broken fails
 * it); what only the full integrity_check adds, at four times the cost, is that each index holds exactly
 * its table's rows and UNIQUE holds: what a page-by-page copy of books SQLite kept cannot lose on its own,
 * and what the checksum guards from then on.
 */
export function checkDatabase(
  file: string,
  manifest: Pick<BackupManifest, 'schemaVersion' | 'cooperative' | 'rowCounts'>,
  nativeBinding: string | undefined,
): void {
  let sqlite: ReturnType<typeof openCopy> | null = null;
  try {
    sqlite = openCopy(file, nativeBinding, true);
    const integrity = sqlite.pragma('quick_check', { simple: true });
    const version = sqlite.pragma('user_version', { simple: true });
    const cooperative = cooperativeOf(sqlite);
    const counts = rowCounts(sqlite);
    const matches =
      integrity === 'ok' &&
      version === manifest.schemaVersion &&
      cooperative !== null &&
      cooperative.nameKm === manifest.cooperative.nameKm &&
      cooperative.registrationNumber === manifest.cooperative.registrationNumber &&
      JSON.stringify(counts) === JSON.stringify(manifest.rowCounts);
    if (!matches) throw new DomainError('backup_damaged', 'file');
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('backup_damaged', 'file');
  } finally {
    sqlite?.close();
  }
}
