import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unbreakablePieces, wrapText } from '../../../main/reports/wrap';

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
