// Khmer text cut into the units a line breaker works with: orthographic syllables (a base consonant or
// independent vowel with its subscripts, vowels and signs, the unit HarfBuzz shapes as one cluster), whole
// numbers, spaces and other characters. Used where ICU's dictionary gives no break: inside a run of letters
// and digits written without a space, and as the whole word breaker when the runtime's ICU has no Khmer.

/** Consonants and independent vowels: they start a syllable unless a coeng (U+17D2) comes just before. */
const BASE = /[\u1780-\u17b3]/;
/** What belongs to the syllable before it: vowels, signs, shifters, robat, ZWJ/ZWNJ. */
const MARK = /[\u17b4-\u17d1\u17d3\u17dd\u200c\u200d]/;
const COENG = '\u17d2';
const DIGIT = /[0-9\u17e0-\u17e9]/;
/** A number, a time, a date, an amount or a phone number: digits joined by . , : / - – (៨:០០, ១៥/០១/២០២៥). */
const NUMBER = /^[0-9\u17e0-\u17e9]+(?:[.,:/\-\u2013][0-9\u17e0-\u17e9]+)*/;
/** Dependent vowels and the signs that carry a vowel sound (nikahit ំ, reahmuk ះ). */
const VOWEL = /[\u17b6-\u17c5\u17c6\u17c7]/;
/** Bantoc (់) and toandakhiat (៍) mark a consonant that ends the syllable before it: ក់, ណ៍. */
const FINAL_MARK = /[\u17cb\u17cd]/;

export type Token = { text: string; kind: 'syllable' | 'number' | 'space' | 'other' };

/** The text as syllables, numbers, spaces and single other characters; joined they give the text back. */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  const chars = [...text];
  for (let i = 0; i < chars.length; ) {
    const ch = chars[i] as string;
    if (DIGIT.test(ch)) {
      const number = NUMBER.exec(chars.slice(i).join(''))?.[0] ?? ch;
      out.push({ text: number, kind: 'number' });
      i += [...number].length;
    } else if (BASE.test(ch)) {
      let syllable = ch;
      i++;
      while (i < chars.length) {
        const next = chars[i] as string;
        if (MARK.test(next)) syllable += next;
        else if (next === COENG) syllable += next + (chars[i + 1] ?? '');
        else break;
        i += next === COENG ? 2 : 1;
      }
      out.push({ text: syllable, kind: 'syllable' });
    } else {
      const last = out.at(-1);
      // A stray mark or coeng (a typing slip) stays with what precedes it rather than starting a line.
      if (last && (MARK.test(ch) || ch === COENG)) last.text += ch;
      else out.push({ text: ch, kind: /\s/.test(ch) ? 'space' : 'other' });
      i++;
    }
  }
  return out;
}

/**
 * Whether a syllable most likely begins with the final consonant of the syllable before it, where a break
 * would cut one spoken syllable in two: it carries bantoc or toandakhiat (ប្រា|ក់, ករ|ណ៍); it is a bare
 * consonant after a syllable with a vowel (ម៉ោ|ង, សមាជិ|ក), unless a subscript follows that makes it an
 * initial (កសិ|កម្ម); or it carries a subscript and either has no vowel after one with a vowel (កិ|ច្ច) or
 * follows a bare consonant, whose final its base is (ស|ន្សំ, ក|ម្ម).
 */
export function isFinal(syllable: Token, before: Token | undefined, after: Token | undefined): boolean {
  if (syllable.kind !== 'syllable' || before?.kind !== 'syllable') return false;
  if (FINAL_MARK.test(syllable.text)) return true;
  const bare = (t: Token) => !VOWEL.test(t.text) && !t.text.includes(COENG);
  if (syllable.text.includes(COENG)) {
    return (
      (!VOWEL.test(syllable.text) && VOWEL.test(before.text)) ||
      (bare(before) && !FINAL_MARK.test(before.text))
    );
  }
  const subscriptFollows = after?.kind === 'syllable' && after.text.includes(COENG);
  return bare(syllable) && VOWEL.test(before.text) && !subscriptFollows;
}

/**
 * The word breaker used when the runtime's ICU cannot break Khmer words: pieces end at syllable boundaries
 * that are not before a final consonant, numbers stay whole, Latin words end at spaces.
 */
export function syllableWords(text: string): string[] {
  const out: string[] = [];
  const all = tokens(text);
  all.forEach((token, i) => {
    const before = all[i - 1];
    const last = out.length - 1;
    const latinWord = token.kind === 'other' && before?.kind === 'other' && /\p{L}/u.test(token.text);
    if (last >= 0 && (isFinal(token, before, all[i + 1]) || latinWord)) out[last] += token.text;
    else out.push(token.text);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Whether this runtime's ICU knows Khmer. Node's full ICU does; Electron's main process uses Chromium's ICU
// data, which may lack the Khmer locale or the dictionary that finds Khmer word ends.

/** A phrase and its dictionary words (ICU 74–78). */
const PHRASE = ['សមាជិក', 'ទាំងអស់', 'ត្រូវ', 'ចូលរួម'];

/** The two parts of Intl the check looks at: the runtime's own, or a stand-in in a test. */
export interface KhmerIntl {
  Segmenter: new (locale: string, options: Intl.SegmenterOptions) => Intl.Segmenter;
  Collator: new (locale: string) => Intl.Collator;
}

/** What is missing for Khmer word breaks and collation; empty when both work. */
export function khmerIcuProblems(intl: KhmerIntl = Intl): string[] {
  const problems: string[] = [];
  const segmenter = new intl.Segmenter('km', { granularity: 'word' });
  const segmenterLocale = segmenter.resolvedOptions().locale;
  if (segmenterLocale !== 'km') problems.push(`Intl.Segmenter('km') resolves to '${segmenterLocale}'`);
  const collatorLocale = new intl.Collator('km').resolvedOptions().locale;
  if (collatorLocale !== 'km') problems.push(`Intl.Collator('km') resolves to '${collatorLocale}'`);
  const words = [...segmenter.segment(PHRASE.join(''))].map((s) => s.segment);
  if (words.join('|') !== PHRASE.join('|')) {
    problems.push(`no Khmer dictionary word breaks (${PHRASE.join('')} → ${words.join('|')})`);
  }
  return problems;
}

/**
 * Logs what the runtime's ICU lacks for Khmer, once at start-up: reports then break lines at syllable
 * boundaries (wrap.ts) and Khmer names sort in code point order, which whoever supports the app should know.
 */
export function logKhmerIcuProblems(log: (message: string) => void, intl: KhmerIntl = Intl): void {
  for (const problem of khmerIcuProblems(intl)) {
    log(`Khmer ICU: ${problem}; printed reports break Khmer lines at syllable boundaries`);
  }
}
