import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Backend, startBackend } from '../../main/backend';
import type { Clock } from '../../main/clock';
import { inProcessRunner } from '../../main/reports/runner';
import { DATA_FILE } from '../../main/session';
import { km } from '../../renderer/i18n/km';
import { DomainError, type Result } from '../../shared/errors';
import { fileProblemSentence } from '../../shared/file-problems';
import type { Account } from '../../shared/ledger';
import { preyKhla } from '../support/cooperative';
import { signInAdmin } from '../support/users';

// The same cases as the command line's, through the app: the IPC router, the screens' sentences
// (renderer/i18n/km.ts) and the start-up dialog's (shared/file-problems.ts).

const clock: Clock = () => new Date(2026, 10, 28, 9, 30, 0);

let dir: string;
let data: string;
let backends: Backend[];
let logError: ReturnType<typeof vi.fn<(error: unknown) => void>>;
let savePath: string | null;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-app-files-'));
  data = join(dir, DATA_FILE);
  backends = [];
  logError = vi.fn<(error: unknown) => void>();
  savePath = null;
});

afterEach(async () => {
  for (const backend of backends) await backend.close();
  rmSync(dir, { recursive: true, force: true });
  expect(logError).not.toHaveBeenCalled();
});

async function start(): Promise<Backend> {
  const backend = await startBackend(dir, clock, {
    logError,
    reports: inProcessRunner,
    saveDialog: { choosePdfPath: async () => savePath },
  });
  backends.push(backend);
  // Books that have an administrator are signed in to, which writes nothing.
  const status = value<{ auth: string }>(await backend.router.dispatch('app.status', {}));
  if (status.auth === 'signIn') await signInAdmin(backend);
  return backend;
}

async function stop(backend: Backend): Promise<void> {
  backends = backends.filter((b) => b !== backend);
  await backend.close();
}

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected a value, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** The cooperative's books on disk, closed: the bytes every refusal must leave as they are. */
async function booksOnDisk(): Promise<Buffer> {
  const backend = await start();
  value(await backend.router.dispatch('cooperative.create', preyKhla));
  await signInAdmin(backend);
  await stop(backend);
  return readFileSync(data);
}

async function expectUnchanged(bytes: Buffer, backend: Backend): Promise<void> {
  await stop(backend);
  expect(readFileSync(data).equals(bytes), 'the books are byte-for-byte as they were').toBe(true);
}

const MEMBER = {
  nameKm: 'សុខ ស្រីមុំ',
  nameLatin: '',
  sex: 'F',
  birthDate: '',
  nationalId: '',
  phone: '',
  village: '',
  commune: '',
  joinDate: '2020-01-15',
  nextOfKin: '',
  notes: '',
};

const base64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64');
const sentence = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key]));

describe('the app and the files it is handed', () => {
  it('refuses a data file that is not the books or is damaged, in Khmer, and leaves it as it was', async () => {
    await booksOnDisk();
    const good = join(dir, 'good.db');
    copyFileSync(data, good);
    const cases: [() => void, 'not_sahakum_database' | 'database_damaged'][] = [
      [
        () => writeFileSync(data, 'account_code,member_number,amount\n1101,,150000\n'),
        'not_sahakum_database',
      ],
      [
        () => {
          copyFileSync(good, data);
          truncateSync(data, 8192);
        },
        'database_damaged',
      ],
    ];
    for (const [make, code] of cases) {
      make();
      const bytes = readFileSync(data);
      const refused = await start().catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(DomainError);
      const error = (refused as DomainError).error;
      expect(error).toEqual({ code, field: 'file' });
      expect(fileProblemSentence(error, 'km')).toContain('មិនបានកែប្រែអ្វីទាំងអស់');
      expect(readFileSync(data).equals(bytes)).toBe(true);
      expect([existsSync(`${data}-wal`), existsSync(`${data}-shm`)]).toEqual([false, false]);
    }
  });

  it('takes an empty data file for the first run: the wizard creates the cooperative in it', async () => {
    writeFileSync(data, '');
    const backend = await start();
    expect(value<{ mode: string }>(await backend.router.dispatch('app.status', {})).mode).toBe('setup');
    expect(value<{ mode: string }>(await backend.router.dispatch('cooperative.create', preyKhla)).mode).toBe(
      'ready',
    );
  });

  it('the opening-balances screen refuses a Latin-1 file saying to save it as UTF-8, and reads UTF-16', async () => {
    const bytes = await booksOnDisk();
    const backend = await start();
    const text = 'account_code,member_number,amount\n1101,,150000\n3901,,150000\n';
    const latin1 = Buffer.from(`${text}# caisse é\n`, 'latin1');
    const refused = await backend.router.dispatch('ledger.readOpeningCsv', { csvBase64: base64(latin1) });
    expect(refused).toEqual({ ok: false, error: { code: 'file_encoding', field: 'file' } });
    expect(km.errors.file_encoding).toContain('UTF-8');
    expect(await backend.router.dispatch('ledger.readOpeningCsv', { csvBase64: 'not base64!' })).toEqual({
      ok: false,
      error: { code: 'validation', field: 'csvBase64' },
    });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const read = value<{ lines: unknown[] }>(
      await backend.router.dispatch('ledger.readOpeningCsv', { csvBase64: base64(utf16) }),
    );
    expect(read.lines).toHaveLength(2);
    await expectUnchanged(bytes, backend);
  });

  it('names an unknown column by its first 40 letters, however long the header cell', async () => {
    await booksOnDisk();
    const backend = await start();
    const csv = `${'ក'.repeat(1_000_000)},account_code,member_number,amount\n`;
    expect(await backend.router.dispatch('ledger.readOpeningCsv', { csvBase64: base64(csv) })).toEqual({
      ok: true,
      value: { errors: [{ row: 0, field: `${'ក'.repeat(40)}…`, code: 'unknown_column' }] },
    });
    expect(km.errors.unknown_column).toBe('ជួរឈរមិនស្គាល់');
  });

  it('opening balances posted twice are refused the second time, naming the date; reversed, they post again', async () => {
    await booksOnDisk();
    let backend = await start();
    const accounts = value<Account[]>(await backend.router.dispatch('ledger.accounts', {}));
    const id = (code: string) => accounts.find((a) => a.code === code)?.id;
    const opening = {
      date: '2025-12-31',
      lines: [
        { accountId: id('1101'), memberId: null, amount: 150_000 },
        { accountId: id('3901'), memberId: null, amount: 150_000 },
      ],
    };
    const { entryId } = value<{ entryId: number }>(
      await backend.router.dispatch('ledger.postOpening', opening),
    );
    await stop(backend);
    const bytes = readFileSync(data);

    backend = await start();
    const second = await backend.router.dispatch('ledger.postOpening', { ...opening, date: '2026-01-05' });
    const params = { date: '2025-12-31', entry: entryId };
    expect(second).toEqual({ ok: false, error: { code: 'opening_exists', field: 'date', params } });
    expect(sentence(km.errors.opening_exists, params)).toContain('ថ្ងៃ 2025-12-31');
    await expectUnchanged(bytes, backend);

    backend = await start();
    const reason = 'ចំនួនខុសពីសៀវភៅក្រដាស';
    value(await backend.router.dispatch('ledger.reverse', { entryId, date: '2026-01-05', reason }));
    value(await backend.router.dispatch('ledger.postOpening', { ...opening, date: '2026-01-05' }));
  });

  it('books held by another program: the app says they are in use elsewhere, and logs nothing unexpected', async () => {
    const bytes = await booksOnDisk();
    const backend = await start();
    // Five seconds in the app; a tenth of one here, so that the test does not wait.
    backend.session.database.sqlite.pragma('busy_timeout = 100');
    const other = new BetterSqlite3(data);
    other.exec('BEGIN IMMEDIATE');
    try {
      expect(await backend.router.dispatch('members.create', MEMBER)).toEqual({
        ok: false,
        error: { code: 'database_busy' },
      });
      expect(km.errors.database_busy).toContain('កំពុងត្រូវបានប្រើនៅកន្លែងផ្សេង');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    await expectUnchanged(bytes, backend);
  });

  it('a full disk: the save is refused in Khmer, whole, and the app goes on', async () => {
    await booksOnDisk();
    const backend = await start();
    const { sqlite } = backend.session.database;
    // The disk as full as the file is now: SQLite may not grow the file by a single page.
    sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true })}`);
    const member = (i: number) => ({ ...MEMBER, nameKm: `សុខ ស្រីមុំ ${i}`, notes: 'ក'.repeat(2000) });
    let refused: Result<unknown> | null = null;
    let saved = 0;
    for (let i = 0; i < 50 && refused === null; i++) {
      const result = await backend.router.dispatch('members.create', member(i));
      if (result.ok) saved++;
      else refused = result;
    }
    expect(refused).toEqual({ ok: false, error: { code: 'disk_full' } });
    expect(km.errors.disk_full).toContain('មិនបានរក្សាទុកទេ');
    const count = sqlite.prepare('SELECT count(*) FROM members').pluck().get();
    expect(count).toBe(saved);
    sqlite.pragma('max_page_count = 1073741823');
    expect((await backend.router.dispatch('members.create', member(99))).ok).toBe(true);
  });

  it('a report saved over the books\u2019 own file is refused, and the books are left as they were', async () => {
    const bytes = await booksOnDisk();
    const backend = await start();
    const built = value<{ id: string }>(
      await backend.router.dispatch('reports.build', {
        report: 'member-register',
        lang: 'km',
        nationalHeader: true,
      }),
    );
    savePath = join(dir, '.', DATA_FILE);
    expect(await backend.router.dispatch('reports.save', { id: built.id })).toEqual({
      ok: false,
      error: { code: 'save_failed', field: 'path', params: { path: savePath } },
    });
    await expectUnchanged(bytes, backend);
  });
});
