import { z } from 'zod';

export const globalSearchSchema = z.strictObject({ text: z.string().max(100, 'too_long') });

/** What Ctrl+K finds: members, accounts and numbered documents (receipts, vouchers, input documents). */
export interface SearchResults {
  members: { id: number; number: number; nameKm: string; nameLatin: string; village: string }[];
  accounts: { id: number; code: string; nameKm: string; nameEn: string }[];
  documents: { entryId: number; number: string; date: string; kind: string; memo: string }[];
}
