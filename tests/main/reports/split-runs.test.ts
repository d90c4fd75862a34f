import { describe, expect, it } from 'vitest';
import { splitRuns } from '../../../main/reports/shaping';

describe('splitRuns', () => {
  it('sends Latin digits and punctuation to the Latin font, keeps Khmer digits and signs Khmer', () => {
    expect(splitRuns('សរុប 125,000៛ $312.50 ម៉ោង ៨:០០')).toEqual([
      { script: 'khmer', text: 'សរុប ', start: 0 },
      { script: 'latin', text: '125,000', start: 5 },
      { script: 'khmer', text: '៛ ', start: 12 },
      { script: 'latin', text: '$312.50 ', start: 14 },
      { script: 'khmer', text: 'ម៉ោង ៨', start: 22 },
      { script: 'latin', text: ':', start: 28 },
      { script: 'khmer', text: '០០', start: 29 },
    ]);
  });
  it('attaches spaces to the run before them, a leading space to the first run', () => {
    expect(splitRuns(' ក A')).toEqual([
      { script: 'khmer', text: ' ក ', start: 0 },
      { script: 'latin', text: 'A', start: 3 },
    ]);
    expect(splitRuns('   ')).toEqual([{ script: 'latin', text: '   ', start: 0 }]);
    expect(splitRuns('')).toEqual([]);
  });
});
