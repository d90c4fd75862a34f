import { describe, expect, it } from 'vitest';
import { formatCambodianPhone, normalizeCambodianPhone } from '../../shared/phone';

describe('Cambodian phone numbers', () => {
  it.each([
    ['012345678', '012345678'],
    ['012 345 678', '012345678'],
    ['097-123-4567', '0971234567'],
    ['+855 12 345 678', '012345678'],
    ['855971234567', '0971234567'],
    ['០១២ ៣៤៥ ៦៧៨', '012345678'],
    ['(023) 123.456', '023123456'],
  ])('%s is the Cambodian number %s', (typed, stored) => {
    expect(normalizeCambodianPhone(typed)).toBe(stored);
  });

  it.each(['12345', '0012345678', '012345', '01234567890', '+66 81 234 5678', 'abc', ''])(
    '%s is not a Cambodian number',
    (typed) => {
      expect(normalizeCambodianPhone(typed)).toBeNull();
    },
  );

  it('groups a stored number as people write it', () => {
    expect(formatCambodianPhone('012345678')).toBe('012 345 678');
    expect(formatCambodianPhone('0971234567')).toBe('097 123 4567');
    expect(formatCambodianPhone('')).toBe('');
  });
});
