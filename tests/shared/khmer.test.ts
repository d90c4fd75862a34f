import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ENGLISH_MONTHS,
  formatAmount,
  formatDateTable,
  formatDateText,
  formatNumber,
  isRealIsoDate,
  KHMER_MONTHS,
  monthName,
  parseDisplayDate,
  toKhmerDigits,
  toLatinDigits,
  withDigits,
} from '../../shared/khmer';

// Copied from the "Formats" section of KHMER.md.
const KM = 'មករា កុម្ភៈ មីនា មេសា ឧសភា មិថុនា កក្កដា សីហា កញ្ញា តុលា វិច្ឆិកា ធ្នូ'.split(' ');
const EN = [
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
];

describe('digits', () => {
  it('maps every Latin digit to its Khmer code point U+17E0..U+17E9', () => {
    expect(toKhmerDigits('0123456789')).toBe('០១២៣៤៥៦៧៨៩');
    expect(toKhmerDigits('0123456789')).toBe('\u17e0\u17e1\u17e2\u17e3\u17e4\u17e5\u17e6\u17e7\u17e8\u17e9');
  });

  it('maps every Khmer digit back to Latin', () => {
    expect(toLatinDigits('០១២៣៤៥៦៧៨៩')).toBe('0123456789');
  });

  it('leaves everything that is not a digit alone', () => {
    expect(toKhmerDigits('ថ្ងៃទី15 ខែមករា, $3.50 (x)')).toBe('ថ្ងៃទី១៥ ខែមករា, $៣.៥០ (x)');
    expect(toLatinDigits('ថ្ងៃទី១៥ ខែមករា, ៛ abc')).toBe('ថ្ងៃទី15 ខែមករា, ៛ abc');
    expect(toKhmerDigits('')).toBe('');
    expect(toLatinDigits('')).toBe('');
    // Full-width and Arabic-Indic digits are not Latin digits.
    expect(toKhmerDigits('１٣')).toBe('１٣');
    // Khmer lek attak (U+17F0..U+17F9) are divination numerals, not digits.
    expect(toLatinDigits('\u17f0\u17f9')).toBe('\u17f0\u17f9');
  });

  it('converts mixed text both ways', () => {
    expect(toKhmerDigits('1០2')).toBe('១០២');
    expect(toLatinDigits('1០2')).toBe('102');
  });

  it('withDigits picks the style and forces it whatever came in', () => {
    expect(withDigits('15/01/2025', 'khmer')).toBe('១៥/០១/២០២៥');
    expect(withDigits('15/01/2025', 'latin')).toBe('15/01/2025');
    expect(withDigits('១៥/០១/២០២៥', 'latin')).toBe('15/01/2025');
    expect(withDigits('១៥/០១/២០២៥', 'khmer')).toBe('១៥/០១/២០២៥');
  });

  it('round-trips any string through Khmer digits and back when it had no Khmer digits', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const latin = toLatinDigits(s);
        expect(toLatinDigits(toKhmerDigits(latin))).toBe(latin);
        expect(toKhmerDigits(latin)).not.toMatch(/[0-9]/);
      }),
    );
  });
});

describe('months', () => {
  it('has the twelve Khmer months from KHMER.md in order', () => {
    expect(KHMER_MONTHS).toEqual(KM);
  });

  it('has the twelve English months in order', () => {
    expect(ENGLISH_MONTHS).toEqual(EN);
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(KHMER_MONTHS)).toBe(true);
    expect(Object.isFrozen(ENGLISH_MONTHS)).toBe(true);
  });

  it.each(KM.map((name, i) => [i + 1, name, EN[i]] as const))('month %i is %s / %s', (month, km, en) => {
    expect(monthName(month, 'km')).toBe(km);
    expect(monthName(month, 'en')).toBe(en);
  });

  it('spells the tricky Khmer months exactly (visarga, coeng)', () => {
    expect(monthName(2, 'km')).toBe('\u1780\u17bb\u1798\u17d2\u1797\u17c8');
    expect(monthName(12, 'km')).toBe('\u1792\u17d2\u1793\u17bc');
  });

  it.each([0, 13, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('throws RangeError for month %s', (m) => {
    expect(() => monthName(m, 'km')).toThrow(RangeError);
    expect(() => monthName(m, 'en')).toThrow(RangeError);
  });
});

describe('isRealIsoDate', () => {
  it.each([
    '2025-01-15',
    '2024-02-29',
    '2000-02-29',
    '1900-01-01',
    '2999-12-31',
    '2025-04-30',
    '2025-12-31',
    '1996-02-29',
  ])('%s is real', (d) => {
    expect(isRealIsoDate(d)).toBe(true);
  });

  it.each([
    '2023-02-29',
    '1900-02-29',
    '2100-02-29',
    '2025-02-30',
    '2025-04-31',
    '2025-06-31',
    '2025-09-31',
    '2025-11-31',
    '2025-01-32',
    '2025-13-01',
    '2025-00-10',
    '2025-01-00',
    '1899-12-31',
    '3000-01-01',
    '2025-1-15',
    '2025-01-5',
    '25-01-15',
    '2025/01/15',
    ' 2025-01-15',
    '2025-01-15 ',
    '2025-01-15T00:00:00Z',
    '២០២៥-០១-១៥',
    '',
    'garbage',
  ])('%j is not', (d) => {
    expect(isRealIsoDate(d)).toBe(false);
  });

  it('agrees with the calendar of Date for every day-of-month candidate of 1900..2999', () => {
    for (let year = 1900; year <= 2999; year++) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 28; day <= 32; day++) {
          const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const date = new Date(Date.UTC(year, month - 1, day));
          const real = date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
          if (isRealIsoDate(iso) !== real) expect.fail(`${iso}: expected ${real}`);
        }
      }
    }
  });
});

describe('formatDateTable', () => {
  it('writes DD/MM/YYYY with leading zeros', () => {
    expect(formatDateTable('2025-01-15', 'latin')).toBe('15/01/2025');
    expect(formatDateTable('2025-01-15', 'khmer')).toBe('១៥/០១/២០២៥');
    expect(formatDateTable('2025-03-05', 'latin')).toBe('05/03/2025');
    expect(formatDateTable('2025-03-05', 'khmer')).toBe('០៥/០៣/២០២៥');
    expect(formatDateTable('2024-02-29', 'latin')).toBe('29/02/2024');
    expect(formatDateTable('1900-01-01', 'latin')).toBe('01/01/1900');
    expect(formatDateTable('2999-12-31', 'khmer')).toBe('៣១/១២/២៩៩៩');
  });

  it.each(['2023-02-29', '2025-13-01', '15/01/2025', '', '2025-1-5'])('throws RangeError for %j', (d) => {
    expect(() => formatDateTable(d, 'latin')).toThrow(RangeError);
  });
});

describe('formatDateText', () => {
  it('writes the Khmer running-text date of KHMER.md', () => {
    expect(formatDateText('2025-01-15', 'km', 'khmer')).toBe('ថ្ងៃទី១៥ ខែមករា ឆ្នាំ២០២៥');
    expect(formatDateText('2025-01-15', 'km', 'latin')).toBe('ថ្ងៃទី15 ខែមករា ឆ្នាំ2025');
  });

  it('drops the leading zero of the day', () => {
    expect(formatDateText('2025-03-05', 'km', 'khmer')).toBe('ថ្ងៃទី៥ ខែមីនា ឆ្នាំ២០២៥');
    expect(formatDateText('2025-03-05', 'en', 'latin')).toBe('5 March 2025');
  });

  it('writes English as day month year', () => {
    expect(formatDateText('2025-01-15', 'en', 'latin')).toBe('15 January 2025');
    expect(formatDateText('2024-02-29', 'en', 'latin')).toBe('29 February 2024');
    expect(formatDateText('2025-12-31', 'en', 'khmer')).toBe('៣១ December ២០២៥');
  });

  it.each(KM.map((name, i) => [i + 1, name, EN[i]] as const))(
    'month %i in text: %s / %s',
    (month, km, en) => {
      const iso = `2025-${String(month).padStart(2, '0')}-10`;
      expect(formatDateText(iso, 'km', 'khmer')).toBe(`ថ្ងៃទី១០ ខែ${km} ឆ្នាំ២០២៥`);
      expect(formatDateText(iso, 'en', 'latin')).toBe(`10 ${en} 2025`);
    },
  );

  it('throws RangeError on an unreal date', () => {
    expect(() => formatDateText('2023-02-29', 'km', 'khmer')).toThrow(RangeError);
    expect(() => formatDateText('nonsense', 'en', 'latin')).toThrow(RangeError);
  });
});

describe('parseDisplayDate', () => {
  it.each([
    ['15/01/2025', '2025-01-15'],
    ['១៥/០១/២០២៥', '2025-01-15'],
    ['5-1-2025', '2025-01-05'],
    ['5.1.2025', '2025-01-05'],
    ['05/1/2025', '2025-01-05'],
    ['5/01/2025', '2025-01-05'],
    ['៥-១-២០២៥', '2025-01-05'],
    ['១5/0១/20២៥', '2025-01-15'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2000', '2000-02-29'],
    ['31/12/2999', '2999-12-31'],
    ['01/01/1900', '1900-01-01'],
    ['  15/01/2025  ', '2025-01-15'],
  ])('%j → %s', (text, iso) => {
    expect(parseDisplayDate(text)).toBe(iso);
  });

  it.each([
    '31/04/2025',
    '29/02/2023',
    '29/02/1900',
    '32/01/2025',
    '00/01/2025',
    '15/00/2025',
    '15/13/2025',
    '15/01/1899',
    '15/01/3000',
    '15/01/25',
    '15/01/02025',
    '115/01/2025',
    '15/01-2025',
    '15 01 2025',
    '15/01/2025/',
    '2025-01-15',
    '15/Jan/2025',
    '',
    '   ',
    'garbage',
    '//',
    '១៥/០១',
  ])('%j → null', (text) => {
    expect(parseDisplayDate(text)).toBeNull();
  });

  it('reads back whatever formatDateTable wrote, in both digit styles', () => {
    for (let t = Date.UTC(2023, 0, 1); t <= Date.UTC(2025, 0, 1); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      expect(parseDisplayDate(formatDateTable(iso, 'latin'))).toBe(iso);
      expect(parseDisplayDate(formatDateTable(iso, 'khmer'))).toBe(iso);
    }
  });
});

describe('formatNumber', () => {
  it.each([
    [0, '0', '០'],
    [7, '7', '៧'],
    [999, '999', '៩៩៩'],
    [1000, '1,000', '១.០០០'],
    [125000, '125,000', '១២៥.០០០'],
    [1234567, '1,234,567', '១.២៣៤.៥៦៧'],
    [-1000, '-1,000', '-១.០០០'],
    [-999, '-999', '-៩៩៩'],
    [Number.MAX_SAFE_INTEGER, '9,007,199,254,740,991', '៩.០០៧.១៩៩.២៥៤.៧៤០.៩៩១'],
    [Number.MIN_SAFE_INTEGER, '-9,007,199,254,740,991', '-៩.០០៧.១៩៩.២៥៤.៧៤០.៩៩១'],
  ])('%d → %s / %s', (n, latin, khmer) => {
    expect(formatNumber(n, 'latin')).toBe(latin);
    expect(formatNumber(n, 'khmer')).toBe(khmer);
  });

  it('shows negative zero as 0', () => {
    expect(formatNumber(-0, 'latin')).toBe('0');
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1, -(2 ** 60)])(
    'throws RangeError for %d',
    (n) => {
      expect(() => formatNumber(n, 'latin')).toThrow(RangeError);
    },
  );

  it('groups like en-US for any safe integer (Node has full ICU; the renderer must not rely on it)', () => {
    const enUS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(formatNumber(n, 'latin')).toBe(enUS.format(n).replace('\u2212', '-'));
      }),
    );
  });
});

describe('formatAmount in riel', () => {
  const latin = { digits: 'latin' } as const;
  const khmer = { digits: 'khmer' } as const;

  it.each([
    [0, '0៛', '០៛'],
    [1, '1៛', '១៛'],
    [999, '999៛', '៩៩៩៛'],
    [1000, '1,000៛', '១.០០០៛'],
    [125000, '125,000៛', '១២៥.០០០៛'],
    [1234567890, '1,234,567,890៛', '១.២៣៤.៥៦៧.៨៩០៛'],
    [-125000, '-125,000៛', '-១២៥.០០០៛'],
    [Number.MAX_SAFE_INTEGER, '9,007,199,254,740,991៛', '៩.០០៧.១៩៩.២៥៤.៧៤០.៩៩១៛'],
  ])('%d → %s / %s', (minor, l, k) => {
    expect(formatAmount(minor, 'KHR', latin)).toBe(l);
    expect(formatAmount(minor, 'KHR', khmer)).toBe(k);
  });

  it('uses the riel sign U+17DB after the number', () => {
    expect(formatAmount(5, 'KHR', latin)).toBe('5\u17db');
  });

  it('puts negatives in brackets when asked', () => {
    expect(formatAmount(-125000, 'KHR', { digits: 'latin', brackets: true })).toBe('(125,000៛)');
    expect(formatAmount(-125000, 'KHR', { digits: 'khmer', brackets: true })).toBe('(១២៥.០០០៛)');
    expect(formatAmount(-125000, 'KHR', { digits: 'latin', brackets: false })).toBe('-125,000៛');
    expect(formatAmount(125000, 'KHR', { digits: 'latin', brackets: true })).toBe('125,000៛');
    expect(formatAmount(0, 'KHR', { digits: 'latin', brackets: true })).toBe('0៛');
  });

  it('omits the sign with symbol: false', () => {
    expect(formatAmount(125000, 'KHR', { digits: 'latin', symbol: false })).toBe('125,000');
    expect(formatAmount(125000, 'KHR', { digits: 'khmer', symbol: false })).toBe('១២៥.០០០');
    expect(formatAmount(-125000, 'KHR', { digits: 'latin', symbol: false, brackets: true })).toBe(
      '(125,000)',
    );
    expect(formatAmount(125000, 'KHR', { digits: 'latin', symbol: true })).toBe('125,000៛');
  });

  it('shows negative zero as zero', () => {
    expect(formatAmount(-0, 'KHR', { digits: 'latin', brackets: true })).toBe('0៛');
  });
});

describe('formatAmount in dollars', () => {
  const latin = { digits: 'latin' } as const;
  const khmer = { digits: 'khmer' } as const;

  it.each([
    [0, '$0.00', '០,០០$'],
    [5, '$0.05', '០,០៥$'],
    [-5, '-$0.05', '-០,០៥$'],
    [50, '$0.50', '០,៥០$'],
    [99, '$0.99', '០,៩៩$'],
    [100, '$1.00', '១,០០$'],
    [-100, '-$1.00', '-១,០០$'],
    [31250, '$312.50', '៣១២,៥០$'],
    [-31250, '-$312.50', '-៣១២,៥០$'],
    [100000, '$1,000.00', '១.០០០,០០$'],
    [123456789, '$1,234,567.89', '១.២៣៤.៥៦៧,៨៩$'],
    [Number.MAX_SAFE_INTEGER, '$90,071,992,547,409.91', '៩០.០៧១.៩៩២.៥៤៧.៤០៩,៩១$'],
    [Number.MIN_SAFE_INTEGER, '-$90,071,992,547,409.91', '-៩០.០៧១.៩៩២.៥៤៧.៤០៩,៩១$'],
  ])('%d cents → %s / %s', (minor, l, k) => {
    expect(formatAmount(minor, 'USD', latin)).toBe(l);
    expect(formatAmount(minor, 'USD', khmer)).toBe(k);
  });

  it('puts negatives in brackets when asked', () => {
    expect(formatAmount(-5, 'USD', { digits: 'latin', brackets: true })).toBe('($0.05)');
    expect(formatAmount(-31250, 'USD', { digits: 'latin', brackets: true })).toBe('($312.50)');
    expect(formatAmount(-31250, 'USD', { digits: 'khmer', brackets: true })).toBe('(៣១២,៥០$)');
  });

  it('omits the sign with symbol: false', () => {
    expect(formatAmount(31250, 'USD', { digits: 'latin', symbol: false })).toBe('312.50');
    expect(formatAmount(31250, 'USD', { digits: 'khmer', symbol: false })).toBe('៣១២,៥០');
    expect(formatAmount(-5, 'USD', { digits: 'latin', symbol: false })).toBe('-0.05');
    expect(formatAmount(-5, 'USD', { digits: 'latin', symbol: false, brackets: true })).toBe('(0.05)');
  });

  it('is exact for every safe integer: the digits of the cents, a point before the last two', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        const text = formatAmount(n, 'USD', { digits: 'latin', symbol: false });
        const abs = (n < 0 ? -BigInt(n) : BigInt(n)).toString().padStart(3, '0');
        expect(text.replace(/[,.-]/g, '')).toBe(abs);
        expect(text.slice(-3, -2)).toBe('.');
        expect(text.startsWith('-')).toBe(n < 0);
      }),
    );
  });
});

describe('formatAmount rejects what is not a safe integer', () => {
  it.each([
    0.5,
    312.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.MAX_SAFE_INTEGER + 1,
    Number.MIN_SAFE_INTEGER - 1,
  ])('%d', (n) => {
    expect(() => formatAmount(n, 'KHR', { digits: 'latin' })).toThrow(RangeError);
    expect(() => formatAmount(n, 'USD', { digits: 'khmer' })).toThrow(RangeError);
  });
});
