import { toLatinDigits } from './khmer';

// Cambodian numbers: a leading 0 (or +855 / 855 instead of it), then an area or operator code that never
// starts with 0, then the subscriber number: 8 or 9 digits after the 0 in all. Spaces, dots and dashes
// are how people write them, so they are ignored.
const CAMBODIAN_PHONE = /^0[1-9][0-9]{7,8}$/;

/** The number in its canonical national form ('012345678'), or null when it is not a Cambodian number. */
export function normalizeCambodianPhone(text: string): string | null {
  let digits = toLatinDigits(text).replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+855')) digits = `0${digits.slice(4)}`;
  else if (digits.startsWith('855') && digits.length >= 11) digits = `0${digits.slice(3)}`;
  return CAMBODIAN_PHONE.test(digits) ? digits : null;
}

/** A stored number as people write it: '012 345 678', '097 123 4567'. Anything else is shown as stored. */
export function formatCambodianPhone(phone: string): string {
  const match = /^(0\d{2})(\d{3})(\d{3,4})$/.exec(phone);
  return match ? `${match[1]} ${match[2]} ${match[3]}` : phone;
}
