import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memberShares, shareByWeight } from '../../main/sales/payout-math';

const weights = fc.array(fc.integer({ min: 1, max: 50_000_000 }), { minLength: 1, maxLength: 300 });
const proceeds = fc.oneof(fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 2_000_000_000_000 }));
const fee = fc.oneof(
  fc.record({ kind: fc.constant('per_kg' as const), value: fc.integer({ min: 0, max: 500_000 }) }),
  fc.record({ kind: fc.constant('percent' as const), value: fc.integer({ min: 0, max: 10_000 }) }),
);

describe('payout arithmetic', () => {
  it('shares add up exactly to the total, none negative, each within one unit of its exact share', () => {
    fc.assert(
      fc.property(proceeds, weights, (total, ws) => {
        const shares = shareByWeight(total, ws);
        expect(shares.reduce((s, x) => s + x, 0)).toBe(total);
        const sum = ws.reduce((s, w) => s + BigInt(w), 0n);
        for (const [i, share] of shares.entries()) {
          expect(share).toBeGreaterThanOrEqual(0);
          const exact = BigInt(total) * BigInt(ws[i] ?? 0);
          // floor(exact / sum) <= share <= floor(exact / sum) + 1
          expect(BigInt(share) * sum).toBeLessThanOrEqual(exact + sum);
          expect(BigInt(share) * sum + sum).toBeGreaterThan(exact);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('every member gets gross = fee + credit + net with nothing negative, and the payouts add up to what is distributable', () => {
    fc.assert(
      fc.property(
        proceeds,
        fc.array(
          fc.record({
            netG: fc.integer({ min: 1, max: 50_000_000 }),
            creditOwed: fc.integer({ min: 0, max: 5_000_000 }),
          }),
          {
            minLength: 1,
            maxLength: 200,
          },
        ),
        fee,
        (total, members, feeRule) => {
          const shares = memberShares(total, members, feeRule);
          const sum = (key: 'gross' | 'fee' | 'credit' | 'net') => shares.reduce((s, x) => s + x[key], 0);
          expect(sum('gross')).toBe(total);
          expect(sum('fee') + sum('credit') + sum('net')).toBe(total);
          for (const [i, share] of shares.entries()) {
            expect(share.fee).toBeGreaterThanOrEqual(0);
            expect(share.credit).toBeGreaterThanOrEqual(0);
            expect(share.net).toBeGreaterThanOrEqual(0);
            expect(share.credit).toBeLessThanOrEqual(members[i]?.creditOwed ?? 0);
            expect(share.gross).toBe(share.fee + share.credit + share.net);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the leftover riel to the largest remainders, the earlier member on a tie', () => {
    expect(shareByWeight(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(shareByWeight(3_798_000, [1_000_000, 1_900_000, 490_000])).toEqual([
      1_120_354, 2_128_673, 548_973,
    ]);
    expect(shareByWeight(0, [5, 7])).toEqual([0, 0]);
  });
});
