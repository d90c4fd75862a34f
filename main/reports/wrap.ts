// Khmer is written without spaces between words, so a line may only break where a word ends: the word
// boundaries of ICU's Khmer dictionary (Intl.Segmenter, full ICU in Node), never inside a syllable,
// never inside a number, a time or an amount, and never before closing punctuation.

const words = new Intl.Segmenter('km', { granularity: 'word' });

/** Signs that belong to the syllable before them: a line never starts with one. */
const COMBINING = /^[\u17b4-\u17d3\u17dd]/;
/** Digits and what joins them in a number, a time, a date or an amount: ៨:០០, 125,000, ១៥/០១/២០២៥, 12.50. */
const NUMBERISH = /^[0-9\u17e0-\u17e9]+$|^[.,:/]$/;
/** What closes the phrase before it: ។ ៕ and the Latin stops, the riel sign, a closing bracket. */
const CLOSING = /^[\u17d4\u17d5\u17db.,;:!?)\]%$]/;

/**
 * The text cut into pieces that must stay on one line, in order, joined they give back the text
 * exactly. A line may break between any two pieces; spaces end the piece they follow.
 */
export function unbreakablePieces(text: string): string[] {
  const pieces: string[] = [];
  for (const { segment } of words.segment(text)) {
    const last = pieces.at(-1);
    const glue =
      last !== undefined &&
      (COMBINING.test(segment) ||
        CLOSING.test(segment) ||
        (NUMBERISH.test(segment) && /[0-9\u17e0-\u17e9.,:/]$/.test(last) && !/\s$/.test(last)) ||
        // A number after a word glued to it without a space ("ថ្ងៃទី១៥") stays with it.
        /^\s+$/.test(segment));
    if (glue) pieces[pieces.length - 1] = last + segment;
    else pieces.push(segment);
  }
  return pieces;
}

/** Khmer consonants and independent vowels start a syllable unless a coeng (U+17D2) comes just before. */
const SYLLABLE_START = /[\u1780-\u17b3]/;

/**
 * A piece too long for a line of its own (a long name, a long unbroken word) is cut between syllables
 * as a last resort, so that the line still fits and no mark is separated from its base.
 */
function syllables(piece: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (const char of piece) {
    const startsSyllable =
      SYLLABLE_START.test(char) && current !== '' && !current.endsWith('\u17d2') && !/\s$/.test(current);
    if (startsSyllable || (/[^\u1780-\u17ff]/.test(char) && /[\u1780-\u17ff]$/.test(current))) {
      parts.push(current);
      current = '';
    }
    current += char;
  }
  if (current !== '') parts.push(current);
  return parts;
}

/**
 * Lines of at most `width` (in the caller's unit, measured by `measure`) for a paragraph; trailing spaces
 * of a line do not count against it and are dropped, nothing else is. A single piece wider than the line
 * is cut between syllables.
 */
export function wrapText(text: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  const fits = (candidate: string) => measure(candidate.trimEnd()) <= width;
  const push = () => {
    if (line.trim() !== '') lines.push(line.trimEnd());
    line = '';
  };
  for (const piece of unbreakablePieces(text)) {
    if (fits(line + piece)) {
      line += piece;
      continue;
    }
    push();
    if (fits(piece)) {
      line = piece.trimStart();
      continue;
    }
    for (const part of syllables(piece.trimStart())) {
      if (!fits(line + part)) push();
      line += part;
    }
  }
  push();
  return lines;
}
