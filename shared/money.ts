import { type Currency, toLatinDigits } from './khmer';

/** Digits after the decimal point in each currency's written form: riel has none in practice. */
export const MINOR_DIGITS: Record<Currency, number> = { KHR: 0, USD: 2 };

/**
 * What a person types as an amount ('125000', '125,000', '312.50', '៣១២,៥០', '-20') in the currency's
 * minor unit, or null when it is not an amount of that currency. Exact: no floating point.
 */
export function parseAmount(text: string, currency: Currency): number | null {
  let s = toLatinDigits(text)
    .trim()
    .replace(/[៛$\s]/g, '');
  const negative = s.startsWith('-');
  if (negative) s = s.slice(1);
  const digits = MINOR_DIGITS[currency];
  // With Khmer digits the decimal mark is ',' and groups are '.'; with Latin digits the other way round.
  const khmerStyle = /[\u17e0-\u17e9]/.test(text);
  const [group, decimal] = khmerStyle ? ['.', ','] : [',', '.'];
  const pattern = new RegExp(`^(\\d{1,3}(\\${group}\\d{3})+|\\d+)(\\${decimal}(\\d+))?$`);
  const match = pattern.exec(s);
  if (!match) return null;
  const whole = (match[1] ?? '').split(group).join('');
  const fraction = match[4] ?? '';
  // Trailing zeros say nothing ('100.00' riel is 100); any other digit past the currency's last is refused.
  if (fraction.replace(/0+$/, '').length > digits) return null;
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0').slice(0, digits) || '0');
  if (!Number.isSafeInteger(minor)) return null;
  return negative ? -minor : minor;
}

/** A minor-unit amount as a plain decimal string with '.', no grouping: for CSV and hledger. */
export function plainAmount(minor: number, currency: Currency): string {
  const digits = MINOR_DIGITS[currency];
  if (digits === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const unit = 10 ** digits;
  return `${sign}${Math.trunc(abs / unit)}.${String(abs % unit).padStart(digits, '0')}`;
}

/** A rate typed as '4102.5' as an exact fraction: 41025 / 10. */
function rateFraction(rate: string): { numerator: bigint; denominator: bigint } {
  const [whole = '0', fraction = ''] = rate.split('.');
  return { numerator: BigInt(whole + fraction), denominator: 10n ** BigInt(fraction.length) };
}

/** Half up, in integers (amounts here are never negative): the rule for every riel–cent conversion. */
function divideRounded(numerator: bigint, denominator: bigint): number {
  const quotient = (2n * numerator + denominator) / (2n * denominator);
  return Number(quotient);
}

/**
 * What `amount` of one currency is worth in the other at `rate` riel per dollar, rounded to the whole
 * riel or the cent, or null for a zero rate. Exact integer arithmetic throughout.
 */
export function convert(amount: number, from: Currency, rate: string): number | null {
  const { numerator, denominator } = rateFraction(rate);
  if (numerator === 0n) return null;
  const value = BigInt(amount);
  return from === 'USD'
    ? divideRounded(value * numerator, 100n * denominator) // cents × riel/dollar ÷ 100
    : divideRounded(value * 100n * denominator, numerator); // riel ÷ riel/dollar × 100
}
