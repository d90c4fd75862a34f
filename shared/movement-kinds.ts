// What a movement on a member's savings statement is, in each language: the statement on screen and the
// printed statement name the entry kinds the same way. A kind not listed shows the entry's memo instead.
export const MOVEMENT_KIND_NAMES = {
  km: {
    savings_deposit: 'ដាក់ប្រាក់',
    savings_withdrawal: 'ដកប្រាក់',
    savings_close: 'បិទគណនី',
    interest: 'ការប្រាក់',
    share_redemption: 'ទូទាត់ពេលចាកចេញ',
    opening: 'សមតុល្យដើមគ្រា',
    receipt: 'ប័ណ្ណទទួលប្រាក់',
    payment: 'ប័ណ្ណចំណាយប្រាក់',
    reversal: 'ការបញ្ច្រាស',
    input_sale: 'ទិញធាតុចូលជំពាក់',
    input_repayment: 'សងឥណទានធាតុចូល',
  },
  en: {
    savings_deposit: 'Deposit',
    savings_withdrawal: 'Withdrawal',
    savings_close: 'Account closed',
    interest: 'Interest',
    share_redemption: 'Settled on leaving',
    opening: 'Opening balance',
    receipt: 'Receipt voucher',
    payment: 'Payment voucher',
    reversal: 'Reversal',
    input_sale: 'Inputs on credit',
    input_repayment: 'Input credit repaid',
  },
} as const satisfies Record<'km' | 'en', Record<string, string>>;

/** The name of a movement's kind, or its memo when the kind has none. */
export function movementLabel(lang: 'km' | 'en', kind: string, memo: string): string {
  return (MOVEMENT_KIND_NAMES[lang] as Record<string, string>)[kind] ?? memo;
}
