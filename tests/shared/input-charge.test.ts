import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../../main/savings/interest-math';
import { chargeOf, creditMonths } from '../../shared/input-charge';

// The months of credit as the definition reads: add months to the sale's date until the due date is reached.
function monthsByCounting(date: string, dueDate: string): number {
  let months = 0;
  while (addMonths(date, months) < dueDate) months += 1;
  return months;
}

const isoDay = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('months of credit and the charge the sale form shows before posting', () => {
  it('counts a part month as a whole one, month ends included', () => {
    expect(creditMonths('2026-06-10', '2026-12-10')).toBe(6);
    expect(creditMonths('2026-06-10', '2026-12-11')).toBe(7);
    expect(creditMonths('2026-01-31', '2026-02-28')).toBe(1);
    expect(creditMonths('2026-01-31', '2026-03-01')).toBe(2);
    expect(creditMonths('2026-06-10', '2026-06-10')).toBe(0);
    expect(chargeOf({ kind: 'rate', monthlyBp: 150 }, 230_000, '2026-06-10', '2026-12-10')).toBe(20_700);
  });

  it('agrees with adding months one at a time, for any sale date and due date', () => {
    fc.assert(
      fc.property(isoDay, isoDay, (a, b) => {
        const [date, due] = a <= b ? [a, b] : [b, a];
        expect(creditMonths(date, due)).toBe(monthsByCounting(date, due));
      }),
      { numRuns: 2000 },
    );
  });
});
