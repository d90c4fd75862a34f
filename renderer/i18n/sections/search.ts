import type { Widen } from '../types';

// Ctrl+K: the search over members, accounts and documents from any screen.
export const searchKm = {
  label: 'ស្វែងរក (Ctrl+K)',
  placeholder: 'លេខសមាជិក ឈ្មោះ លេខកូដគណនី ឬលេខប័ណ្ណ',
  members: 'សមាជិក',
  accounts: 'គណនី',
  documents: 'ប័ណ្ណ និងឯកសារ',
  none: 'រកមិនឃើញទេ',
  hint: 'Enter បើក · ↑↓ ផ្លាស់ទី · Esc បិទ',
};

export const searchEn: Widen<typeof searchKm> = {
  label: 'Search (Ctrl+K)',
  placeholder: 'Member number or name, account code or name, receipt or voucher number',
  members: 'Members',
  accounts: 'Accounts',
  documents: 'Receipts and documents',
  none: 'Nothing found',
  hint: 'Enter opens · ↑↓ moves · Esc closes',
};
