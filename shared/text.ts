import { z } from 'zod';
import { refusal } from './validation';

// How long typed text may be, counted as a reader counts: in user-perceived characters (grapheme
// clusters, Intl.Segmenter), not in UTF-16 code units, of which a Khmer syllable such as ស្ត្រី takes six.
// Each limit is far above any real name, place or note, so that it only stops a paste gone wrong.

/** The most characters each kind of text may have; the README lists them, the form names the one refused. */
export const TEXT_LIMITS = {
  /** A member's name (Khmer or Latin), an officer's name. */
  personName: 100,
  /** The cooperative's name, a savings product, an account, an item or a supplier; next of kin. */
  name: 150,
  /** A village, commune, district or province. */
  place: 100,
  /** A board decision, a receipt or invoice reference, a party to a voucher. */
  reference: 150,
  /** A voucher's memo, a reason (leaving, reversing, reopening), a note on a sale. */
  memo: 500,
  /** Notes about a member. */
  notes: 2000,
} as const;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** User-perceived characters in `text`: a base letter with its marks counts once, an emoji once. */
export function graphemeCount(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

// A text of no more UTF-16 units than the limit has no more characters either: counted only when it
// might be over, so that an import of thousands of rows does not segment every cell.
const atMost = (max: number) => (value: string) => value.length <= max || graphemeCount(value) <= max;

/** Text that may be left empty, trimmed, of at most `max` characters. */
export const optionalText = (max: number) =>
  z.string().trim().refine(atMost(max), refusal('too_long', { max }));

/** Text that must be given, trimmed, of at most `max` characters. */
export const requiredText = (max: number) =>
  z.string('required').trim().min(1, 'required').refine(atMost(max), refusal('too_long', { max }));
