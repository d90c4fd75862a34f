// Properties of the inputs business over generated seasons: whatever purchases, sales, adjustments, counts
// and reversals happen in whatever order, the stock accounts hold exactly the items' value at average cost,
// no quantity or value goes below zero, an item with nothing left is worth nothing, and the member credit
// in the aging is the credit account's balance.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCooperative } from '../../main/cooperative/profile';
import { openDatabase } from '../../main/db/open';
import { creditAging } from '../../main/inputs/credit';
import { createItem, createSupplier } from '../../main/inputs/items';
import { postPurchase } from '../../main/inputs/purchases';
import { postInputSale, postRepayment } from '../../main/inputs/sales';
import { adjustStock, countStock, stockOnHand } from '../../main/inputs/stock';
import { accountByRole } from '../../main/ledger/accounts';
import { type Actor, reverseEntry } from '../../main/ledger/posting';
import { createMember } from '../../main/members/register';
import { DomainError } from '../../shared/errors';
import { memberInputSchema } from '../../shared/schemas';
import { preyKhla } from '../support/cooperative';

const ACTOR: Actor = { today: '2026-11-28', timestamp: '2026-11-28T03:00:00.000Z', user: 'លី ចន្ធូ' };
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-inputs-prop-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Step =
  | { kind: 'buy'; item: number; quantity: number; unitCost: number }
  | { kind: 'sell'; item: number; member: number; quantity: number; unitPrice: number; credit: boolean }
  | { kind: 'adjust'; item: number; quantity: number; reason: 'damage' | 'loss' | 'found' }
  | { kind: 'count'; item: number; counted: number }
  | { kind: 'repay'; member: number; amount: number }
  | { kind: 'reverse'; back: number };

const item = fc.integer({ min: 0, max: 2 });
const member = fc.integer({ min: 0, max: 2 });
// Thousandths of a unit, so that fractional kilograms and rounding of the average are exercised.
const quantity = fc.integer({ min: 1, max: 40_000 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('buy' as const),
    item,
    quantity,
    unitCost: fc.integer({ min: 1, max: 150_000 }),
  }),
  fc.record({
    kind: fc.constant('sell' as const),
    item,
    member,
    quantity,
    unitPrice: fc.integer({ min: 1, max: 200_000 }),
    credit: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('adjust' as const),
    item,
    quantity,
    reason: fc.constantFrom('damage' as const, 'loss' as const, 'found' as const),
  }),
  fc.record({ kind: fc.constant('count' as const), item, counted: fc.integer({ min: 0, max: 60_000 }) }),
  fc.record({ kind: fc.constant('repay' as const), member, amount: fc.integer({ min: 1, max: 3_000_000 }) }),
  fc.record({ kind: fc.constant('reverse' as const), back: fc.integer({ min: 0, max: 5 }) }),
);

let run = 0;

describe('inputs properties', () => {
  it('keep the stock accounts equal to the items’ value and nothing below zero, over any sequence', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), async (steps) => {
        run += 1;
        const opened = await openDatabase(join(dir, `run-${run}.db`));
        const db = opened.db;
        try {
          await createCooperative(db, preyKhla, ACTOR);
          const members = [];
          for (const nameKm of ['សុខ ស្រីមុំ', 'ចាន់ ដារា', 'ហេង សុភា']) {
            members.push(
              await createMember(
                db,
                memberInputSchema.parse({
                  nameKm,
                  nameLatin: '',
                  sex: 'F',
                  birthDate: '',
                  nationalId: '',
                  phone: '',
                  village: '',
                  commune: '',
                  joinDate: '2021-01-01',
                  nextOfKin: '',
                  notes: '',
                }),
                ACTOR,
              ),
            );
          }
          const [stockAccount, income, cash] = await Promise.all(
            ['input_stock', 'input_sales', 'cash_khr'].map(
              async (role) => (await accountByRole(db, role)).id,
            ),
          );
          const items = [];
          for (const [nameKm, unit] of [
            ['ជីអ៊ុយរ៉េ', 'bag50'],
            ['គ្រាប់ពូជ', 'kg'],
            ['ថ្នាំ', 'litre'],
          ] as const) {
            items.push(
              (
                await createItem(
                  db,
                  {
                    nameKm,
                    nameLatin: '',
                    unit,
                    salePrice: 1_000,
                    stockAccountId: stockAccount ?? 0,
                    incomeAccountId: income ?? 0,
                  },
                  ACTOR,
                )
              ).id,
            );
          }
          const supplierId = (await createSupplier(db, { name: 'ហាង ជី', phone: '', village: '' }, ACTOR)).id;
          const posted: number[] = [];
          let day = 0;
          for (const s of steps) {
            day += 1;
            const date = new Date(Date.UTC(2026, 0, day)).toISOString().slice(0, 10);
            const itemId = 'item' in s ? (items[s.item] ?? 0) : 0;
            const memberId = 'member' in s ? (members[s.member]?.id ?? 0) : 0;
            try {
              const result =
                s.kind === 'buy'
                  ? await postPurchase(
                      db,
                      {
                        supplierId,
                        date,
                        payment: 'credit',
                        currency: 'KHR',
                        cashAccountId: null,
                        rate: null,
                        reference: '',
                        lines: [{ itemId, quantity: s.quantity, unitCost: s.unitCost }],
                      },
                      ACTOR,
                    )
                  : s.kind === 'sell'
                    ? await postInputSale(
                        db,
                        {
                          memberId,
                          date,
                          payment: s.credit ? 'credit' : 'cash',
                          cashAccountId: s.credit ? null : (cash ?? 0),
                          dueDate: s.credit ? '2026-12-15' : null,
                          charge: s.credit ? { kind: 'rate', monthlyBp: 150 } : { kind: 'none' },
                          lines: [{ itemId, quantity: s.quantity, unitPrice: s.unitPrice }],
                        },
                        ACTOR,
                      )
                    : s.kind === 'adjust'
                      ? await adjustStock(
                          db,
                          {
                            itemId,
                            date,
                            reason: s.reason,
                            quantity: s.reason === 'found' ? s.quantity : -s.quantity,
                            note: '',
                          },
                          ACTOR,
                        )
                      : s.kind === 'count'
                        ? await countStock(
                            db,
                            { date, note: '', counts: [{ itemId, counted: s.counted }] },
                            ACTOR,
                          )
                        : s.kind === 'repay'
                          ? await postRepayment(
                              db,
                              { memberId, date, cashAccountId: cash ?? 0, amount: s.amount, saleId: null },
                              ACTOR,
                            )
                          : { entryId: posted[posted.length - 1 - s.back] ?? null };
              if (s.kind === 'reverse') {
                if (result.entryId)
                  await reverseEntry(db, { entryId: result.entryId, reason: 'កែតម្រូវ', date }, ACTOR);
              } else if (result.entryId) posted.push(result.entryId);
            } catch (error) {
              // Refusals (not enough stock, nothing owed, already reversed...) are part of the game; the
              // property is about what was accepted.
              if (!(error instanceof DomainError)) throw error;
            }
            const stock = await stockOnHand(db, date);
            expect(stock.ledgerValue).toBe(stock.totalValue);
            for (const row of stock.rows) {
              expect(row.quantity).toBeGreaterThanOrEqual(0);
              expect(row.value).toBeGreaterThanOrEqual(0);
              if (row.quantity === 0) expect(row.value).toBe(0);
            }
            const aging = await creditAging(db, date);
            expect(aging.totals.total).toBe(aging.ledgerBalance);
            expect(aging.totals.total).toBeGreaterThanOrEqual(0);
          }
        } finally {
          await opened.close();
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
