import type { Widen } from '../types';

export const savingsKm = {
  title: 'ប្រាក់សន្សំ',
};

export const savingsEn: Widen<typeof savingsKm> = {
  title: 'Savings',
};
