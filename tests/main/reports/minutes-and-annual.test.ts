// The minutes, the attendance sheet (blank and filled), the annual report and the dividend payout sheet,
// built through the catalog and read back with pdftotext, as a reader would copy them.

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting } from '../../../main/meetings/meetings';
import { buildReport } from '../../../main/reports/catalog';
import { closeYear } from '../../../main/yearend/close';
import { toKhmerDigits } from '../../../shared/khmer';
import type { Meeting } from '../../../shared/meetings';
import type { Member } from '../../../shared/schemas';
import {
  ACTOR,
  assembly,
  type Books,
  closeMonthsTo,
  meetingInput,
  openBooks,
  writeYear,
} from '../meetings-books';

let books: Books;
let meeting: Meeting;
const pdfs: Record<string, Buffer> = {};

function text(pdf: Buffer, name: string): string {
  const file = join(books.dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  // Kept for looking at: PNG pages go to test-results/pdf-pages when SAHAKUM_PDF_PAGES is set.
  if (process.env.SAHAKUM_PDF_PAGES) {
    const dir = join('test-results', 'pdf-pages');
    mkdirSync(dir, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '70', file, join(dir, name)]);
  }
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
}

beforeAll(async () => {
  books = await openBooks();
  await writeYear(books.opened.db, books.members, 2024);
  await writeYear(books.opened.db, books.members, 2025, 2);
  await closeMonthsTo(books.opened.db, '2025-12');
  const [a, b, c, d, e] = books.members as [Member, Member, Member, Member, Member];
  await closeYear(
    db(),
    { year: 2024, meetingId: (await assembly(books.opened.db, '2025-02-14', [a, b, c, d])).id },
    ACTOR,
  );
  meeting = await createMeeting(
    db(),
    meetingInput({
      date: '2026-02-14',
      agenda: [
        {
          title: 'អនុម័តរបាយការណ៍ហិរញ្ញវត្ថុឆ្នាំ ២០២៥',
          discussion: 'ហេរញ្ញិកបានបង្ហាញតារាងតុល្យការ និងរបាយការណ៍លទ្ធផល',
          decision: 'អនុម័តរបាយការណ៍ និងការបែងចែកប្រាក់ចំណេញ',
          votesFor: 4,
          votesAgainst: 0,
          votesAbstain: 1,
        },
        {
          title: 'ជ្រើសរើសក្រុមប្រឹក្សាភិបាលថ្មី',
          discussion: '',
          decision: 'ពន្យារទៅមហាសន្និបាតបន្ទាប់',
          votesFor: 0,
          votesAgainst: 0,
          votesAbstain: 0,
        },
      ],
      attendees: [
        ...[a, b, c].map((m) => ({
          memberId: m.id,
          guestName: '',
          role: '',
          isBoard: m === a,
          proxyForMemberIds: [],
        })),
        { memberId: d.id, guestName: '', role: '', isBoard: false, proxyForMemberIds: [e.id] },
        { memberId: null, guestName: 'ទេព សុវណ្ណ', role: 'មេឃុំ', isBoard: false, proxyForMemberIds: [] },
      ],
    }),
    ACTOR,
  );
  await closeYear(db(), { year: 2025, meetingId: meeting.id }, ACTOR);
  const common = { lang: 'km' as const, nationalHeader: true };
  pdfs.minutes = await buildReport(
    db(),
    { report: 'minutes', meetingId: meeting.id, ...common },
    ACTOR.today,
  );
  pdfs.blank = await buildReport(
    db(),
    { report: 'attendance', meetingId: meeting.id, blank: true, ...common },
    ACTOR.today,
  );
  pdfs.filled = await buildReport(
    db(),
    { report: 'attendance', meetingId: meeting.id, blank: false, ...common },
    ACTOR.today,
  );
  pdfs.annual = await buildReport(db(), { report: 'annual-report', year: 2025, ...common }, ACTOR.today);
  pdfs.payout = await buildReport(db(), { report: 'dividend-payout', year: 2025, ...common }, ACTOR.today);
  pdfs.annualEn = await buildReport(
    db(),
    { report: 'annual-report', year: 2025, lang: 'en', nationalHeader: true, digits: 'latin' },
    ACTOR.today,
  );
}, 60_000);

afterAll(async () => {
  await books.close();
});

const db = () => books.opened.db;

describe('the printed minutes', () => {
  it('carry the national header, the quorum with its proxy, each decision with its votes, and the two signers', () => {
    const page = text(pdfs.minutes as Buffer, 'minutes');
    expect(page).toContain('ព្រះរាជាណាចក្រកម្ពុជា');
    expect(page).toContain('កំណត់ហេតុកិច្ចប្រជុំ');
    expect(page).toContain('មហាសន្និបាតសមាជិក');
    expect(page).toContain('គ្រប់កូរ៉ុម: មានវត្តមាន ៥ នាក់ ត្រូវការយ៉ាងតិច ៤ នាក់ ក្នុងចំណោម ៦ នាក់');
    expect(page).toContain('ការបោះឆ្នោត៖ យល់ព្រម ៤ · មិនយល់ព្រម ០ · អនុប្បវាទ ១');
    expect(page).toContain('ពន្យារទៅមហាសន្និបាតបន្ទាប់');
    expect(page).toContain('ទេព សុវណ្ណ (មេឃុំ)');
    expect(page).toContain('លេខាអង្គប្រជុំ');
    expect(page).toContain('ប្រធានអង្គប្រជុំ');
  });
});

describe('the attendance sheet', () => {
  it('blank lists every member on the roll with room to sign; filled lists those present and whom they represent', () => {
    const blank = text(pdfs.blank as Buffer, 'attendance-blank');
    for (const m of books.members) expect(blank).toContain(m.nameKm);
    expect(blank).toContain('ហត្ថលេខា ឬស្នាមមេដៃ');
    expect(blank).toContain('សម្រាប់ចុះហត្ថលេខា');
    const filled = text(pdfs.filled as Buffer, 'attendance-filled');
    const [, , , , e, f] = books.members as Member[];
    expect(filled).toContain(`${toKhmerDigits(String(e?.number))} ${e?.nameKm}`);
    expect(filled).not.toContain(f?.nameKm);
    expect(filled).toContain('គ្រប់កូរ៉ុម');
  });
});

describe('the annual report', () => {
  it('sets this year beside the last, with the allocation as the assembly approved it', () => {
    const km = text(pdfs.annual as Buffer, 'annual');
    expect(km).toContain('របាយការណ៍ប្រចាំឆ្នាំ ២០២៥');
    expect(km).toContain('ឆ្នាំ ២០២៤');
    expect(km).toContain(`អនុម័តដោយមហាសន្និបាត ${meeting.number}`);
    const en = text(pdfs.annualEn as Buffer, 'annual-en');
    // 2025: fees 4,000,000 less 700,000 plus the inputs' margin 300,000; 2024: 1,600,000.
    expect(en).toMatch(/Surplus \(deficit\) of the year\s+3,600,000៛\s+1,600,000៛/);
    expect(en).toMatch(/Reserve fund\s+20%\s+720,000៛/);
    expect(en).toMatch(/Dividends on shares\s+30%\s+1,080,000៛/);
    expect(en).toMatch(/Members at the year end\s+6\s+6/);
    expect(en).toContain('Income and expenses by year');
  });

  it('prints the payout sheet of every member’s dividend and refund, adding up to their parts', () => {
    const page = text(pdfs.payout as Buffer, 'dividend-payout');
    expect(page).toContain('បញ្ជីបើកភាគលាភ និងប្រាក់បង្វិលសង ឆ្នាំ ២០២៥');
    // Dividends 1,080,000 and patronage 1,080,000: 2,160,000 in all.
    expect(page).toMatch(/សរុប\s+១០\s+១\.០៨០\.០០០៛\s+១\.០៨០\.០០០៛\s+២\.១៦០\.០០០៛/);
  });
});
