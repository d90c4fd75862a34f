import type { Widen } from '../types';

export const moneyKm = {
  title: 'ភាគហ៊ុន និងប្រាក់សន្សំរបស់សមាជិក',
};

export const moneyEn: Widen<typeof moneyKm> = {
  title: 'Members’ shares and savings',
};
