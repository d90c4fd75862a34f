// The share register PDF read back the way a reader would: pdftotext for the names and figures, the PDF's own
// glyph positions (pdf-reader.ts, which knows nothing of the layout code) for the margins.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCooperative } from '../../../main/cooperative/profile';
import { openDatabase } from '../../../main/db/open';
import type { Database } from '../../../main/db/schema';
import { accountByRole } from '../../../main/ledger/accounts';
import { postOpeningBalances } from '../../../main/ledger/opening';
import type { Actor } from '../../../main/ledger/posting';
import { createMember, exitMember } from '../../../main/members/register';
import { printable } from '../../../main/reports/layout';
import { certificateRanges, shareRegisterPdf } from '../../../main/reports/share-register';
import { shareRegister } from '../../../main/shares/register';
import { purchaseShares, redeemShares, transferShares } from '../../../main/shares/shares';
import { formatAmount, formatNumber, toKhmerDigits } from '../../../shared/khmer';
import { type Member, type MemberInput, memberInputSchema } from '../../../shared/schemas';
import { preyKhla } from '../../support/cooperative';
import { PdfFile, readTextSpans } from './pdf-reader';

const ACTOR: Actor = { today: '2026-11-28', timestamp: '2026-11-28T03:00:00.000Z', user: 'លី ចន្ធូ' };
const TODAY = '2026-11-28';
const MM = 72 / 25.4;
const MARGIN = 15 * MM;
const A4 = { width: 595.28, height: 841.89 };
/** Emoji, Thai, a long unbroken name and control characters: a name the register must print anyway. */
const ODD_NAME = 'ស្រី 😀🌾 สมชาย\u0000\u0007ក្រុម';

let db: Kysely<Database>;
let close: () => Promise<void>;
let dir: string;
let cashKhr: number;
const members: Member[] = [];

const squeeze = (s: string) => s.replace(/\s+/g, '');
const km = (amount: number) => formatAmount(amount, 'KHR', { digits: 'khmer', brackets: true });
const en = (amount: number) => formatAmount(amount, 'KHR', { digits: 'latin', brackets: true });

function pdftotext(pdf: Buffer, ...args: string[]): string {
  const file = join(dir, `report-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', ...args, file, '-'], { encoding: 'utf8' });
}

function input(nameKm: string, nameLatin: string): MemberInput {
  return memberInputSchema.parse({
    nameKm,
    nameLatin,
    sex: 'F',
    birthDate: '',
    nationalId: '',
    phone: '',
    village: 'ព្រៃខ្លា',
    commune: '',
    joinDate: '2021-01-01',
    nextOfKin: '',
    notes: '',
  });
}

const buy = (member: Member, shares: number, date: string) =>
  purchaseShares(db, { memberId: member.id, date, shares, cashAccountId: cashKhr }, ACTOR);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'share-register-pdf-'));
  const opened = await openDatabase(join(dir, 'books.db'));
  db = opened.db;
  close = opened.close;
  await createCooperative(db, { ...preyKhla, foundedOn: '2020-01-01', sharePar: 20_000 }, ACTOR);
  cashKhr = (await accountByRole(db, 'cash_khr')).id;
  await postOpeningBalances(
    db,
    {
      date: '2020-01-01',
      lines: [
        { accountId: cashKhr, memberId: null, amount: 50_000_000 },
        { accountId: (await accountByRole(db, 'opening_khr')).id, memberId: null, amount: 50_000_000 },
      ],
    },
    ACTOR,
  );
  const names: Array<[string, string]> = [
    ['សុខ ស្រីមុំ', 'Sok Sreymom'],
    ['ចាន់ ដារ៉ា', 'Chan Dara'],
    ['កែវ សុភា', 'Keo Sophea'],
    [ODD_NAME, 'Odd 😀 สมชาย'],
    ['ហេង វណ្ណា', 'Heng Vanna'],
  ];
  for (const [nameKm, nameLatin] of names)
    members.push(await createMember(db, input(nameKm, nameLatin), ACTOR));
  // Many members, so that the table runs over pages.
  for (let i = 0; i < 55; i++) {
    members.push(await createMember(db, input(`ស្ត្រី ក្រុម ${i + 1}`, `Member ${i + 6}`), ACTOR));
  }
  const [sreymom, dara, sophea, odd] = members as [Member, Member, Member, Member];
  // Certificates 1, 2, 3 and 5 for Sreymom, 4 for Dara: "1–3, 5".
  await buy(sreymom, 5, '2025-01-10');
  await buy(sreymom, 3, '2025-02-10');
  await buy(sreymom, 2, '2025-03-10');
  await buy(dara, 4, '2025-03-11');
  await buy(sreymom, 1, '2026-02-01');
  // Sophea receives two of Dara's shares (certificate 6), then Dara leaves and is paid back.
  await transferShares(
    db,
    {
      fromMemberId: dara.id,
      toMemberId: sophea.id,
      date: '2026-03-01',
      shares: 2,
      decisionRef: 'លេខ ០៣/២០២៦',
    },
    ACTOR,
  );
  await exitMember(db, { id: dara.id, status: 'left', exitDate: '2026-04-01', reason: 'ផ្លាស់ទៅភ្នំពេញ' }, ACTOR);
  await redeemShares(
    db,
    { memberId: dara.id, date: '2026-04-02', cashAccountId: cashKhr, settle: true },
    ACTOR,
  );
  await buy(odd, 7, '2026-05-01');
  for (const [i, m] of members.slice(5).entries()) await buy(m, 1 + (i % 9), '2026-06-01');
  // Heng Vanna (members[4]) holds no shares and is not in the register.
}, 120_000);

afterAll(async () => {
  await close();
  rmSync(dir, { recursive: true, force: true });
});

describe('certificate ranges', () => {
  it('writes consecutive numbers as ranges, in order, each once', () => {
    expect(certificateRanges([20, 12, 13, 14, 15], 'latin')).toBe('12\u201315, 20');
    expect(certificateRanges([7], 'khmer')).toBe('៧');
    expect(certificateRanges([3, 1, 2, 2, 9, 10, 5], 'khmer')).toBe('១\u2013៣, ៥, ៩\u2013១០');
    expect(certificateRanges([], 'latin')).toBe('');
  });
});

describe('share register PDF', () => {
  let pdf: Buffer;
  let raw: string;

  beforeAll(async () => {
    pdf = await shareRegisterPdf(db, { lang: 'km', today: TODAY, asOf: TODAY });
    raw = squeeze(pdftotext(pdf, '-raw'));
  }, 60_000);

  it('lists every holder with name, status, shares, capital and certificates, in Khmer digits', () => {
    const [sreymom, dara, sophea, , vanna] = members as [Member, Member, Member, Member, Member];
    expect(raw).toContain(squeeze('បញ្ជីភាគហ៊ុន'));
    expect(raw).toContain(squeeze('គិតត្រឹមថ្ងៃទី២៨ ខែវិច្ឆិកា ឆ្នាំ២០២៦'));
    expect(raw).toContain(squeeze(`តម្លៃភាគហ៊ុនមួយ៖ ${km(20_000)}`));
    for (const m of members.filter((m) => m.id !== vanna.id)) {
      expect(raw).toContain(squeeze(printable(m.nameKm)));
      expect(raw).toContain(squeeze(m.nameLatin));
    }
    // Sreymom: 11 shares, 220,000 riel, certificates 1–3 and 5, on one row.
    expect(raw).toContain(
      squeeze(
        `${toKhmerDigits(String(sreymom.number))} ${sreymom.nameKm} ${sreymom.nameLatin} សកម្ម ១១ ${km(220_000)} ១–៣, ៥`,
      ),
    );
    // Sophea holds the two shares she received, under certificate 6.
    expect(raw).toContain(squeeze(`${sophea.nameLatin} សកម្ម ២ ${km(40_000)} ៦`));
    // Dara left and was paid back: nothing held, but still in the register, with her certificate.
    expect(raw).toContain(squeeze(`${dara.nameLatin} បានចាកចេញ ០ ${km(0)} ៤`));
    // A member who never held shares is not in the register.
    expect(raw).not.toContain(squeeze(vanna.nameKm));
  });

  it('ends with a bold total row equal to the register’s totals', async () => {
    const register = await shareRegister(db, TODAY);
    expect(register.totalCapital).toBe(register.totalShares * 20_000);
    expect(raw).toContain(
      squeeze(`សរុប ${formatNumber(register.totalShares, 'khmer')} ${km(register.totalCapital)}`),
    );
    expect(raw).toContain(squeeze(`សមាជិក ${toKhmerDigits(String(register.rows.length))} នាក់`));
    // The total row is the last row: after it comes the signature block.
    const last = pdftotext(pdf, '-raw').split('សរុប').at(-1) ?? '';
    expect(last).toContain('រៀបចំដោយ');
    // The total row is drawn in bold, the rows above it are not.
    const spans = readTextSpans(new PdfFile(pdf));
    const at = spans.findIndex((s) => s.actualText === 'សរុប');
    expect(spans[at]?.baseFont).toMatch(/NotoSansKhmer-Bold$/);
    expect(spans[at + 1]?.actualText).toBe(formatNumber(register.totalShares, 'khmer'));
    expect(spans[at + 1]?.baseFont).toMatch(/NotoSansKhmer-Bold$/);
    expect(spans[at - 1]?.baseFont).toMatch(/Regular$/);
  });

  it('runs over pages, repeating the header, with every glyph inside the margins', () => {
    const file = new PdfFile(pdf);
    const pages = file.pages().length;
    expect(pages).toBeGreaterThanOrEqual(2);
    const spans = readTextSpans(file);
    // Every page with rows of the table starts it with its header.
    const tablePages = new Set(spans.filter((s) => s.actualText === 'សកម្ម').map((s) => s.page));
    expect(tablePages.size).toBeGreaterThanOrEqual(2);
    for (const page of tablePages) {
      expect(spans.some((s) => s.page === page && s.actualText === 'ចំនួនហ៊ុន')).toBe(true);
    }
    for (let page = 0; page < pages; page++) {
      const footer = spans.filter((s) => s.page === page && s.actualText.startsWith('ទំព័រ'));
      expect(footer.map((s) => s.actualText)).toEqual([
        `ទំព័រ ${toKhmerDigits(String(page + 1))} នៃ ${toKhmerDigits(String(pages))}`,
      ]);
    }
    for (const span of spans) {
      for (const g of span.glyphs) {
        expect(g.x).toBeGreaterThanOrEqual(MARGIN - 0.01);
        expect(g.x).toBeLessThanOrEqual(A4.width - MARGIN);
        expect(g.y).toBeGreaterThanOrEqual(MARGIN);
        expect(g.y).toBeLessThanOrEqual(A4.height - MARGIN);
      }
    }
  });

  it('prints a name with emoji, Thai and control characters, control characters replaced visibly', () => {
    expect(raw).toContain(squeeze('ស្រី 😀🌾 สมชาย\ufffd\ufffdក្រុម'));
    expect(raw).toContain(squeeze('Odd 😀 สมชาย'));
  });

  it('prints in English with Latin digits on request', async () => {
    const english = await shareRegisterPdf(db, { lang: 'en', digits: 'latin', today: TODAY, asOf: TODAY });
    const text = squeeze(pdftotext(english, '-raw'));
    const register = await shareRegister(db, TODAY);
    const [sreymom, dara] = members as [Member, Member];
    for (const words of [
      'Share register',
      'As of 28 November 2026',
      `Par value of one share: ${en(20_000)}`,
    ]) {
      expect(text).toContain(squeeze(words));
    }
    expect(text).toContain(
      squeeze(`${sreymom.number} ${sreymom.nameKm} Sok Sreymom Active 11 ${en(220_000)} 1–3, 5`),
    );
    expect(text).toContain(squeeze(`Chan Dara Left 0 ${en(0)} 4`));
    expect(text).toContain(
      squeeze(`Total ${formatNumber(register.totalShares, 'latin')} ${en(register.totalCapital)}`),
    );
    expect(text).toContain(squeeze(`${register.rows.length} members`));
    expect(text).not.toMatch(/[\u17e0-\u17e9]/);
    expect(dara.number).toBe(2);
  });

  it('shows the register as it stood on an earlier day', async () => {
    const earlier = await shareRegisterPdf(db, {
      lang: 'en',
      digits: 'latin',
      today: TODAY,
      asOf: '2025-03-10',
    });
    const text = squeeze(pdftotext(earlier, '-raw'));
    expect(text).toContain(squeeze('As of 10 March 2025'));
    expect(text).toContain(squeeze(`Sok Sreymom Active 10 ${en(200_000)} 1–3`));
    expect(text).not.toContain('ChanDara');
    expect(text).toContain(squeeze(`Total 10 ${en(200_000)}`));
  });

  it('says so when nobody holds shares yet', async () => {
    const empty = await shareRegisterPdf(db, { lang: 'km', today: TODAY, asOf: '2024-12-31' });
    const text = squeeze(pdftotext(empty, '-raw'));
    expect(text).toContain(squeeze('មិនទាន់មានសមាជិកកាន់ភាគហ៊ុនទេ'));
    expect(text).toContain(squeeze('សមាជិក ០ នាក់'));
  });
});
