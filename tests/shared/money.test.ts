import { describe, expect, it } from 'vitest';
import { convert, parseAmount, plainAmount } from '../../shared/money';

describe('amounts typed by a person', () => {
  it.each([
    ['125000', 'KHR', 125000],
    ['125,000', 'KHR', 125000],
    ['1,250,000៛', 'KHR', 1250000],
    ['១២៥.០០០', 'KHR', 125000],
    ['-20', 'KHR', -20],
    ['312.50', 'USD', 31250],
    ['312.5', 'USD', 31250],
    ['$1,312.05', 'USD', 131205],
    ['៣១២,៥០', 'USD', 31250],
    ['7', 'USD', 700],
    ['100.00', 'KHR', 100],
  ] as const)('%s in %s is %d', (text, currency, minor) => {
    expect(parseAmount(text, currency)).toBe(minor);
  });

  it.each([
    ['12.5', 'KHR'],
    ['1.234', 'USD'],
    ['12,34', 'KHR'],
    ['abc', 'USD'],
    ['', 'KHR'],
    ['1..2', 'USD'],
    ['99999999999999999999', 'KHR'],
  ] as const)('%s is not an amount in %s', (text, currency) => {
    expect(parseAmount(text, currency)).toBeNull();
  });

  it('writes plain decimals for files', () => {
    expect(plainAmount(125000, 'KHR')).toBe('125000');
    expect(plainAmount(-5, 'USD')).toBe('-0.05');
    expect(plainAmount(31250, 'USD')).toBe('312.50');
    expect(plainAmount(-131205, 'USD')).toBe('-1312.05');
  });
});

describe('exchange between riel and dollars', () => {
  it('converts exactly and rounds half up to the riel or the cent', () => {
    expect(convert(10000, 'USD', '4100')).toBe(410000);
    expect(convert(1001, 'USD', '4102.5')).toBe(41066); // 41,066.025 riel
    expect(convert(1003, 'USD', '4102.5')).toBe(41148); // 41,148.075 riel
    expect(convert(2, 'USD', '4025')).toBe(81); // 80.5 riel rounds up
    expect(convert(410000, 'KHR', '4100')).toBe(10000);
    expect(convert(41066, 'KHR', '4102.5')).toBe(1001); // 1,000.999 cents
    expect(convert(100, 'KHR', '4000')).toBe(3); // 2.5 cents rounds up
    expect(convert(99_999_999_999, 'KHR', '4100.1234')).toBe(2_438_950_984);
    expect(convert(500, 'USD', '0')).toBeNull();
  });
});
