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
