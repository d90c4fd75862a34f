// The member register PDF read back the way a reader would: pdftotext for the text, the PDF's own glyph
// positions (pdf-reader.ts, which knows nothing of the layout code) for margins, wrapping and the footer.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCooperative } from '../../../main/cooperative/profile';
import { openDatabase } from '../../../main/db/open';
import type { Database } from '../../../main/db/schema';
import { createMember } from '../../../main/members/register';
import { memberRegisterPdf } from '../../../main/reports/member-register';
import { toKhmerDigits } from '../../../shared/khmer';
import { blankCooperative, type MemberInput } from '../../../shared/schemas';
import { PdfFile, readTextSpans, type TextSpan } from './pdf-reader';

const NOW = { today: '2026-11-28', timestamp: '2026-11-28T00:00:00.000Z' };
const MM = 72 / 25.4;
const MARGIN = 15 * MM;
const A4 = { width: 595.28, height: 841.89 };

const FAMILY = ['សុខ', 'ស៊ុន', 'ជា', 'លី', 'ឈឹម', 'ប៊ុន', 'ស្រី', 'ហេង', 'គឹម', 'ទ្រី'];
const GIVEN = ['បុប្ផា', 'ស្រីរ័ត្ន', 'ចន្ធូ', 'ក្រុម', 'ប្រុស', 'ត្រូវ', 'គ្រឿង', 'ស្ត្រី', 'ផ្សាំ', 'ខ្ញុំ', 'ម៉ោង'];
/** 60+ characters without a space: a name that must be wrapped between words or syllables. */
const LONG = 'ព្រះរាជាណាចក្រកម្ពុជាសហគមន៍កសិកម្មប្រាក់សន្សំភាគហ៊ុនស្ត្រីក្រុមប្រឹក្សាភិបាល';

function memberInput(overrides: Partial<MemberInput>): MemberInput {
  return {
    nameKm: 'សុខ',
    nameLatin: '',
    sex: 'F',
    birthDate: '',
    nationalId: '',
    phone: '',
    village: 'ស្វាយ',
    commune: 'ព្រះស្តេច',
    joinDate: '2021-03-15',
    nextOfKin: '',
    notes: '',
    ...overrides,
  };
}

async function cooperativeWith(members: MemberInput[]) {
  const dir = mkdtempSync(join(tmpdir(), 'member-register-'));
  const opened = await openDatabase(join(dir, 'books.db'));
  await createCooperative(
    opened.db,
    {
      ...blankCooperative,
      nameKm: 'សហគមន៍កសិកម្ម ព្រះស្តេច សាមគ្គី',
      nameLatin: 'Preah Sdach Samaki Agricultural Cooperative',
      foundedOn: '2020-01-01',
      village: 'ព្រះស្តេច',
      commune: 'ព្រះស្តេច',
      district: 'ព្រះស្តេច',
      province: 'ព្រៃវែង',
      chair: 'ហេង សុខា',
      bookkeeper: 'លី ចន្ធូ',
      internalControl: 'គឹម ស្រីនាង',
      reportDigits: 'khmer',
    },
    NOW,
  );
  for (const m of members) await createMember(opened.db, m, NOW);
  return { db: opened.db, close: opened.close, dir };
}

function pdftotext(dir: string, pdf: Buffer, ...args: string[]): string {
  const file = join(dir, `report-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', ...args, file, '-'], { encoding: 'utf8' });
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

const NAMES: MemberInput[] = Array.from({ length: 120 }, (_, i) => {
  const base = `${FAMILY[i % FAMILY.length]} ${GIVEN[i % GIVEN.length]}${GIVEN[(i * 7) % GIVEN.length]}`;
  return memberInput({
    nameKm: i % 9 === 4 ? `${LONG}${GIVEN[i % GIVEN.length]}` : base,
    nameLatin: `Member ${i + 1}`,
    sex: i % 2 === 0 ? 'F' : 'M',
    village: i % 5 === 0 ? 'ស្វាយអន្ទរក្រោមខាងជើងឆ្ងាយ' : 'ស្វាយ',
    joinDate: `202${1 + (i % 5)}-0${1 + (i % 9)}-1${i % 10}`,
  });
});

describe('member register PDF', () => {
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  let dir: string;
  let pdf: Buffer;
  let spans: TextSpan[];
  let pageCount: number;
  let open = true;

  beforeAll(async () => {
    ({ db, close, dir } = await cooperativeWith(NAMES));
    pdf = await memberRegisterPdf(db, { lang: 'km', today: NOW.today });
    const file = new PdfFile(pdf);
    pageCount = file.pages().length;
    spans = readTextSpans(file);
  }, 60_000);
  afterAll(async () => {
    if (open) await close();
  });

  it('has long names among the members and runs over several pages', () => {
    expect(NAMES.filter((m) => m.nameKm.length >= 60 && !m.nameKm.includes(' ')).length).toBeGreaterThan(5);
    expect(pageCount).toBeGreaterThanOrEqual(3);
  });

  it('gives back every member name exactly through pdftotext', () => {
    // -raw keeps the content-stream order, in which the lines of one cell follow each other.
    const raw = squeeze(pdftotext(dir, pdf, '-raw'));
    const flowing = squeeze(pdftotext(dir, pdf));
    for (const m of NAMES) {
      expect(raw).toContain(squeeze(m.nameKm));
      expect(flowing).toContain(squeeze(m.nameLatin));
    }
    // The frame: national header, cooperative, title, signatures.
    for (const text of ['ព្រះរាជាណាចក្រកម្ពុជា', 'ជាតិសាសនាព្រះមហាក្សត្រ', 'បញ្ជីឈ្មោះសមាជិក', 'រៀបចំដោយ']) {
      expect(raw).toContain(text);
    }
    for (const text of ['ពិនិត្យដោយ', 'អនុម័តដោយ', 'លីចន្ធូ', 'គឹមស្រីនាង', 'ហេងសុខា', 'ថ្ងៃទី២៨ខែវិច្ឆិកាឆ្នាំ២០២៦']) {
      expect(raw).toContain(text);
    }
  });

  it('keeps every glyph within the page margins', () => {
    // 120 members of 7 cells each, some of them wrapped, and the frame (a date is one run since #15).
    expect(spans.length).toBeGreaterThan(900);
    expect(spans.flatMap((s) => s.glyphs).length).toBeGreaterThan(7000);
    for (const span of spans) {
      for (const g of span.glyphs) {
        expect(g.x).toBeGreaterThanOrEqual(MARGIN - 0.01);
        expect(g.x).toBeLessThanOrEqual(A4.width - MARGIN);
        expect(g.y).toBeGreaterThanOrEqual(MARGIN);
        expect(g.y).toBeLessThanOrEqual(A4.height - MARGIN);
      }
    }
  });

  it('never starts a line with a Khmer combining mark or coeng', () => {
    const wrapped = spans.filter((s) => /[\u1780-\u17ff]/.test(s.actualText));
    expect(wrapped.length).toBeGreaterThan(100);
    for (const span of wrapped) expect(span.actualText).not.toMatch(/^[\u17b4-\u17d3\u17dd]/);
    // Long names really were wrapped: some of their lines are drawn as spans that are part of them.
    const longParts = spans.filter((s) => LONG.includes(s.actualText) && s.actualText.length < LONG.length);
    expect(longParts.length).toBeGreaterThan(5);
  });

  it("says 'page x of y' in Khmer digits on every page", () => {
    for (let page = 0; page < pageCount; page++) {
      const footer = spans.filter((s) => s.page === page && s.actualText.startsWith('ទំព័រ'));
      expect(footer.map((s) => s.actualText)).toEqual([
        `ទំព័រ ${toKhmerDigits(String(page + 1))} នៃ ${toKhmerDigits(String(pageCount))}`,
      ]);
    }
  });

  it('prints in English with Latin digits on request', async () => {
    const english = await memberRegisterPdf(db, { lang: 'en', digits: 'latin', today: NOW.today });
    const file = new PdfFile(english);
    const pages = file.pages().length;
    const text = pdftotext(dir, english);
    for (let page = 1; page <= pages; page++) expect(text).toContain(`Page ${page} of ${pages}`);
    for (const word of ['Member register', 'Prepared by', 'Checked by', 'Approved by', '28 November 2026']) {
      expect(text).toContain(word);
    }
    expect(squeeze(pdftotext(dir, english, '-raw'))).toContain(squeeze(NAMES[4]?.nameKm ?? '?'));
  });

  it('is written by the command line, which loads the PDF code only when asked', async () => {
    await close();
    open = false;
    const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const db = join(dir, 'books.db');
    const out = join(dir, 'cli.pdf');
    const cli = (...args: string[]) => spawnSync(tsx, ['main/cli.ts', ...args], { encoding: 'utf8' });
    const ok = cli('report', 'member-register', '--db', db, '--format', 'pdf', '--lang', 'en', '--out', out);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const written = readFileSync(out);
    expect(written.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdftotext(dir, written)).toContain('Member register');
    const csv = cli('report', 'member-register', '--db', db, '--format', 'csv', '--out', out);
    expect(csv.status).toBe(2);
    expect(cli('--help').stdout).toContain('report member-register');
  }, 60_000);
});

const FONT_DIR = join(process.cwd(), 'resources', 'fonts');
const hbShape = (font: string, text: string, ...options: string[]) =>
  execFileSync('hb-shape', [...options, join(FONT_DIR, `${font}.ttf`), text], { encoding: 'utf8' });
/** The glyph id HarfBuzz gives the first character of `text` in `font`. */
const hbGid = (font: string, text: string) =>
  Number(/^\[(\d+)=/.exec(hbShape(font, text, '--no-glyph-names'))?.[1]);

describe('member register PDF with any Unicode in a name', () => {
  it('is produced, and keeps what it can print', async () => {
    const odd = [
      'ស្រី 😀🌾 ស៊ី👩‍🌾',
      'สมชาย ใจดี',
      'Nguyễn Thị Ánh',
      'សុខ\u0000\u0007\u001b\u0085ស្រី\ttab',
      'x'.repeat(500),
      'ក'.repeat(500),
      '\u17d2\u17c1\u17b6 ់ មាន\u200bចន្លោះ',
    ];
    const { db, close, dir } = await cooperativeWith(
      odd.map((nameKm, i) => memberInput({ nameKm, nameLatin: odd[(i + 1) % odd.length] ?? '' })),
    );
    try {
      const pdf = await memberRegisterPdf(db, { lang: 'km', today: NOW.today });
      const file = new PdfFile(pdf);
      expect(file.pages().length).toBeGreaterThanOrEqual(1);
      const text = squeeze(pdftotext(dir, pdf, '-raw'));
      for (const name of ['สมชาย ใจดี', 'Nguyễn Thị Ánh', '😀🌾', 'x'.repeat(500), 'ក'.repeat(500)]) {
        expect(text).toContain(squeeze(name));
      }
      // Control characters are replaced visibly, not dropped silently.
      expect(text).toContain('សុខ\ufffd\ufffd\ufffd\ufffdស្រី');
      // What no font has (Thai, emoji) is drawn as the Latin font's replacement sign (U+FFFD, glyph
      // uniFFFD), never as an empty .notdef box; the text layer above keeps the original characters.
      const spans = readTextSpans(file);
      expect(hbShape('NotoSans-Regular', '\ufffd')).toContain('uniFFFD');
      const fffd = hbGid('NotoSans-Regular', '\ufffd');
      expect(spans.flatMap((s) => s.glyphs).filter((g) => g.gid === 0)).toEqual([]);
      expect(
        spans.some((s) => s.baseFont?.includes('NotoSans-Regular') && s.glyphs.some((g) => g.gid === fffd)),
      ).toBe(true);
      for (const span of spans) {
        for (const g of span.glyphs) {
          expect(g.x).toBeGreaterThanOrEqual(MARGIN - 0.01);
          expect(g.x).toBeLessThanOrEqual(A4.width - MARGIN);
        }
      }
    } finally {
      await close();
    }
  }, 60_000);
});
