// The member statement PDF read back the way a reader would: pdftotext for the names and figures (page by page
// for the all-members document, where each member starts a new page), the PDF's own glyph positions
// (pdf-reader.ts) for the margins and the footer.

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
import { memberStatement } from '../../../main/members/statement';
import { printable } from '../../../main/reports/layout';
import { memberStatementPdf } from '../../../main/reports/member-statement';
import { depositSavings, openSavingsAccount, withdrawSavings } from '../../../main/savings/accounts';
import { postInterest } from '../../../main/savings/interest';
import { createProduct } from '../../../main/savings/products';
import { purchaseShares, redeemShares, transferShares } from '../../../main/shares/shares';
import { type Currency, formatAmount, toKhmerDigits } from '../../../shared/khmer';
import type { SavingsProductInput } from '../../../shared/savings';
import { type Member, memberInputSchema } from '../../../shared/schemas';
import { ordinaryRielSavings, preyKhla } from '../../support/cooperative';
import { PdfFile, readTextSpans } from './pdf-reader';

const ACTOR: Actor = { today: '2026-11-28', timestamp: '2026-11-28T03:00:00.000Z', user: 'លី ចន្ធូ' };
const TODAY = '2026-11-28';
const MM = 72 / 25.4;
const MARGIN = 15 * MM;
const A4 = { width: 595.28, height: 841.89 };
const ODD_NAME = 'ស្រី 😀🌾 สมชาย\u0000\u0007\u001bក្រុម';

const ORDINARY: SavingsProductInput = ordinaryRielSavings;
const DOLLARS: SavingsProductInput = {
  ...ORDINARY,
  nameKm: 'ប្រាក់សន្សំដុល្លារ',
  nameEn: 'Dollar savings',
  currency: 'USD',
  minOpeningDeposit: 1_000,
};

let db: Kysely<Database>;
let close: () => Promise<void>;
let dir: string;
let cashKhr: number;
let cashUsd: number;
/** Sreymom: shares and two savings accounts; Dara: shares only; Odd: nothing; Sophea: received shares, then died. */
let sreymom: Member;
let dara: Member;
let odd: Member;
let sophea: Member;
let many: Member[];

const squeeze = (s: string) => s.replace(/\s+/g, '');
const km = (amount: number, currency: Currency = 'KHR') =>
  formatAmount(amount, currency, { digits: 'khmer', brackets: true });
const en = (amount: number, currency: Currency = 'KHR') =>
  formatAmount(amount, currency, { digits: 'latin', brackets: true });

function pdftotext(pdf: Buffer, ...args: string[]): string {
  const file = join(dir, `report-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', ...args, file, '-'], { encoding: 'utf8' });
}

function member(nameKm: string, nameLatin: string) {
  return createMember(
    db,
    memberInputSchema.parse({
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
    }),
    ACTOR,
  );
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'member-statement-pdf-'));
  const opened = await openDatabase(join(dir, 'books.db'));
  db = opened.db;
  close = opened.close;
  await createCooperative(db, { ...preyKhla, foundedOn: '2020-01-01', sharePar: 20_000 }, ACTOR);
  cashKhr = (await accountByRole(db, 'cash_khr')).id;
  cashUsd = (await accountByRole(db, 'cash_usd')).id;
  await postOpeningBalances(
    db,
    {
      date: '2020-01-01',
      lines: [
        { accountId: cashKhr, memberId: null, amount: 50_000_000 },
        { accountId: (await accountByRole(db, 'opening_khr')).id, memberId: null, amount: 50_000_000 },
        { accountId: cashUsd, memberId: null, amount: 500_000 },
        { accountId: (await accountByRole(db, 'opening_usd')).id, memberId: null, amount: 500_000 },
      ],
    },
    ACTOR,
  );
  sreymom = await member('សុខ ស្រីមុំ', 'Sok Sreymom');
  dara = await member('ចាន់ ដារ៉ា', 'Chan Dara');
  odd = await member(ODD_NAME, 'Odd 😀 สมชาย');
  sophea = await member('កែវ សុភា', '');
  many = [];
  for (let i = 0; i < 6; i++) many.push(await member(`ស្ត្រី ក្រុម ${i + 1}`, `Member ${i + 5}`));

  const buy = (m: Member, shares: number, date: string) =>
    purchaseShares(db, { memberId: m.id, date, shares, cashAccountId: cashKhr }, ACTOR);
  await buy(sreymom, 5, '2025-01-10'); // certificate 1
  await buy(sreymom, 3, '2025-02-10'); // 2
  await buy(dara, 4, '2025-02-11'); // 3
  await buy(sreymom, 2, '2025-03-10'); // 4
  await transferShares(
    db,
    {
      fromMemberId: dara.id,
      toMemberId: sophea.id,
      date: '2025-04-01',
      shares: 1,
      decisionRef: 'លេខ ០៣/២០២៥',
    },
    ACTOR,
  ); // 5, for Sophea
  for (const [i, m] of many.entries()) await buy(m, i + 1, '2025-05-01');

  const ordinary = await createProduct(db, ORDINARY, ACTOR);
  const dollars = await createProduct(db, DOLLARS, ACTOR);
  const riel = await openSavingsAccount(
    db,
    {
      memberId: sreymom.id,
      productId: ordinary.id,
      date: '2025-01-10',
      amount: 100_000,
      cashAccountId: cashKhr,
    },
    ACTOR,
  );
  await depositSavings(
    db,
    { savingsAccountId: riel.savingsAccountId, date: '2025-02-15', amount: 250_000, cashAccountId: cashKhr },
    ACTOR,
  );
  await withdrawSavings(
    db,
    { savingsAccountId: riel.savingsAccountId, date: '2025-03-20', amount: 50_000, cashAccountId: cashKhr },
    ACTOR,
  );
  await postInterest(db, ordinary.id, '2025-03', ACTOR);
  await depositSavings(
    db,
    { savingsAccountId: riel.savingsAccountId, date: '2026-06-01', amount: 75_000, cashAccountId: cashKhr },
    ACTOR,
  );
  const usd = await openSavingsAccount(
    db,
    {
      memberId: sreymom.id,
      productId: dollars.id,
      date: '2025-02-01',
      amount: 31_250,
      cashAccountId: cashUsd,
    },
    ACTOR,
  );
  await withdrawSavings(
    db,
    { savingsAccountId: usd.savingsAccountId, date: '2026-07-01', amount: 1_250, cashAccountId: cashUsd },
    ACTOR,
  );
  // Sophea saves, then dies: her shares and savings are paid out together.
  await openSavingsAccount(
    db,
    {
      memberId: sophea.id,
      productId: ordinary.id,
      date: '2025-04-02',
      amount: 40_000,
      cashAccountId: cashKhr,
    },
    ACTOR,
  );
  await exitMember(db, { id: sophea.id, status: 'deceased', exitDate: '2026-08-01', reason: '' }, ACTOR);
  await redeemShares(
    db,
    { memberId: sophea.id, date: '2026-08-02', cashAccountId: cashKhr, settle: true },
    ACTOR,
  );
}, 120_000);

afterAll(async () => {
  await close();
  rmSync(dir, { recursive: true, force: true });
});

describe('one member’s statement', () => {
  let pdf: Buffer;
  let raw: string;

  beforeAll(async () => {
    pdf = await memberStatementPdf(db, { lang: 'km', today: TODAY, memberId: sreymom.id, to: TODAY });
    raw = squeeze(pdftotext(pdf, '-raw'));
  }, 60_000);

  it('names the member, with number and status, under the report’s title and date', () => {
    for (const text of [
      'របាយការណ៍សមាជិក',
      'គិតត្រឹមថ្ងៃទី២៨ ខែវិច្ឆិកា ឆ្នាំ២០២៦',
      `សមាជិកលេខ ${toKhmerDigits(String(sreymom.number))} · សុខ ស្រីមុំ (Sok Sreymom)`,
      'ស្ថានភាព៖ សកម្ម',
    ]) {
      expect(raw).toContain(squeeze(text));
    }
    // Nobody else's statement.
    expect(raw).not.toContain(squeeze('ចាន់ ដារ៉ា'));
    expect(new PdfFile(pdf).pages().length).toBeLessThanOrEqual(2);
  });

  it('shows the shares: count, capital, certificates as ranges, and every movement', async () => {
    const statement = await memberStatement(db, sreymom.id, TODAY);
    expect(statement.shares.shares).toBe(10);
    expect(raw).toContain(squeeze(`១០ ហ៊ុន ${km(200_000)} ១–២, ៤`));
    const purchases = statement.shares.movements.map((m) => m.entryNumber);
    expect(purchases).toHaveLength(3);
    expect(raw).toContain(squeeze(`១០/០១/២០២៥ ${purchases[0]} ទិញ +៥ ១`));
    expect(raw).toContain(squeeze(`១០/០៣/២០២៥ ${purchases[2]} ទិញ +២ ៤`));
  });

  it('shows each savings account with every movement, its running balance, closing balance and interest', async () => {
    const statement = await memberStatement(db, sreymom.id, TODAY);
    const [riel, usd] = statement.savings;
    if (!riel || !usd) throw new Error('two accounts expected');
    expect(riel.interestEarned).toBeGreaterThan(0);
    expect(raw).toContain(squeeze(`ប្រាក់សន្សំធម្មតា (KHR)`));
    expect(raw).toContain(squeeze(`លេខគណនី៖ ${riel.number}`));
    expect(raw).toContain(squeeze(`ការប្រាក់ទទួលបាន៖ ${km(riel.interestEarned)}`));
    // Every movement with its receipt number, kind, amount in or out, and the balance after it.
    expect(riel.movements.length).toBe(5);
    for (const m of riel.movements) {
      const date = toKhmerDigits(m.date.split('-').reverse().join('/'));
      const kind = { savings_deposit: 'ដាក់ប្រាក់', savings_withdrawal: 'ដកប្រាក់', interest: 'ការប្រាក់' }[m.kind];
      expect(kind).toBeDefined();
      expect(raw).toContain(
        squeeze(`${date} ${m.number ?? ''} ${kind} ${km(Math.abs(m.amount))} ${km(m.balance)}`),
      );
    }
    expect(raw).toContain(squeeze(`សរុប ${km(425_000 + riel.interestEarned)} ${km(50_000)}`));
    expect(raw).toContain(squeeze(`២៨/១១/២០២៦ សមតុល្យចុងគ្រា ${km(riel.balance)}`));
    expect(riel.balance).toBe(375_000 + riel.interestEarned);
    // Dollars with cents, the Khmer way: ៣១២,៥០$.
    expect(raw).toContain(squeeze('ប្រាក់សន្សំដុល្លារ (USD)'));
    expect(km(31_250, 'USD')).toBe('៣១២,៥០$');
    expect(raw).toContain(squeeze(`${km(31_250, 'USD')} ${km(31_250, 'USD')}`));
    expect(raw).toContain(squeeze(`សមតុល្យចុងគ្រា ${km(30_000, 'USD')}`));
  });

  it('starts from a day with the balance brought forward', async () => {
    const period = await memberStatementPdf(db, {
      lang: 'en',
      digits: 'latin',
      today: TODAY,
      memberId: sreymom.id,
      from: '2026-01-01',
      to: '2026-06-30',
    });
    const text = squeeze(pdftotext(period, '-raw'));
    const statement = await memberStatement(db, sreymom.id, '2026-06-30', '2026-01-01');
    const riel = statement.savings[0];
    if (!riel) throw new Error('account expected');
    expect(text).toContain(squeeze('From 1 January 2026 to 30 June 2026'));
    expect(text).toContain(squeeze(`01/01/2026 Opening balance ${en(riel.opening)}`));
    expect(riel.opening).toBe(300_000 + riel.interestEarned);
    expect(text).toContain(
      squeeze(`01/06/2026 ${riel.movements[0]?.number} Deposit ${en(75_000)} ${en(riel.balance)}`),
    );
    // Nothing from before the period, nothing after it.
    expect(text).not.toContain(squeeze(en(250_000)));
    expect(text).not.toContain(squeeze(`Withdrawal ${en(1_250, 'USD')}`));
    expect(text).toContain(squeeze(`30/06/2026 Closing balance ${en(riel.balance)}`));
  });

  it('prints in English with Latin digits on request', async () => {
    const english = await memberStatementPdf(db, {
      lang: 'en',
      digits: 'latin',
      today: TODAY,
      memberId: sreymom.id,
      to: TODAY,
    });
    const text = squeeze(pdftotext(english, '-raw'));
    for (const words of [
      'Member statement',
      'As of 28 November 2026',
      `Member No. ${sreymom.number} · សុខ ស្រីមុំ (Sok Sreymom)`,
      'Status: Active',
      `10 shares ${en(200_000)} 1–2, 4`,
      'Ordinary savings (KHR)',
      `Deposit ${en(250_000)} ${en(350_000)}`,
      'Dollar savings (USD)',
      `Withdrawal ${en(1_250, 'USD')} ${en(30_000, 'USD')}`,
      '$300.00',
      'Prepared by',
    ]) {
      expect(text).toContain(squeeze(words));
    }
    expect(text).not.toMatch(/[\u17e0-\u17e9]/);
  });

  it('says so for a member with no savings account, and shows transfers and payouts in the member’s words', async () => {
    const shares = squeeze(
      pdftotext(
        await memberStatementPdf(db, { lang: 'km', today: TODAY, memberId: dara.id, to: TODAY }),
        '-raw',
      ),
    );
    expect(shares).toContain(squeeze('មិនទាន់មានគណនីសន្សំ'));
    expect(shares).toContain(squeeze(`ផ្ទេរទៅសមាជិកលេខ ${toKhmerDigits(String(sophea.number))} -១`));
    expect(shares).toContain(squeeze('លេខ ០៣/២០២៥'));
    const gone = await memberStatementPdf(db, {
      lang: 'en',
      digits: 'latin',
      today: TODAY,
      memberId: sophea.id,
      to: TODAY,
    });
    const text = squeeze(pdftotext(gone, '-raw'));
    expect(text).toContain(squeeze('Status: Deceased'));
    expect(text).toContain(squeeze(`Transfer from member ${dara.number} +1 5`));
    expect(text).toContain(squeeze('Redemption -1'));
    // Before she died: the account still open, its balance to the statement's day.
    const before = squeeze(
      pdftotext(
        await memberStatementPdf(db, {
          lang: 'en',
          digits: 'latin',
          today: TODAY,
          memberId: sophea.id,
          to: '2026-07-31',
        }),
        '-raw',
      ),
    );
    expect(before).toContain(squeeze(`31/07/2026 Closing balance ${en(40_000)}`));
    expect(before).not.toContain(squeeze('Closed:'));
    expect(before).toContain(squeeze(`1 share ${en(20_000)} 5`));
    // Holding no shares, she shows no certificate; her savings were paid out when she left.
    expect(text).toContain(squeeze(`0 shares ${en(0)} None`));
    expect(text).toContain(squeeze(`Settled on leaving ${en(40_000)} ${en(0)}`));
  });

  it('prints a name with emoji, Thai and control characters, and no shares or savings at all', async () => {
    const pdf = await memberStatementPdf(db, { lang: 'km', today: TODAY, memberId: odd.id, to: TODAY });
    const text = squeeze(pdftotext(pdf, '-raw'));
    expect(text).toContain(squeeze('ស្រី 😀🌾 สมชาย\ufffd\ufffd\ufffdក្រុម'));
    expect(text).toContain(squeeze('Odd 😀 สมชาย'));
    expect(text).toContain(squeeze(`០ ហ៊ុន ${km(0)} គ្មាន`));
    expect(text).toContain(squeeze('មិនទាន់មានប្រតិបត្តិការភាគហ៊ុន'));
    expect(text).toContain(squeeze('មិនទាន់មានគណនីសន្សំ'));
  });

  it('keeps every glyph within the page margins', () => {
    const spans = readTextSpans(new PdfFile(pdf));
    expect(spans.length).toBeGreaterThan(50);
    for (const span of spans) {
      for (const g of span.glyphs) {
        expect(g.x).toBeGreaterThanOrEqual(MARGIN - 0.01);
        expect(g.x).toBeLessThanOrEqual(A4.width - MARGIN);
        expect(g.y).toBeGreaterThanOrEqual(MARGIN);
        expect(g.y).toBeLessThanOrEqual(A4.height - MARGIN);
      }
    }
  });
});

describe('every member’s statement in one document', () => {
  let pdf: Buffer;
  let pages: number;
  let all: Member[];

  beforeAll(async () => {
    pdf = await memberStatementPdf(db, { lang: 'km', today: TODAY, to: TODAY });
    pages = new PdfFile(pdf).pages().length;
    all = [sreymom, dara, odd, sophea, ...many];
  }, 60_000);

  const heading = (m: Member) => squeeze(`សមាជិកលេខ ${toKhmerDigits(String(m.number))} ·`);

  it('has every member, whatever the status, in member-number order, each starting a new page', () => {
    expect(all.map((m) => m.number)).toEqual(all.map((_, i) => i + 1));
    const firstPage: number[] = [];
    for (let page = 1; page <= pages; page++) {
      const text = squeeze(pdftotext(pdf, '-raw', '-f', String(page), '-l', String(page)));
      const starting = all.filter((m) => text.includes(heading(m)));
      // At most one member per page; the member's heading is the first thing on the page (after the frame's
      // header on the first page).
      expect(starting.length).toBeLessThanOrEqual(1);
      const [m] = starting;
      if (!m) continue;
      firstPage.push(page);
      const before = text.slice(0, text.indexOf(heading(m)));
      if (page === 1) expect(before.endsWith(squeeze('គិតត្រឹមថ្ងៃទី២៨ ខែវិច្ឆិកា ឆ្នាំ២០២៦'))).toBe(true);
      else expect(before).toBe('');
      expect(text).toContain(squeeze(printable(m.nameKm)));
    }
    expect(firstPage).toHaveLength(all.length);
    expect(firstPage).toEqual([...firstPage].sort((a, b) => a - b));
    expect(firstPage[0]).toBe(1);
    // One statement per member: a whole document of these pages.
    expect(pages).toBeGreaterThanOrEqual(all.length);
  });

  it('counts the pages of the whole document in the footer, and signs once at the end', () => {
    const spans = readTextSpans(new PdfFile(pdf));
    for (let page = 0; page < pages; page++) {
      const footer = spans.filter((s) => s.page === page && s.actualText.startsWith('ទំព័រ'));
      expect(footer.map((s) => s.actualText)).toEqual([
        `ទំព័រ ${toKhmerDigits(String(page + 1))} នៃ ${toKhmerDigits(String(pages))}`,
      ]);
    }
    expect(spans.filter((s) => s.actualText === 'រៀបចំដោយ').map((s) => s.page)).toEqual([pages - 1]);
    for (const span of spans) {
      for (const g of span.glyphs) {
        expect(g.x).toBeGreaterThanOrEqual(MARGIN - 0.01);
        expect(g.x).toBeLessThanOrEqual(A4.width - MARGIN);
      }
    }
  });

  it('gives each member the same figures as their own statement', async () => {
    const last = many.at(-1) as Member;
    const text = squeeze(pdftotext(pdf, '-raw', '-f', String(pages - 1), '-l', String(pages)));
    expect(text).toContain(heading(last));
    expect(text).toContain(squeeze(`៦ ហ៊ុន ${km(120_000)}`));
    const own = squeeze(
      pdftotext(
        await memberStatementPdf(db, { lang: 'km', today: TODAY, memberId: last.id, to: TODAY }),
        '-raw',
      ),
    );
    const body = (t: string) => t.slice(t.indexOf(heading(last)), t.indexOf(squeeze('រៀបចំដោយ')));
    expect(body(text)).toBe(body(own));
  });
});

describe('a cooperative without members', () => {
  it('prints the frame and says there is nobody yet', async () => {
    const opened = await openDatabase(join(dir, 'empty.db'));
    try {
      await createCooperative(opened.db, { ...preyKhla, foundedOn: '2020-01-01' }, ACTOR);
      const pdf = await memberStatementPdf(opened.db, { lang: 'km', today: TODAY, to: TODAY });
      const text = squeeze(pdftotext(pdf, '-raw'));
      expect(text).toContain(squeeze('របាយការណ៍សមាជិក'));
      expect(text).toContain(squeeze('មិនទាន់មានសមាជិក'));
      expect(new PdfFile(pdf).pages()).toHaveLength(1);
    } finally {
      await opened.close();
    }
  });
});
