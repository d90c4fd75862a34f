import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFont, type ShapingFont, splitRuns } from '../../../main/reports/shaping';

const load = (name: string) => loadFont(name, readFileSync(join('resources', 'fonts', `${name}.ttf`)));

describe('splitRuns', () => {
  let sans: ShapingFont;
  let serif: ShapingFont;
  beforeAll(async () => {
    [sans, serif] = await Promise.all([load('NotoSansKhmer-Regular'), load('NotoSerifKhmer-Regular')]);
  });

  it('keeps digits and , - . : / between Khmer letters in the Khmer run when the Khmer font has them', () => {
    expect(splitRuns('ស្រែ៣៤៥,៦៧៨,០០០៛', sans.has)).toEqual([
      { script: 'khmer', text: 'ស្រែ៣៤៥,៦៧៨,០០០៛', start: 0 },
    ]);
    expect(splitRuns('សរុប 125,000៛ $312.50 ម៉ោង ៨:០០', sans.has)).toEqual([
      { script: 'khmer', text: 'សរុប 125,000៛ ', start: 0 },
      { script: 'latin', text: '$312.50 ', start: 14 },
      { script: 'khmer', text: 'ម៉ោង ៨:០០', start: 22 },
    ]);
    expect(splitRuns('ភូមិ ក, ខ - គ. ឃ/ង', sans.has)).toHaveLength(1);
  });

  it('sends Latin digits to the Latin font when the Khmer font has none (Noto Serif Khmer)', () => {
    expect(serif.has('5'.charCodeAt(0))).toBe(false);
    expect(serif.has(','.charCodeAt(0))).toBe(true);
    expect(splitRuns('សរុប 125,000៛ ម៉ោង ៨:០០', serif.has)).toEqual([
      { script: 'khmer', text: 'សរុប ', start: 0 },
      { script: 'latin', text: '125,000', start: 5 },
      { script: 'khmer', text: '៛ ម៉ោង ៨:០០', start: 12 },
    ]);
  });

  it('draws digits and punctuation outside Khmer text in the Latin font', () => {
    expect(splitRuns('125,000៛', sans.has)).toEqual([
      { script: 'latin', text: '125,000', start: 0 },
      { script: 'khmer', text: '៛', start: 7 },
    ]);
    expect(splitRuns('ក្រុម 12.', sans.has)).toEqual([
      { script: 'khmer', text: 'ក្រុម ', start: 0 },
      { script: 'latin', text: '12.', start: 6 },
    ]);
  });

  it('attaches spaces to the run before them, a leading space to the first run', () => {
    expect(splitRuns(' ក A', sans.has)).toEqual([
      { script: 'khmer', text: ' ក ', start: 0 },
      { script: 'latin', text: 'A', start: 3 },
    ]);
    expect(splitRuns('   ', sans.has)).toEqual([{ script: 'latin', text: '   ', start: 0 }]);
    expect(splitRuns('', sans.has)).toEqual([]);
  });
});
