import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { Language } from '../../shared/contract';
import { type Digits, formatDateTable, withDigits } from '../../shared/khmer';
import { en } from './en';
import { km, type Messages } from './km';

const DICTIONARIES: Record<Language, Messages> = { km, en };

export interface I18n {
  language: Language;
  t: Messages;
  digits: Digits;
  /**
   * Fills '{name}' placeholders, with numbers in the language's digits; `verbatim` values (voucher
   * numbers, account codes) go in exactly as written.
   */
  format(
    template: string,
    params?: Record<string, string | number>,
    verbatim?: Record<string, string>,
  ): string;
  date(iso: string): string;
  num(value: number | string): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo<I18n>(() => {
    const digits: Digits = language === 'km' ? 'khmer' : 'latin';
    const num = (v: number | string) => withDigits(String(v), digits);
    return {
      language,
      t: DICTIONARIES[language],
      digits,
      num,
      date: (iso) => (iso ? formatDateTable(iso, digits) : ''),
      format: (template, params = {}, verbatim = {}) =>
        template.replace(/\{(\w+)\}/g, (match, key: string) =>
          key in verbatim ? (verbatim[key] ?? '') : key in params ? num(params[key] ?? '') : match,
        ),
    };
  }, [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** Member numbers as the register prints them: four digits, zero-padded. */
export const memberNumber = (n: number) => String(n).padStart(4, '0');
