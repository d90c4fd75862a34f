import { createHash, scryptSync, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../shared/errors';

/**
 * A Sahakum backup is one file:
 *
 *   header   HEADER_BYTES, fixed layout below (all integers big-endian)
 *   manifest `manifestBytes` of UTF-8 JSON (BackupManifest), never encrypted, so that a restore can
 *            name the cooperative and refuse a foreign or newer file before asking for a passphrase
 *   payload  `payloadBytes`: the SQLite database (rollback-journal mode, one file), either as it is or
 *            encrypted with AES-256-GCM followed by its 16-byte tag
 *
 * Header: 0 magic 'SHKMBKP\0' (8) · 8 format version u8 · 9 flags u8 (bit 0: encrypted) · 10 reserved
 * u16 · 12 manifest length u32 · 16 payload length u64 · 24 scrypt salt (16) · 40 GCM nonce (12) ·
 * 52 scrypt log2(N) u8 · 53 r u8 · 54 p u8 · 55 reserved u8 · 56 SHA-256 of the key-check half of the
 * derived key (32) · 88 reserved (8). Unencrypted files have zeros from 24 on.
 *
 * The plain payload is checked against the manifest's SHA-256; the encrypted one is authenticated by
 * GCM with the header and the manifest as additional data, so a flipped byte anywhere is found. The
 * key check tells a wrong passphrase apart from a damaged file.
 */
export const MAGIC = Buffer.from('SHKMBKP\0', 'latin1');
export const FORMAT_VERSION = 1;
export const HEADER_BYTES = 96;
export const TAG_BYTES = 16;
export const BACKUP_EXTENSION = '.sahakum-backup';
// A manifest is a few kilobytes; anything far larger is not one of ours.
const MAX_MANIFEST_BYTES = 1 << 20;
const FLAG_ENCRYPTED = 1;
// scrypt N = 2^15, r = 8: about 0.1 s and 32 MB on an old laptop, once per backup.
const SCRYPT = { log2N: 15, r: 8, p: 1 };

export interface BackupManifest {
  format: number;
  cooperative: { nameKm: string; nameLatin: string | null; registrationNumber: string | null };
  schemaVersion: number;
  createdAt: string;
  appVersion: string;
  /** Rows per table of the backed-up database, checked again on every verify. */
  rowCounts: Record<string, number>;
  databaseBytes: number;
  sha256: string;
  encrypted: boolean;
  /** The audit chain's last hash, once the books have one (issue 11's audit trail); null until then. */
  auditHead: string | null;
}

export interface Encryption {
  salt: Buffer;
  nonce: Buffer;
  log2N: number;
  r: number;
  p: number;
  keyCheck: Buffer;
}

export interface BackupHeader {
  manifestBytes: number;
  payloadBytes: number;
  encryption: Encryption | null;
}

export function writeHeader(header: BackupHeader): Buffer {
  const bytes = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(bytes, 0);
  bytes.writeUInt8(FORMAT_VERSION, 8);
  bytes.writeUInt8(header.encryption ? FLAG_ENCRYPTED : 0, 9);
  bytes.writeUInt32BE(header.manifestBytes, 12);
  bytes.writeBigUInt64BE(BigInt(header.payloadBytes), 16);
  const e = header.encryption;
  if (e) {
    e.salt.copy(bytes, 24);
    e.nonce.copy(bytes, 40);
    bytes.writeUInt8(e.log2N, 52);
    bytes.writeUInt8(e.r, 53);
    bytes.writeUInt8(e.p, 54);
    e.keyCheck.copy(bytes, 56);
  }
  return bytes;
}

/** The header of a file the user handed us, checked as far as it can be without the rest. */
export function readHeader(bytes: Buffer, fileBytes: number): BackupHeader {
  if (bytes.length < HEADER_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new DomainError('backup_not_a_backup', 'file');
  }
  if (bytes.readUInt8(8) !== FORMAT_VERSION) throw new DomainError('backup_too_new', 'file');
  const manifestBytes = bytes.readUInt32BE(12);
  const payloadBytes = Number(bytes.readBigUInt64BE(16));
  if (manifestBytes === 0 || manifestBytes > MAX_MANIFEST_BYTES)
    throw new DomainError('backup_damaged', 'file');
  const expected = HEADER_BYTES + manifestBytes + payloadBytes;
  if (fileBytes < expected) throw new DomainError('backup_truncated', 'file');
  if (fileBytes > expected) throw new DomainError('backup_damaged', 'file');
  const encrypted = (bytes.readUInt8(9) & FLAG_ENCRYPTED) !== 0;
  const encryption: Encryption | null = encrypted
    ? {
        salt: Buffer.from(bytes.subarray(24, 40)),
        nonce: Buffer.from(bytes.subarray(40, 52)),
        log2N: bytes.readUInt8(52),
        r: bytes.readUInt8(53),
        p: bytes.readUInt8(54),
        keyCheck: Buffer.from(bytes.subarray(56, 88)),
      }
    : null;
  // Parameters far beyond ours would make scrypt take the laptop's memory: a hostile file.
  if (
    encryption &&
    (encryption.log2N > 20 || encryption.r > 16 || encryption.p > 4 || encryption.log2N < 10)
  ) {
    throw new DomainError('backup_damaged', 'file');
  }
  return { manifestBytes, payloadBytes, encryption };
}

export function parseManifest(bytes: Buffer): BackupManifest {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new DomainError('backup_damaged', 'file');
  }
  const m = value as Partial<BackupManifest> | null;
  const valid =
    m !== null &&
    typeof m === 'object' &&
    m.format === FORMAT_VERSION &&
    typeof m.cooperative?.nameKm === 'string' &&
    Number.isSafeInteger(m.schemaVersion) &&
    typeof m.createdAt === 'string' &&
    typeof m.sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(m.sha256) &&
    Number.isSafeInteger(m.databaseBytes) &&
    typeof m.rowCounts === 'object' &&
    m.rowCounts !== null &&
    typeof m.encrypted === 'boolean';
  if (!valid) throw new DomainError('backup_damaged', 'file');
  return m as BackupManifest;
}

const deriveKeys = (passphrase: string, e: Pick<Encryption, 'salt' | 'log2N' | 'r' | 'p'>) => {
  const N = 2 ** e.log2N;
  const derived = scryptSync(passphrase.normalize('NFC'), e.salt, 64, {
    N,
    r: e.r,
    p: e.p,
    maxmem: 256 * N * e.r + (1 << 20),
  });
  return { key: derived.subarray(0, 32), check: createHash('sha256').update(derived.subarray(32)).digest() };
};

/** A fresh key and its header fields for a new encrypted backup. */
export function newEncryption(
  passphrase: string,
  random: (n: number) => Buffer,
): { key: Buffer; encryption: Encryption } {
  const params = { salt: random(16), ...SCRYPT };
  const { key, check } = deriveKeys(passphrase, params);
  return { key, encryption: { ...params, nonce: random(12), keyCheck: check } };
}

/** The key of an encrypted backup, or a refusal naming a missing or wrong passphrase. */
export function unlockKey(encryption: Encryption, passphrase: string | undefined): Buffer {
  if (passphrase === undefined || passphrase === '')
    throw new DomainError('backup_passphrase_required', 'passphrase');
  const { key, check } = deriveKeys(passphrase, encryption);
  if (!timingSafeEqual(check, encryption.keyCheck))
    throw new DomainError('backup_wrong_passphrase', 'passphrase');
  return key;
}
