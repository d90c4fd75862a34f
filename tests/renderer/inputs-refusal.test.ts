import { describe, expect, it } from 'vitest';
import { encodeError, errorSentence } from '../../renderer/components/form';
import type { I18n } from '../../renderer/i18n';
import { en } from '../../renderer/i18n/en';
import { km } from '../../renderer/i18n/km';
import { monthlyRateBp } from '../../renderer/inputs/parts';
import { editorErrors, readableInputError, refusedLine } from '../../renderer/inputs/refusal';
import type { InputItem } from '../../shared/inputs';
import { formatDateTable, withDigits } from '../../shared/khmer';

// The dictionary and formatting the provider gives the screens, without React.
function i18nOf(language: 'km' | 'en'): I18n {
  const digits = language === 'km' ? 'khmer' : 'latin';
  const num = (v: number | string) => withDigits(String(v), digits);
  return {
    language,
    t: language === 'km' ? km : en,
    digits,
    num,
    date: (iso) => formatDateTable(iso, digits),
    format: (template, params = {}, verbatim = {}) =>
      template.replace(/\{(\w+)\}/g, (match, key: string) =>
        key in verbatim ? (verbatim[key] ?? '') : key in params ? num(params[key] ?? '') : match,
      ),
  };
}

const urea: InputItem = {
  id: 3,
  nameKm: 'ជីអ៊ុយរ៉េ',
  nameLatin: 'Urea',
  unit: 'bag50',
  salePrice: 115_000,
  stockAccountId: 1,
  incomeAccountId: 2,
  active: true,
  quantity: 38_000,
  value: 3_800_000,
};

describe('the inputs refusals as the bookkeeper reads them', () => {
  it('names the item and what is left of it in its unit, in each language', () => {
    const error = {
      code: 'insufficient_stock' as const,
      field: 'lines',
      params: { line: 0, item: 'ជីអ៊ុយរ៉េ', available: '37.5' },
    };
    const sentence = (language: 'km' | 'en') => {
      const i18n = i18nOf(language);
      return errorSentence(i18n, encodeError(readableInputError(i18n, error, [urea])));
    };
    expect(sentence('km')).toBe('ស្តុកមិនគ្រប់គ្រាន់៖ ជីអ៊ុយរ៉េ នៅសល់តែ ៣៧,៥ បាវ ៥០ គ.ក');
    expect(sentence('en')).toBe('is more than is in stock: only 37.5 bag of 50 kg of Urea left');
  });

  it('writes what is owed as money', () => {
    const i18n = i18nOf('km');
    const error = { code: 'repayment_too_large' as const, field: 'amount', params: { owed: 235_000 } };
    expect(errorSentence(i18n, encodeError(readableInputError(i18n, error, [])))).toBe(
      'លើសចំនួនដែលជំពាក់ (២៣៥.០០០៛)',
    );
  });

  it('puts a line refusal on the cell it is about', () => {
    expect(refusedLine({ code: 'insufficient_stock', field: 'lines', params: { line: 2 } })).toEqual({
      index: 2,
      field: 'quantity',
    });
    expect(refusedLine({ code: 'item_inactive', field: 'lines', params: { line: 0 } })).toEqual({
      index: 0,
      field: 'itemId',
    });
    expect(refusedLine({ code: 'amount_invalid', field: 'amount' })).toBeNull();
  });

  it("reads the form's line errors under the editor's names", () => {
    expect(
      editorErrors(
        [undefined, { itemId: { message: 'required' }, unitCost: { message: 'amount_invalid' } }],
        'unitCost',
      ),
    ).toEqual([undefined, { itemId: 'required', price: 'amount_invalid' }]);
    expect(editorErrors({ message: 'required' }, 'unitPrice')).toEqual([]);
  });

  it('reads a monthly rate typed in percent, in Latin or Khmer digits', () => {
    expect(monthlyRateBp('1.5')).toBe(150);
    expect(monthlyRateBp('១,៥')).toBe(150);
    expect(monthlyRateBp('2')).toBe(200);
    expect(monthlyRateBp('1.555')).toBeNaN();
    expect(monthlyRateBp('')).toBeNaN();
  });
});
