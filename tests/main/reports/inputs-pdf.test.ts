// The farm-inputs reports read back as a reader would (pdftotext), on a demo cooperative with two input
// seasons a year: each printed total is the figure the inputs functions give, in the report's digits.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenedDatabase, openDatabase } from '../../../main/db/open';
import type { Database } from '../../../main/db/schema';
import { createDemoCooperative } from '../../../main/demo/cooperative';
import { boardInputs } from '../../../main/inputs/board-figures';
import { creditAging, inputCreditStatements } from '../../../main/inputs/credit';
import { inputSalesReport } from '../../../main/inputs/sales-report';
import { stockOnHand } from '../../../main/inputs/stock';
import { boardStatement } from '../../../main/reports/board-data';
import { boardStatementPdf } from '../../../main/reports/board-statement';
import { creditAgingPdf, inputSalesPdf, stockPdf } from '../../../main/reports/inputs';
import { memberStatementPdf } from '../../../main/reports/member-statement';
import { formatAmount } from '../../../shared/khmer';

const NOW = { today: '2026-03-24', timestamp: '2026-03-24T08:00:00.000Z' };
let dir: string;
let opened: OpenedDatabase;
let db: Kysely<Database>;

const squeeze = (s: string) => s.replace(/\s+/g, '');
const km = (amount: number) => formatAmount(amount, 'KHR', { digits: 'khmer', brackets: true });
const en = (amount: number) => formatAmount(amount, 'KHR', { digits: 'latin', brackets: true });

function pdftotext(pdf: Buffer): string {
  const file = join(dir, `report-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'], { encoding: 'utf8' });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-inputs-pdf-'));
  opened = await openDatabase(join(dir, 'demo.db'));
  db = opened.db;
  await createDemoCooperative(db, { members: 60, seed: 5, years: 2, now: NOW });
}, 120_000);

afterAll(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

const options = { lang: 'km' as const, today: NOW.today };

describe('the farm-inputs reports', () => {
  it('print the stock on hand with its total equal to the stock account', async () => {
    const stock = await stockOnHand(db, '2026-02-28');
    expect(stock.totalValue).toBe(stock.ledgerValue);
    expect(stock.rows.length).toBe(4);
    const text = squeeze(pdftotext(await stockPdf(db, { ...options, asOf: '2026-02-28' })));
    expect(text).toContain('របាយការណ៍ស្តុកធាតុចូលកសិកម្ម');
    expect(text).toContain(squeeze(`សរុប ${km(stock.totalValue)}`));
    for (const row of stock.rows) expect(text).toContain(squeeze(row.nameKm));
  });

  it('print the aging per member with totals that add up to the credit account', async () => {
    const aging = await creditAging(db, NOW.today);
    expect(aging.rows.length).toBeGreaterThan(10);
    expect(aging.totals.total).toBe(aging.ledgerBalance);
    const text = squeeze(pdftotext(await creditAgingPdf(db, { ...options, asOf: NOW.today })));
    const t = aging.totals;
    expect(text).toContain(
      squeeze(`សរុប ${km(t.current)} ${km(t.days1to30)} ${km(t.days31to90)} ${km(t.over90)} ${km(t.total)}`),
    );
    const first = aging.rows[0];
    expect(text).toContain(squeeze(first?.nameKm ?? 'none'));
  });

  it('print the period’s sales by item and each sale, in English with Latin digits on request', async () => {
    const report = await inputSalesReport(db, '2025-01-01', '2025-12-31');
    expect(report.rows.length).toBeGreaterThan(20);
    const text = pdftotext(
      await inputSalesPdf(db, {
        lang: 'en',
        digits: 'latin',
        today: NOW.today,
        from: '2025-01-01',
        to: '2025-12-31',
      }),
    );
    expect(text).toContain('Farm input sales');
    expect(squeeze(text)).toContain(squeeze(en(report.totals.goods)));
    expect(squeeze(text)).toContain(squeeze(report.rows[0]?.number ?? 'none'));
    expect(text).not.toMatch(/[\u17e0-\u17e9]/);
  });

  it('put the member’s input credit in the member statement beside shares and savings', async () => {
    const busiest = await db
      .selectFrom('input_sales')
      .select(['member_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('payment', '=', 'credit')
      .groupBy('member_id')
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow();
    const [credit] = (await inputCreditStatements(db, [busiest.member_id], '2025-06-01', NOW.today)).values();
    expect(credit?.movements.length).toBeGreaterThan(1);
    const ledger = await db
      .selectFrom('journal_lines')
      .innerJoin('accounts', 'accounts.id', 'journal_lines.account_id')
      .select((eb) => eb.fn.sum<number>('amount').as('owed'))
      .where('accounts.role', '=', 'input_credit_khr')
      .where('member_id', '=', busiest.member_id)
      .executeTakeFirstOrThrow();
    expect(credit?.closing).toBe(ledger.owed);
    const text = squeeze(
      pdftotext(
        await memberStatementPdf(db, {
          ...options,
          memberId: busiest.member_id,
          from: '2025-06-01',
          to: NOW.today,
        }),
      ),
    );
    expect(text).toContain('ឥណទានធាតុចូលកសិកម្ម');
    expect(text).toContain(squeeze(`នៅជំពាក់ចុងគ្រា ${km(credit?.closing ?? -1)}`));
    for (const movement of credit?.movements ?? []) expect(text).toContain(movement.number ?? 'none');
  });

  it('give the board statement its inputs section, with the figures of the month and the year', async () => {
    const statement = await boardStatement(db, '2025-12');
    const inputs = await boardInputs(db, '2025-01-01', '2025-12-01', '2025-12-31');
    expect(statement.inputs).toEqual(inputs);
    expect(inputs.sales.yearToDate).toBeGreaterThan(inputs.sales.month);
    expect(inputs.repayments.month).toBeGreaterThan(0);
    const aging = await creditAging(db, '2025-12-31');
    expect(inputs.creditOutstanding).toBe(aging.ledgerBalance);
    const text = squeeze(pdftotext(await boardStatementPdf(db, { ...options, month: '2025-12' })));
    expect(text).toContain('៤.អាជីវកម្មធាតុចូលកសិកម្ម');
    expect(text).toContain(squeeze(`លក់ឱ្យសមាជិក ${km(inputs.sales.month)} ${km(inputs.sales.yearToDate)}`));
    expect(text).toContain(squeeze(km(inputs.creditOutstanding)));
    expect(text).toContain('៥.ចំណូលនិងចំណាយ');
  });
});
