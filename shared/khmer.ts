// Khmer digits, month names, dates and amounts, formatted by hand.
// Intl is deliberately not used: Chromium builds differ in the Khmer locale data they carry (some fall back
// to English month names and "KHR 1,250.00"), and screens, PDFs and tests must agree everywhere.
// Conventions follow KHMER.md, section "Formats".

export type Digits = 'khmer' | 'latin';
export type Currency = 'KHR' | 'USD';

export const KHMER_MONTHS: readonly string[] = Object.freeze([
  'មករា',
  'កុម្ភៈ',
  'មីនា',
  'មេសា',
  'ឧសភា',
  'មិថុនា',
  'កក្កដា',
  'សីហា',
  'កញ្ញា',
  'តុលា',
  'វិច្ឆិកា',
  'ធ្នូ',
]);

export const ENGLISH_MONTHS: readonly string[] = Object.freeze([
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]);

const KHMER_ZERO = 0x17e0;
const LATIN_ZERO = 0x30;
const RIEL_SIGN = '\u17db';

export function toKhmerDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(KHMER_ZERO + d.charCodeAt(0) - LATIN_ZERO));
}

export function toLatinDigits(text: string): string {
  return text.replace(/[\u17e0-\u17e9]/g, (d) =>
    String.fromCharCode(LATIN_ZERO + d.charCodeAt(0) - KHMER_ZERO),
  );
}

// 'latin' also converts Khmer digits back, so the result is in the requested style whatever came in.
export function withDigits(text: string, digits: Digits): string {
  return digits === 'khmer' ? toKhmerDigits(text) : toLatinDigits(text);
}

export function monthName(month: number, lang: 'km' | 'en'): string {
  const name = Number.isInteger(month)
    ? (lang === 'km' ? KHMER_MONTHS : ENGLISH_MONTHS)[month - 1]
    : undefined;
  if (name === undefined) throw new RangeError(`month must be an integer 1..12, got ${month}`);
  return name;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isRealDate(year: number, month: number, day: number): boolean {
  return (
    year >= 1900 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function toIso(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

const ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

function splitIso(text: string): { year: number; month: number; day: number } | null {
  const m = ISO_DATE.exec(text);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isRealDate(year, month, day) ? { year, month, day } : null;
}

function requireIso(iso: string): { year: number; month: number; day: number } {
  const parts = splitIso(iso);
  if (parts === null) throw new RangeError(`not a real ISO date (YYYY-MM-DD, 1900..2999): '${iso}'`);
  return parts;
}

export function isRealIsoDate(text: string): boolean {
  return splitIso(text) !== null;
}

export function formatDateTable(iso: string, digits: Digits): string {
  const { year, month, day } = requireIso(iso);
  return withDigits(`${pad2(day)}/${pad2(month)}/${year}`, digits);
}

export function formatDateText(iso: string, lang: 'km' | 'en', digits: Digits): string {
  const { year, month, day } = requireIso(iso);
  const text =
    lang === 'km'
      ? `ថ្ងៃទី${day} ខែ${monthName(month, 'km')} ឆ្នាំ${year}`
      : `${day} ${monthName(month, 'en')} ${year}`;
  return withDigits(text, digits);
}

// The backreference makes both separators the same, so '15/01-2025' is rejected as a likely typo.
const DISPLAY_DATE = /^([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4})$/;

export function parseDisplayDate(text: string): string | null {
  const m = DISPLAY_DATE.exec(toLatinDigits(text.trim()));
  if (m === null) return null;
  const day = Number(m[1]);
  const month = Number(m[3]);
  const year = Number(m[4]);
  return isRealDate(year, month, day) ? toIso(year, month, day) : null;
}

function requireSafeInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be a safe integer, got ${n}`);
}

// CLDR 'km': with Khmer digits the group separator is '.' and the decimal separator ','.
function separators(digits: Digits): { group: string; decimal: string } {
  return digits === 'khmer' ? { group: '.', decimal: ',' } : { group: ',', decimal: '.' };
}

export function formatNumber(n: number, digits: Digits): string {
  requireSafeInteger(n, 'number');
  // String ops on the decimal text keep every digit exact up to MAX_SAFE_INTEGER; '-0' is shown as '0'.
  const abs = String(Math.abs(n));
  const grouped = abs.replace(/\B(?=([0-9]{3})+$)/g, separators(digits).group);
  return withDigits(n < 0 ? `-${grouped}` : grouped, digits);
}

export function formatAmount(
  minor: number,
  currency: Currency,
  opts: { digits: Digits; brackets?: boolean; symbol?: boolean },
): string {
  requireSafeInteger(minor, 'amount');
  const { digits } = opts;
  const showSymbol = opts.symbol ?? true;
  const negative = minor < 0;
  // Negating a safe integer is still a safe integer (the range is symmetric), so this stays exact.
  const abs = Math.abs(minor);

  let body: string;
  if (currency === 'KHR') {
    body = formatNumber(abs, digits);
    if (showSymbol) body += RIEL_SIGN;
  } else {
    const cents = abs % 100;
    // abs - cents is a multiple of 100, so this division is exact: no rounding can creep in.
    const dollars = (abs - cents) / 100;
    body = `${formatNumber(dollars, digits)}${separators(digits).decimal}${withDigits(pad2(cents), digits)}`;
    // Latin style writes '$312.50'; the Khmer style puts the sign after the number like the riel: '៣១២,៥០$'.
    if (showSymbol) body = digits === 'khmer' ? `${body}$` : `$${body}`;
  }

  if (!negative) return body;
  return opts.brackets ? `(${body})` : `-${body}`;
}
