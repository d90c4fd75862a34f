// Long reports written page by page (layout.ts's writeReport): every member's statement over the whole
// history, read back with pdftotext, against the same report built in memory; the page count in every
// footer; no page limit; a failure leaving no file behind.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/open';
import { createDemoCooperative } from '../../../main/demo/cooperative';
import { buildReport, writeReportFile } from '../../../main/reports/catalog';
import {
  type Block,
  type ReportDocument,
  renderReport,
  type StreamedDocument,
  writeReport,
} from '../../../main/reports/layout';
import { toKhmerDigits } from '../../../shared/khmer';
import { reportRequestSchema } from '../../../shared/reports';

const NOW = { today: '2026-11-28', timestamp: '2026-11-28T03:00:00.000Z' };

let dir: string;
let opened: Awaited<ReturnType<typeof openDatabase>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-stream-'));
  opened = await openDatabase(join(dir, 'demo.db'));
  await createDemoCooperative(opened.db, { members: 25, seed: 3, years: 2, now: NOW });
}, 120_000);

afterAll(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

const text = (file: string, ...args: string[]) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', ...args, file, '-'], { encoding: 'utf8' });
const pagesOf = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);

describe('every member statement written page by page', () => {
  it('prints what the report built in memory prints, page x of y right on the first and the last page', async () => {
    const request = reportRequestSchema.parse({ report: 'member-statement', lang: 'km', to: NOW.today });
    const streamed = join(dir, 'streamed.pdf');
    const written = await writeReportFile(opened.db, request, NOW.today, streamed);
    const inMemory = join(dir, 'memory.pdf');
    writeFileSync(inMemory, await buildReport(opened.db, request, NOW.today));

    const pages = pagesOf(streamed);
    expect(pages).toBeGreaterThan(25);
    expect(pagesOf(inMemory)).toBe(pages);
    expect(written.bytes).toBeGreaterThan(100_000);
    expect(text(streamed)).toBe(text(inMemory));
    const y = toKhmerDigits(String(pages));
    const first = text(streamed, '-f', '1', '-l', '1');
    const last = text(streamed, '-f', String(pages), '-l', String(pages));
    expect(first).toContain(`ទំព័រ ១ នៃ ${y}`);
    expect(last).toContain(`ទំព័រ ${y} នៃ ${y}`);
    // The signature block ends the document, after the last member.
    expect(last).toContain('អនុម័តដោយ');
  });
});

describe('writeReport', () => {
  // One page each: a page break before every paragraph but the first.
  const paragraphs = (count: number): Block[] =>
    Array.from({ length: count }, (_, i): Block[] => [
      ...(i > 0 ? [{ kind: 'pageBreak' as const }] : []),
      { kind: 'paragraph', text: `ទំព័រ​ទី ${i + 1} · page ${i + 1}` },
    ]).flat();
  const footer = (page: number, pages: number) => ({ left: 'test', right: `${page}/${pages}` });

  it('has no page limit: a document refused in memory over its limit is written whole', async () => {
    const blocks = paragraphs(12);
    const limited: ReportDocument = { blocks, maxPages: 10, footer };
    await expect(renderReport(limited)).rejects.toMatchObject({ error: { code: 'report_too_long' } });
    const doc: StreamedDocument = {
      async *blocks() {
        yield* blocks;
      },
      footer,
    };
    const file = join(dir, 'twelve.pdf');
    expect((await writeReport(doc, file)).pages).toBe(12);
    expect(pagesOf(file)).toBe(12);
    expect(text(file, '-f', '12', '-l', '12')).toContain('12/12');
  });

  it('leaves nothing behind when the blocks fail halfway', async () => {
    const folder = mkdtempSync(join(dir, 'failing-'));
    let passes = 0;
    const doc: StreamedDocument = {
      async *blocks() {
        passes += 1;
        yield* paragraphs(3);
        if (passes === 2) throw new Error('the books went away');
      },
      footer,
    };
    await expect(writeReport(doc, join(folder, 'report.pdf'))).rejects.toThrow('the books went away');
    expect(readdirSync(folder)).toEqual([]);
  });
});
