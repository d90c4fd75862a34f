// The member register of a large cooperative, read back out of the PDF: 3,000 members, numbers up to four
// digits, each member on one line of the table, its number never broken.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCooperative } from '../../../main/cooperative/profile';
import { openDatabase } from '../../../main/db/open';
import { demoCooperativeProfile } from '../../../main/demo/cooperative';
import { demoMembers } from '../../../main/demo/members';
import { insertMember } from '../../../main/members/register';
import { memberRegisterPdf } from '../../../main/reports/member-register';
import { formatDateTable, toKhmerDigits } from '../../../shared/khmer';
import { PdfFile, readTextSpans, type TextSpan } from './pdf-reader';

const NOW = { today: '2026-11-28', timestamp: '2026-11-28T00:00:00.000Z' };
const MEMBERS = 3000;
/** A table row at 9 pt: one line of 9 × 1.75 pt and 2 pt above and below it. */
const ROW = 9 * 1.75 + 2 * 2;
/** Villages written with their numbers, as some registers have them. */
const NUMBERED_VILLAGES = ['ស្រែ៣៤៥', 'ភូមិ១២', 'ត្រពាំង១២៣៤', 'ក្រាំង-២'];

describe(`member register of ${MEMBERS.toLocaleString('en')} members`, () => {
  let dir: string;
  let spans: TextSpan[];
  let pages: number;
  let members: Array<{ number: number; nameKm: string; village: string; joinDate: string }>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'register-rows-'));
    const opened = await openDatabase(join(dir, 'books.db'));
    const profile = demoCooperativeProfile(NOW.today, 10);
    const inputs = demoMembers(MEMBERS, 7, { foundedOn: profile.foundedOn, today: NOW.today }).map((m, i) =>
      i % 97 === 0 ? { ...m, village: NUMBERED_VILLAGES[i % NUMBERED_VILLAGES.length] ?? m.village } : m,
    );
    members = await opened.db.transaction().execute(async (trx) => {
      await createCooperative(trx, profile, NOW);
      const inserted = [];
      for (const input of inputs) inserted.push(await insertMember(trx, input, NOW));
      return inserted;
    });
    const pdf = await memberRegisterPdf(opened.db, { lang: 'km', today: NOW.today });
    await opened.close();
    const file = new PdfFile(pdf);
    pages = file.pages().length;
    spans = readTextSpans(file);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has members with four-digit numbers, and villages written with digits', () => {
    expect(members).toHaveLength(MEMBERS);
    expect(members.filter((m) => m.number >= 1000)).toHaveLength(MEMBERS - 999);
    expect(members.filter((m) => /[០-៩]/.test(m.village)).length).toBeGreaterThan(25);
  });

  it('prints every member number whole, as one run of glyphs, and every name, village and date whole', () => {
    const texts = new Set(spans.map((s) => s.actualText));
    const missing = members.flatMap((m) =>
      [toKhmerDigits(String(m.number)), m.nameKm, m.village, formatDateTable(m.joinDate, 'khmer')]
        .filter((text) => !texts.has(text))
        .map((text) => `${m.number}: ${text}`),
    );
    expect(missing).toEqual([]);
  });

  it('gives every member one line: on a page, each row starts exactly one line-high row below the last', () => {
    const numbers = new Map<string, TextSpan>();
    for (const span of spans) if (!numbers.has(span.actualText)) numbers.set(span.actualText, span);
    const numberSpans = members.map((m) => {
      const span = numbers.get(toKhmerDigits(String(m.number)));
      return { page: span?.page ?? -1, y: span?.glyphs[0]?.y ?? 0 };
    });
    const tablePages = new Set(numberSpans.map((r) => r.page)).size;
    // About 37 rows a page: a page of rows two lines high would hold half as many.
    expect(tablePages).toBe(pages);
    expect(pages).toBeLessThan(90);
    const pitches = new Map<string, number>();
    numberSpans.slice(1).forEach((row, i) => {
      const before = numberSpans[i] as { page: number; y: number };
      if (row.page !== before.page) return;
      const pitch = (before.y - row.y).toFixed(2);
      pitches.set(pitch, (pitches.get(pitch) ?? 0) + 1);
    });
    expect([...pitches.keys()]).toEqual([ROW.toFixed(2)]);
    expect(pitches.get(ROW.toFixed(2))).toBe(MEMBERS - tablePages);
  });
});
