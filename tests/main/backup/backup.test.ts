import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../../main/backup/create';
import { HEADER_BYTES, readHeader } from '../../../main/backup/format';
import { restoreBackup } from '../../../main/backup/restore';
import { readManifest, verifyBackup } from '../../../main/backup/verify';
import { LATEST_SCHEMA_VERSION } from '../../../main/db/migrations';
import { type OpenedDatabase, openDatabase } from '../../../main/db/open';
import type { ErrorCode } from '../../../shared/errors';
import { fileProblemSentence } from '../../../shared/file-problems';
import { AT, addMember, anotherCooperative, demoBooks, preyKhlaBooks, scratchDir } from './books';

let scratch: ReturnType<typeof scratchDir>;
let books: OpenedDatabase;
beforeEach(async () => {
  scratch = scratchDir();
  books = await demoBooks(join(scratch.dir, 'sahakum.db'));
});
afterEach(async () => {
  await books.close();
  scratch.done();
});

const backupOf = (db: OpenedDatabase, extra: { passphrase?: string; dir?: string } = {}) =>
  createBackup(db.sqlite, {
    dir: extra.dir ?? join(scratch.dir, 'usb'),
    appVersion: '0.1.0',
    at: AT,
    ...extra,
  });

async function refusal(work: Promise<unknown>): Promise<ErrorCode> {
  try {
    await work;
  } catch (error) {
    const code = (error as { error?: { code?: ErrorCode } }).error?.code;
    if (code) return code;
    throw error;
  }
  throw new Error('expected a refusal');
}

const count = (db: OpenedDatabase, table: string) =>
  db.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('making a backup', () => {
  it('writes one verified file whose manifest names the cooperative, the schema and every table', async () => {
    const made = await backupOf(books);
    expect(made.file).toMatch(/\/usb\/sahakum-2026-11-2\d-\d{6}\.sahakum-backup$/);
    expect(readdirSync(join(scratch.dir, 'usb'))).toEqual([made.file.split('/').pop()]);
    const { manifest, encrypted } = await readManifest(made.file);
    expect(encrypted).toBe(false);
    expect(manifest.cooperative.nameKm).toBe(
      books.sqlite.prepare('SELECT name_km FROM cooperative').pluck().get(),
    );
    expect(manifest.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(manifest.appVersion).toBe('0.1.0');
    expect(manifest.createdAt).toBe('2026-11-20T03:00:00.000Z');
    expect(manifest.rowCounts.members).toBe(12);
    expect(manifest.rowCounts.journal_entries).toBe(count(books, 'journal_entries'));
    expect(manifest.rowCounts.journal_lines).toBeGreaterThan(100);
    expect(manifest.auditHead).toBeNull();
    expect(await verifyBackup(made.file)).toEqual(manifest);
  });

  it('reports pages copied and, cancelled, leaves nothing in the folder', async () => {
    const stages = new Set<string>();
    let pages = 0;
    await backupOf(books, { dir: join(scratch.dir, 'a') }).then(() => undefined);
    const controller = new AbortController();
    const cancelled = createBackup(books.sqlite, {
      dir: join(scratch.dir, 'b'),
      appVersion: '0.1.0',
      at: AT,
      signal: controller.signal,
      onProgress: (p) => {
        stages.add(p.stage);
        if (p.stage === 'copy') pages = p.total;
        if (p.stage === 'write') controller.abort();
      },
    });
    expect(await refusal(cancelled)).toBe('backup_cancelled');
    expect(pages).toBeGreaterThan(10);
    expect(readdirSync(join(scratch.dir, 'b'))).toEqual([]);
  });

  it('encrypts with a passphrase: the database bytes do not appear, the right passphrase opens it', async () => {
    const made = await backupOf(books, { passphrase: 'ស្រូវ ២០២៦ rice' });
    const bytes = readFileSync(made.file);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(readHeader(bytes.subarray(0, HEADER_BYTES), bytes.length).encryption).not.toBeNull();
    expect(await refusal(verifyBackup(made.file))).toBe('backup_passphrase_required');
    expect(await refusal(verifyBackup(made.file, { passphrase: 'ស្រូវ ២០២៦ ricE' }))).toBe(
      'backup_wrong_passphrase',
    );
    const manifest = await verifyBackup(made.file, { passphrase: 'ស្រូវ ២០២៦ rice' });
    expect(manifest.encrypted).toBe(true);
    expect(manifest.rowCounts.members).toBe(12);
  });
});

describe('refusing a bad backup, nothing replaced', () => {
  type Spoil = (bytes: Buffer) => Buffer;
  const flipAt =
    (at: (length: number) => number): Spoil =>
    (bytes) => {
      const copy = Buffer.from(bytes);
      const i = at(copy.length);
      copy[i] = (copy[i] ?? 0) ^ 0x40;
      return copy;
    };
  const cases: [string, boolean, Spoil, ErrorCode][] = [
    ['zero-length', false, () => Buffer.alloc(0), 'backup_not_a_backup'],
    ['random bytes', false, () => randomBytes(300_000), 'backup_not_a_backup'],
    ['a database file, not a backup', false, () => readFileSync(books.file), 'backup_not_a_backup'],
    ['truncated', false, (b) => b.subarray(0, b.length - 5000), 'backup_truncated'],
    ['cut in the header', false, (b) => b.subarray(0, 40), 'backup_not_a_backup'],
    ['a byte flipped in the database', false, flipAt((n) => n - 20_000), 'backup_damaged'],
    ['a byte flipped in the manifest', false, flipAt(() => HEADER_BYTES + 30), 'backup_damaged'],
    ['encrypted, a byte flipped in the ciphertext', true, flipAt((n) => n - 20_000), 'backup_damaged'],
    ['encrypted, a byte flipped in the manifest', true, flipAt(() => HEADER_BYTES + 30), 'backup_damaged'],
    ['encrypted, the tag changed', true, flipAt((n) => n - 3), 'backup_damaged'],
  ];
  for (const [name, encrypted, spoil, code] of cases) {
    it(`${name}: ${code}`, async () => {
      const made = await backupOf(books, encrypted ? { passphrase: 'pass' } : {});
      const bad = join(scratch.dir, 'bad.sahakum-backup');
      writeFileSync(bad, spoil(readFileSync(made.file)));
      expect(await refusal(verifyBackup(bad, { passphrase: 'pass' }))).toBe(code);
      await expectRestoreRefused(bad, code, 'pass');
      expect(fileProblemSentence({ code }, 'km')).toMatch(/មិន/);
    });
  }

  it('a newer schema version is refused by its manifest', async () => {
    const made = await backupOf(books);
    const bytes = readFileSync(made.file);
    const newer = rewriteManifest(bytes, (m) => ({ ...m, schemaVersion: LATEST_SCHEMA_VERSION + 1 }));
    const bad = join(scratch.dir, 'newer.sahakum-backup');
    writeFileSync(bad, newer);
    await expectRestoreRefused(bad, 'backup_too_new');
  });

  it("another cooperative's backup is refused while this laptop has books", async () => {
    const other = await preyKhlaBooks(join(scratch.dir, 'other.db'), anotherCooperative);
    const made = await backupOf(other, { dir: join(scratch.dir, 'theirs') });
    await other.close();
    await expectRestoreRefused(made.file, 'backup_foreign');
  });

  async function expectRestoreRefused(file: string, code: ErrorCode, passphrase?: string) {
    const before = await snapshot(books);
    let closed = false;
    const result = restoreBackup(
      file,
      {
        file: books.file,
        sqlite: books.sqlite,
        close: async () => {
          closed = true;
        },
      },
      {
        appVersion: '0.1.0',
        at: AT,
        safetyDir: join(scratch.dir, 'safety'),
        ...(passphrase ? { passphrase } : {}),
      },
    );
    expect(await refusal(result)).toBe(code);
    expect(closed).toBe(false);
    expect(await snapshot(books)).toEqual(before);
    expect(readdirSync(scratch.dir).filter((name) => name.startsWith('.'))).toEqual([]);
  }
});

function rewriteManifest(
  bytes: Buffer,
  change: (m: Record<string, unknown>) => Record<string, unknown>,
): Buffer {
  const length = bytes.readUInt32BE(12);
  const manifest = JSON.parse(bytes.subarray(HEADER_BYTES, HEADER_BYTES + length).toString('utf8'));
  const changed = Buffer.from(JSON.stringify(change(manifest)), 'utf8');
  const header = Buffer.from(bytes.subarray(0, HEADER_BYTES));
  header.writeUInt32BE(changed.length, 12);
  return Buffer.concat([header, changed, bytes.subarray(HEADER_BYTES + length)]);
}

/** The books' file bytes after a checkpoint, with its log: what a restore must leave alone. */
async function snapshot(db: OpenedDatabase) {
  db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return readFileSync(db.file).toString('base64');
}

describe('restoring', () => {
  it('keeps a safety copy, swaps the file and the reopened books are the backup', async () => {
    const made = await backupOf(books, { passphrase: 'pass' });
    const members = count(books, 'members');
    await addMember(books, 'ហេង វិចិត្រ');
    books.sqlite.prepare("UPDATE cooperative SET village = 'ផ្លាស់ប្តូរ'").run();
    const membersBefore = count(books, 'members');
    expect(membersBefore).toBe(members + 1);
    const restored = await restoreBackup(
      made.file,
      {
        file: books.file,
        sqlite: books.sqlite,
        close: () => books.close(),
      },
      { passphrase: 'pass', appVersion: '0.1.0', at: AT, safetyDir: join(scratch.dir, 'safety') },
    );
    expect(restored.manifest.rowCounts.members).toBe(members);
    expect(restored.safetyCopy?.file).toMatch(/safety\/before-restore-.*\.sahakum-backup$/);
    const safety = await verifyBackup(restored.safetyCopy?.file ?? '');
    expect(safety.rowCounts.members).toBe(membersBefore);
    books = await openDatabase(books.file, { mustExist: true });
    expect(count(books, 'members')).toBe(members);
    expect(books.sqlite.prepare('SELECT village FROM cooperative').pluck().get()).not.toBe('ផ្លាស់ប្តូរ');
    expect(books.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(readdirSync(scratch.dir).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});
