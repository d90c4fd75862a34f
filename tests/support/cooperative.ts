import type { SavingsProductInput } from '../../shared/savings';
import { blankCooperative, type CooperativeInput } from '../../shared/schemas';

/** The cooperative the main-process tests keep books for: Prey Khla, founded in March 2016. */
export const preyKhla: CooperativeInput = {
  ...blankCooperative,
  nameKm: 'សហគមន៍កសិកម្ម ព្រៃខ្លា សាមគ្គី',
  nameLatin: 'Prey Khla Samaki Agricultural Cooperative',
  registrationNumber: 'PV-0427',
  registrationDate: '2016-04-02',
  foundedOn: '2016-03-15',
  village: 'ព្រៃខ្លា',
  commune: 'ព្រះស្តេច',
  district: 'ព្រះស្តេច',
  province: 'ព្រៃវែង',
  shareCapPerMember: 50,
  chair: 'សុខ សុភ័ក្រ',
  viceChair: 'ចាន់ ស្រីមុំ',
  treasurer: 'ហេង សុភា',
  bookkeeper: 'លី ចន្ធូ',
  internalControl: 'គឹម វណ្ណា',
};

/** A riel passbook account at 6% a year, interest posted monthly, early withdrawal allowed. */
export const ordinaryRielSavings: SavingsProductInput = {
  nameKm: 'ប្រាក់សន្សំធម្មតា',
  nameEn: 'Ordinary savings',
  currency: 'KHR',
  kind: 'ordinary',
  termMonths: null,
  annualRateBp: 600,
  posting: 'monthly',
  minOpeningDeposit: 10_000,
  earlyWithdrawal: true,
  earlyPenaltyBp: 0,
};
