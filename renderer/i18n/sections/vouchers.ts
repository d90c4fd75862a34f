import type { Widen } from '../types';

export const vouchersKm = {
  title: 'ប្រតិបត្តិការសាច់ប្រាក់',
};

export const vouchersEn: Widen<typeof vouchersKm> = {
  title: 'Cash vouchers',
};
