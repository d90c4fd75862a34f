import { describe, expect, it } from 'vitest';
import { defaultFrom, type ReportChoice, toRequest } from '../../renderer/reports/choice';

const choice = (patch: Partial<ReportChoice>): ReportChoice => ({
  report: 'board-statement',
  month: '2026-10',
  asOf: '2026-11-28',
  from: '2026-11-01',
  to: '2026-11-28',
  memberId: null,
  allMembers: false,
  currency: '',
  lang: 'km',
  digits: '',
  nationalHeader: true,
  ...patch,
});

describe('the Reports screen request', () => {
  it('sends only what the chosen report takes, checked by the shared schema', () => {
    expect(toRequest(choice({}))).toEqual({
      request: { report: 'board-statement', month: '2026-10', lang: 'km', nationalHeader: true },
    });
    expect(toRequest(choice({ report: 'cash-book', currency: 'USD', digits: 'latin', lang: 'en' }))).toEqual({
      request: {
        report: 'cash-book',
        from: '2026-11-01',
        to: '2026-11-28',
        currency: 'USD',
        lang: 'en',
        digits: 'latin',
        nationalHeader: true,
      },
    });
    expect(toRequest(choice({ report: 'member-statement', allMembers: true }))).toEqual({
      request: {
        report: 'member-statement',
        from: '2026-11-01',
        to: '2026-11-28',
        lang: 'km',
        nationalHeader: true,
      },
    });
  });

  it('names the field a refusal is about', () => {
    expect(toRequest(choice({ report: 'member-statement' }))).toEqual({
      error: { code: 'required', field: 'memberId' },
    });
    expect(toRequest(choice({ report: 'income-statement', from: '2026-12-01' }))).toEqual({
      error: { code: 'period_order', field: 'from' },
    });
    expect(toRequest(choice({ report: 'balance-sheet', asOf: '31/02/2026' }))).toEqual({
      error: { code: 'date_invalid', field: 'asOf' },
    });
    expect(toRequest(choice({ report: 'trial-balance', asOf: '' }))).toEqual({
      error: { code: 'required', field: 'asOf' },
    });
  });

  it('starts the cash book at the month, the others at the year', () => {
    expect(defaultFrom('cash-book', '2026-11-28')).toBe('2026-11-01');
    expect(defaultFrom('income-statement', '2026-11-28')).toBe('2026-01-01');
    expect(defaultFrom('member-statement', '2026-11-28')).toBe('2026-01-01');
  });
});
