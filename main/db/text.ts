/** Absent optional text is NULL in the database and '' in the contract (what a form field holds). */
export const nullIfEmpty = (value: string): string | null => (value === '' ? null : value);
