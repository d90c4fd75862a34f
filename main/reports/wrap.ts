// Khmer is written without spaces between words, so a line may only break where a word ends: the word
// boundaries of ICU's Khmer dictionary (Intl.Segmenter, full ICU in Node), never inside a syllable,
// never inside a number, a time or an amount, and never before closing punctuation. Where the runtime's
// ICU has no Khmer (khmerIcuProblems), words are found at syllable boundaries instead.

import { isFinal, khmerIcuProblems, syllableWords, type Token, tokens } from './syllables';

/** Cuts text into words, spaces and punctuation; joined, the pieces give back the text. */
export type WordBreaker = (text: string) => string[];

const icu = new Intl.Segmenter('km', { granularity: 'word' });
export const icuWords: WordBreaker = (text) => Array.from(icu.segment(text), (s) => s.segment);

/** ICU's dictionary words when the check found no problem with this runtime's ICU, syllable words otherwise. */
export const wordBreakerFor = (icuProblems: readonly string[]): WordBreaker =>
  icuProblems.length === 0 ? icuWords : syllableWords;

let active: WordBreaker | undefined;

/** The word breaker of this runtime, chosen once per thread (the report worker checks for itself). */
export function khmerWords(): WordBreaker {
  active ??= wordBreakerFor(khmerIcuProblems());
  return active;
}

/** Signs that belong to the syllable before them: a line never starts with one. */
const COMBINING = /^[\u17b4-\u17d3\u17dd]/;
/**
 * What continues a number, a time, a date, an amount, a range or a phone number (៨:០០, 125,000, ១២–១៥,
 * 012-345-678): a separator, or anything that starts with a digit.
 */
const NUMBERISH = /^[0-9\u17e0-\u17e9]|^[.,:/\-\u2013]$/;
/** What closes the phrase before it: ។ ៕ and the Latin stops, the riel sign, a closing bracket. */
const CLOSING = /^[\u17d4\u17d5\u17db.,;:!?)\]%$]/;
/** What opens what follows it: a bracket, or a sign standing before a number (−៥, +១២, $312.50). */
const OPENING = /[([{«“‘]$|(?:^|\s)[-+\u2212$]$/;

/**
 * The text cut into pieces that must stay on one line, in order, joined they give back the text
 * exactly. A line may break between any two pieces; spaces end the piece they follow.
 */
export function unbreakablePieces(text: string, words: WordBreaker = khmerWords()): string[] {
  const pieces: string[] = [];
  for (const segment of words(text)) {
    const last = pieces.at(-1);
    // A dollar sign after a space is the one written before its amount ($312.50), not after (៣១២,៥០$).
    const prefix = segment === '$' && (last === undefined || /\s$/.test(last));
    const glue =
      last !== undefined &&
      !prefix &&
      (COMBINING.test(segment) ||
        CLOSING.test(segment) ||
        OPENING.test(last) ||
        // A number after a word glued to it without a space ("ថ្ងៃទី១៥") stays with it.
        (NUMBERISH.test(segment) && /[0-9\u17e0-\u17e9.,:/\-\u2013]$/.test(last) && !/\s$/.test(last)) ||
        /^\s+$/.test(segment));
    if (glue) pieces[pieces.length - 1] = last + segment;
    else pieces.push(segment);
  }
  return pieces;
}

/** How good a place to break before a token is: 0 never, 1 between syllables, 2 not before a final, 3 a word end. */
function breakLevels(all: Token[], words: WordBreaker): number[] {
  const wordEnds = new Set<number>();
  // Word ends inside each stretch of Khmer letters, as the word breaker finds them there.
  for (let i = 0; i < all.length; ) {
    if (all[i]?.kind !== 'syllable') {
      i++;
      continue;
    }
    let end = i;
    while (all[end]?.kind === 'syllable') end++;
    const endsAt = new Map<number, number>();
    let offset = 0;
    for (let k = i; k < end; k++) {
      offset += all[k]?.text.length ?? 0;
      endsAt.set(offset, k + 1);
    }
    let position = 0;
    const stretch = all.slice(i, end).map((t) => t.text);
    for (const word of words(stretch.join(''))) {
      position += word.length;
      const at = endsAt.get(position);
      if (at !== undefined) wordEnds.add(at);
    }
    i = end;
  }
  return all.map((token, i) => {
    const before = all[i - 1];
    if (!before) return 0;
    if (token.kind === 'space' || COMBINING.test(token.text) || CLOSING.test(token.text)) return 0;
    if (OPENING.test(before.text)) return 0;
    // A hyphen stays at the end of the line it joins, not at the start of the next.
    if (token.text === '-' && before.kind !== 'space') return 0;
    if (before.kind === 'space' || before.kind !== token.kind || wordEnds.has(i)) return 3;
    if (token.kind !== 'syllable') return 1;
    return isFinal(token, before, all[i + 1]) ? 1 : 2;
  });
}

/**
 * A piece too wide for a line of its own (a village written with its numbers and no space, a long name),
 * cut into lines: at the last word end that fits, else the last syllable boundary not before a final
 * consonant, else any syllable boundary; a number is never cut. A token wider than the line stays whole.
 */
function cutPiece(piece: string, fits: (text: string) => boolean, words: WordBreaker): string[] {
  const all = tokens(piece);
  const levels = breakLevels(all, words);
  const lines: string[] = [];
  let start = 0;
  while (start < all.length) {
    const best = [0, 0, 0, 0, 0];
    let first = 0;
    let text = '';
    for (let end = start + 1; end <= all.length; end++) {
      text += all[end - 1]?.text ?? '';
      const level = end === all.length ? 4 : (levels[end] ?? 0);
      if (level === 0) continue;
      if (first === 0) first = end;
      if (!fits(text)) break;
      best[level] = end;
    }
    const end = best[4] || best[3] || best[2] || best[1] || first;
    lines.push(
      all
        .slice(start, end)
        .map((t) => t.text)
        .join(''),
    );
    start = end;
  }
  return lines;
}

/**
 * Lines of at most `width` (in the caller's unit, measured by `measure`) for a paragraph; trailing spaces
 * of a line do not count against it and are dropped, nothing else is. A single piece wider than the line
 * is cut inside (cutPiece).
 */
export function wrapText(
  text: string,
  width: number,
  measure: (text: string) => number,
  words: WordBreaker = khmerWords(),
): string[] {
  const lines: string[] = [];
  let line = '';
  const fits = (candidate: string) => measure(candidate.trimEnd()) <= width;
  const push = () => {
    if (line.trim() !== '') lines.push(line.trimEnd());
    line = '';
  };
  for (const piece of unbreakablePieces(text, words)) {
    if (fits(line + piece)) {
      line += piece;
      continue;
    }
    push();
    const parts = cutPiece(piece.trimStart(), fits, words);
    for (const part of parts.slice(0, -1)) {
      line = part;
      push();
    }
    line = parts.at(-1) ?? '';
  }
  push();
  return lines;
}
