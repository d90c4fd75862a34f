import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isFinal,
  khmerIcuProblems,
  logKhmerIcuProblems,
  syllableWords,
  type Token,
  tokens,
} from '../../../main/reports/syllables';
import {
  icuWords,
  khmerWords,
  unbreakablePieces,
  wordBreakerFor,
  wrapText,
} from '../../../main/reports/wrap';

// A measure that counts code points: enough to test where lines break, independent of any font.
const length = (text: string) => [...text].length;
const SENTENCE = 'សមាជិកទាំងអស់ត្រូវចូលរួមកិច្ចប្រជុំប្រចាំខែ នៅថ្ងៃទី១៥ ខែមករា ឆ្នាំ២០២៥ វេលាម៉ោង ៨:០០ ព្រឹក។';
const COMBINING_OR_COENG = /^[\u17b4-\u17d3\u17dd]/;

describe('where Khmer may break', () => {
  it('gives back the text exactly when the pieces are joined', () => {
    expect(unbreakablePieces(SENTENCE).join('')).toBe(SENTENCE);
  });

  it('keeps a time, a number, an amount and closing punctuation whole', () => {
    const pieces = unbreakablePieces('វេលាម៉ោង ៨:០០ ព្រឹក។ សរុប 125,000៛ និង $312.50 ថ្ងៃ ១៥/០១/២០២៥');
    expect(pieces).toContain('៨:០០ ');
    expect(pieces).toContain('ព្រឹក។ ');
    expect(pieces).toContain('125,000៛ ');
    expect(pieces.some((p) => p.includes('312.50'))).toBe(true);
    expect(pieces).toContain('១៥/០១/២០២៥');
  });

  it('breaks between words of the long sample, never inside one', () => {
    const pieces = unbreakablePieces(SENTENCE);
    expect(pieces.slice(0, 6)).toEqual(['សមាជិក', 'ទាំងអស់', 'ត្រូវ', 'ចូលរួម', 'កិច្ចប្រជុំ', 'ប្រចាំខែ ']);
  });
});

describe('wrapping to a width', () => {
  it('fills lines up to the width, between words', () => {
    const lines = wrapText(SENTENCE, 20, length);
    expect(lines.join('').replace(/\s/g, '')).toBe(SENTENCE.replace(/\s/g, ''));
    for (const line of lines) {
      expect(length(line)).toBeLessThanOrEqual(20);
      expect(line).not.toMatch(COMBINING_OR_COENG);
    }
    expect(lines).toEqual([
      'សមាជិកទាំងអស់ត្រូវ',
      'ចូលរួមកិច្ចប្រជុំ',
      'ប្រចាំខែ នៅថ្ងៃទី១៥',
      'ខែមករា ឆ្នាំ២០២៥',
      'វេលាម៉ោង ៨:០០ ព្រឹក។',
    ]);
  });

  it('cuts a word longer than a line between syllables, never before a mark or after a coeng', () => {
    const lines = wrapText('ព្រះរាជាណាចក្រកម្ពុជា', 5, length);
    expect(lines.join('')).toBe('ព្រះរាជាណាចក្រកម្ពុជា');
    for (const line of lines) {
      expect(line).not.toMatch(COMBINING_OR_COENG);
      expect(line.endsWith('\u17d2')).toBe(false);
    }
  });

  it('for any Khmer text and width: no line starts with a mark or coeng, and nothing is lost', () => {
    // Well-formed syllables: a consonant, maybe a subscript, a vowel and a sign, maybe a space or digits.
    const consonant = fc.constantFrom(...'កខគឃងចឆជឈញដឋឌឍណតថទធនបផពភមយរលវសហឡអ');
    const syllable = fc
      .tuple(
        consonant,
        fc.option(fc.constantFrom('្រ', '្ស', '្ត', '្ម')),
        fc.option(fc.constantFrom('ា', 'ិ', 'ី', 'ុ', 'ូ', 'េ', 'ោ', 'ើ')),
        fc.option(fc.constantFrom('ំ', 'ះ', '់', '៉')),
        fc.constantFrom('', '', '', ' ', '១២ ', '៨:០០ '),
      )
      .map((parts) => parts.filter((p) => p !== null).join(''));
    fc.assert(
      fc.property(
        fc.array(syllable, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 3, max: 30 }),
        (parts, width) => {
          const text = parts.join('');
          const lines = wrapText(text, width, length);
          expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
          for (const line of lines) expect(line).not.toMatch(COMBINING_OR_COENG);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a run of letters and digits written without a space', () => {
  it('keeps the number whole and breaks between it and the words around it', () => {
    expect(wrapText('ស្រែ៣៤៥,៦៧៨,០០០៛', 12, length)).toEqual(['ស្រែ', '៣៤៥,៦៧៨,០០០៛']);
    expect(wrapText('សហករណ៍០១២៣៤៥៦៧៨៩គ្រឿង', 12, length)).toEqual(['សហករណ៍', '០១២៣៤៥៦៧៨៩', 'គ្រឿង']);
    expect(wrapText('ទូរស័ព្ទ012-345-678។', 12, length)).toEqual(['ទូរស័ព្ទ', '012-345-678។']);
  });

  it('cuts letters with no word end that fits between syllables, never before a final consonant', () => {
    // ស|ហ|ក|រ|ណ៍: the line may not end before ណ៍, the final of ករណ៍.
    expect(wrapText('សហករណ៍', 4, length)).toEqual(['សហក', 'រណ៍']);
    // ប្រា|ក់|ស|ន្សំ: not before ក់ (bantoc) nor ន្សំ (its base ន ends ស's syllable).
    expect(wrapText('ប្រាក់សន្សំ', 9, length)).toEqual(['ប្រាក់', 'សន្សំ']);
    expect(wrapText('កសិកម្ម', 4, length)).toEqual(['កសិ', 'កម្ម']);
  });

  it('keeps a dollar sign with the amount it comes before, a bracket with what it opens', () => {
    expect(unbreakablePieces('សរុប $312.50 (ប្រាក់)')).toEqual(['សរុប ', '$312.50 ', '(ប្រាក់)']);
  });
});

describe('Khmer syllables', () => {
  it('are what HarfBuzz shapes as one cluster: a base with its subscripts, vowels and signs', () => {
    expect(tokens('ស្ត្រីប្រាក់ ១២,៥០$').map((t) => t.text)).toEqual(['ស្ត្រី', 'ប្រា', 'ក់', ' ', '១២,៥០', '$']);
  });

  it('tell a final consonant from an initial one', () => {
    const final = (word: string, index: number) => {
      const all = tokens(word);
      return isFinal(all[index] as Token, all[index - 1], all[index + 1]);
    };
    expect(final('ម៉ោង', 1)).toBe(true);
    expect(final('សហករណ៍', 4)).toBe(true);
    expect(final('ប្រាក់', 1)).toBe(true);
    expect(final('សន្សំ', 1)).toBe(true);
    expect(final('កិច្ច', 1)).toBe(true);
    expect(final('សមាជិក', 1)).toBe(false);
    expect(final('កសិកម្ម', 2)).toBe(false);
    expect(final('អស់ត្រូវ', 2)).toBe(false);
  });
});

describe('when the runtime has no Khmer ICU (Electron main process on Chromium ICU data)', () => {
  /** An ICU that falls back to the root locale and finds no Khmer word ends, as a build without them does. */
  class RootSegmenter extends Intl.Segmenter {
    constructor() {
      super('en', { granularity: 'word' });
    }
    override segment(text: string) {
      return new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text);
    }
  }
  class RootCollator extends Intl.Collator {
    constructor() {
      super('en');
    }
  }

  it('is noticed: the check names the segmenter, the collator and the missing dictionary', () => {
    expect(khmerIcuProblems()).toEqual([]);
    const problems = khmerIcuProblems({ Segmenter: RootSegmenter, Collator: RootCollator });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toBe("Intl.Segmenter('km') resolves to 'en'");
    expect(problems[1]).toBe("Intl.Collator('km') resolves to 'en'");
    expect(problems[2]).toMatch(/^no Khmer dictionary word breaks/);
  });

  it('wraps at syllable boundaries instead, never inside a syllable, a number or before a final', () => {
    expect(syllableWords('សមាជិកទាំងអស់ត្រូវចូលរួម ម៉ោង ៨:០០')).toEqual([
      'ស',
      'មា',
      'ជិក',
      'ទាំង',
      'អស់',
      'ត្រូវ',
      'ចូល',
      'រួម',
      ' ',
      'ម៉ោង',
      ' ',
      '៨:០០',
    ]);
    const lines = wrapText(SENTENCE, 12, length, syllableWords);
    expect(lines.join('').replace(/\s/g, '')).toBe(SENTENCE.replace(/\s/g, ''));
    expect(lines).toEqual([
      'សមាជិកទាំង',
      'អស់ត្រូវចូល',
      'រួមកិច្ចប្រ',
      'ជុំប្រចាំខែ',
      'នៅថ្ងៃទី១៥',
      'ខែមករា ឆ្នាំ',
      '២០២៥ វេលា',
      'ម៉ោង ៨:០០',
      'ព្រឹក។',
    ]);
    for (const line of lines) {
      expect(length(line)).toBeLessThanOrEqual(12);
      expect(line).not.toMatch(COMBINING_OR_COENG);
      expect(line).not.toMatch(/^[\u17d4\u17d5]/);
    }
  });

  it('is logged once at start-up, and nothing is logged under a full ICU', () => {
    const logged: string[] = [];
    logKhmerIcuProblems((m) => logged.push(m), { Segmenter: RootSegmenter, Collator: RootCollator });
    expect(logged).toHaveLength(3);
    expect(logged[0]).toBe(
      "Khmer ICU: Intl.Segmenter('km') resolves to 'en'; printed reports break Khmer lines at syllable boundaries",
    );
    logKhmerIcuProblems((m) => logged.push(m));
    expect(logged).toHaveLength(3);
  });

  it('is the breaker the reports use when the check finds a problem, ICU words otherwise', () => {
    expect(wordBreakerFor(["Intl.Segmenter('km') resolves to 'en'"])).toBe(syllableWords);
    expect(wordBreakerFor([])).toBe(icuWords);
    expect(khmerWords()).toBe(icuWords);
  });
});
