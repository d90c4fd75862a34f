import { type Digits, toLatinDigits, withDigits } from '../../shared/khmer';

/** Hundredths of a percent as a rate is written: 525 → '5.25%', or '៥,២៥%' with Khmer digits (CLDR km). */
export function formatRate(bp: number, digits: Digits): string {
  const decimal = digits === 'khmer' ? ',' : '.';
  const fraction = String(bp % 100).padStart(2, '0');
  return withDigits(`${Math.trunc(bp / 100)}${decimal}${fraction}%`, digits);
}

/**
 * A rate typed as a percentage ('5.25', '5,25', '៥,២៥', '5 %') in hundredths of a percent, or null when it
 * is not one. Exact: the digits are moved, never multiplied as a float (5.1 × 100 is 509.99…).
 */
export function parseRate(text: string): number | null {
  const match = /^(\d{1,5})(?:[.,](\d+))?$/.exec(toLatinDigits(text).replace(/[%\s]/g, ''));
  if (!match) return null;
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > 2) return null;
  return Number(match[1]) * 100 + Number(fraction.padEnd(2, '0'));
}
