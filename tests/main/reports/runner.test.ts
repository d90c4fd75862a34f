// Reports built off the main thread: the worker as the app runs it (worker.ts, started through tsx), its
// read-only connection, failures coming back as typed errors, and the service that saves what was previewed.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCooperative } from '../../../main/cooperative/profile';
import { type OpenedDatabase, openDatabase } from '../../../main/db/open';
import { createMember } from '../../../main/members/register';
import { inProcessRunner, type ReportRunner, workerRunner } from '../../../main/reports/runner';
import { ReportService } from '../../../main/reports/service';
import type { AppSession } from '../../../main/session';
import { DomainError } from '../../../shared/errors';
import type { ReportRequest } from '../../../shared/reports';
import { reportRequestSchema } from '../../../shared/reports';
import { preyKhla } from '../../support/cooperative';

const NOW = { today: '2026-11-28', timestamp: '2026-11-28T00:00:00.000Z' };
const WORKER = join(__dirname, '../../../main/reports/worker.ts');
/** worker.ts itself, compiled on the fly by tsx inside the new thread. */
const BOOTSTRAP = `require('tsx/cjs'); require(${JSON.stringify(WORKER)});`;
/** About 90 pages of member register: long enough that laying it out in process is felt. */
const MEMBERS = 3000;

let dir: string;
let opened: OpenedDatabase;

const request = (input: Record<string, unknown>): ReportRequest => reportRequestSchema.parse(input);
const pdfText = (pdf: Buffer) => {
  const file = join(dir, `read-${Math.random()}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'report-runner-'));
  opened = await openDatabase(join(dir, 'books.db'));
  await createCooperative(opened.db, preyKhla, NOW);
  for (let i = 1; i <= MEMBERS; i++) {
    await createMember(
      opened.db,
      {
        nameKm: `សុខ ស្រីមុំ ${i}`,
        nameLatin: `Sok Sreymom ${i}`,
        sex: i % 2 ? 'F' : 'M',
        birthDate: '',
        nationalId: '',
        phone: '',
        village: 'ព្រៃខ្លា',
        commune: 'ព្រះស្តេច',
        joinDate: '2021-03-15',
        nextOfKin: '',
        notes: '',
      },
      NOW,
    );
  }
});

afterAll(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The longest the event loop went without running a 5 ms timer while `work` ran. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return longest;
}

describe('the report worker', () => {
  let runner: ReportRunner;
  const logged: unknown[] = [];

  beforeAll(() => {
    runner = workerRunner(BOOTSTRAP, (error) => logged.push(error), { eval: true });
  });
  afterAll(() => runner.close());

  it('builds a report from the database file on its own read-only connection', async () => {
    const pdf = await runner.build({
      file: opened.file,
      request: request({ report: 'member-register', lang: 'en' }),
      today: NOW.today,
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Member register');
    expect(text).toContain(`Sok Sreymom ${MEMBERS}`);
    expect(logged).toEqual([]);
  }, 60_000);

  it('keeps the main thread free while it lays out a long report, which building in process does not', async () => {
    const job = {
      file: opened.file,
      request: request({ report: 'member-register', lang: 'km' }),
      today: NOW.today,
    };
    await runner.build(job); // fonts and HarfBuzz loaded in the worker
    const inWorker = await longestStall(() => runner.build(job));
    const inProcess = await longestStall(() => inProcessRunner().build(job));
    expect(inProcess, 'in process, the layout holds the event loop').toBeGreaterThan(150);
    expect(inWorker, 'in the worker, timers keep running').toBeLessThan(inProcess / 4);
  }, 120_000);

  it('answers a refusal as the typed error the screen names, and an unknown failure as unexpected', async () => {
    const missing = runner.build({
      file: opened.file,
      request: request({ report: 'member-statement', memberId: 99_999, to: NOW.today, lang: 'km' }),
      today: NOW.today,
    });
    await expect(missing).rejects.toMatchObject({ error: { code: 'not_found' } });
    // A file that is not there is the user's to fix: a typed refusal, nothing logged.
    const nowhere = runner.build({
      file: join(dir, 'no-such.db'),
      request: request({ report: 'member-register', lang: 'km' }),
      today: NOW.today,
    });
    await expect(nowhere).rejects.toMatchObject({ error: { code: 'database_missing' } });
    expect(logged).toEqual([]);
    // Books whose register table was dropped outside the app fail in a way nobody planned for.
    const brokenFile = join(dir, 'broken.db');
    const broken = await openDatabase(brokenFile);
    await createCooperative(broken.db, preyKhla, NOW);
    await broken.close();
    const raw = new BetterSqlite3(brokenFile);
    raw.pragma('foreign_keys = OFF');
    raw.exec('DROP TABLE members');
    raw.close();
    const failing = runner.build({
      file: brokenFile,
      request: request({ report: 'member-register', lang: 'km' }),
      today: NOW.today,
    });
    await expect(failing).rejects.toMatchObject({ error: { code: 'unexpected' } });
    expect(logged.length).toBe(1);
    logged.length = 0;
    // The worker is still there for the next job.
    const pdf = await runner.build({
      file: opened.file,
      request: request({ report: 'member-register', lang: 'km' }),
      today: NOW.today,
    });
    expect(pdf.length).toBeGreaterThan(1000);
  }, 60_000);
});

describe('a read-only connection', () => {
  it('reads the books and refuses to write them', async () => {
    const reader = await openDatabase(opened.file, { readOnly: true });
    try {
      const count = await reader.db
        .selectFrom('members')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(count.n).toBe(MEMBERS);
      expect(() => reader.sqlite.prepare("UPDATE cooperative SET name_km = 'x'").run()).toThrow(
        /readonly|query_only|read-only/i,
      );
    } finally {
      await reader.close();
    }
  });
});

describe('the report service', () => {
  const session = {
    now: () => NOW,
    get db() {
      return opened.db;
    },
    get database() {
      return opened;
    },
  } as unknown as AppSession;

  it('saves exactly the PDF it built, where the dialog says; a cancelled dialog saves nothing', async () => {
    const answers: (string | null)[] = [join(dir, 'chosen.pdf'), null];
    const asked: string[] = [];
    const service = new ReportService(session, inProcessRunner(), {
      choosePdfPath: async (name) => {
        asked.push(name);
        return answers.shift() ?? null;
      },
    });
    const built = await service.build(request({ report: 'member-register', lang: 'km' }));
    expect(built.fileName).toBe('member-register-2026-11-28.pdf');
    expect(await service.save(built.id)).toEqual({ saved: true, path: join(dir, 'chosen.pdf') });
    expect(readFileSync(join(dir, 'chosen.pdf')).toString('base64')).toBe(built.pdf);
    expect(await service.save(built.id)).toEqual({ saved: false });
    expect(asked).toEqual(['member-register-2026-11-28.pdf', 'member-register-2026-11-28.pdf']);
  }, 60_000);

  it('refuses an unknown report and names a folder it cannot write to', async () => {
    const service = new ReportService(session, inProcessRunner(), {
      choosePdfPath: async () => join(dir, 'no-such-folder', 'x.pdf'),
    });
    await expect(service.save('nothing')).rejects.toMatchObject({ error: { code: 'not_found' } });
    const built = await service.build(request({ report: 'member-register', lang: 'en' }));
    expect(built.fileName).toBe('member-register-2026-11-28-en.pdf');
    const failure = service.save(built.id);
    await expect(failure).rejects.toBeInstanceOf(DomainError);
    await expect(failure).rejects.toMatchObject({ error: { code: 'save_failed', field: 'path' } });
  }, 60_000);
});
