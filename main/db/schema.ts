import type { Generated, Selectable } from 'kysely';

// Table types as the database holds them (snake_case, NULL for absent). Services map them to the
// contract's shapes.
export interface CooperativeTable {
  id: number;
  name_km: string;
  name_latin: string | null;
  registration_number: string | null;
  registration_date: string | null;
  founded_on: string;
  village: string | null;
  commune: string | null;
  district: string | null;
  province: string | null;
  fiscal_year_start_month: number;
  share_par: number;
  share_cap_per_member: number;
  chair: string | null;
  vice_chair: string | null;
  treasurer: string | null;
  bookkeeper: string | null;
  internal_control: string | null;
  report_digits: 'khmer' | 'latin';
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface SequencesTable {
  name: string;
  next_value: number;
}

export interface MembersTable {
  id: Generated<number>;
  number: number;
  name_km: string;
  name_latin: string | null;
  sex: 'F' | 'M';
  birth_date: string | null;
  national_id: string | null;
  phone: string | null;
  village: string | null;
  commune: string | null;
  join_date: string;
  status: 'active' | 'left' | 'deceased';
  exit_date: string | null;
  exit_reason: string | null;
  next_of_kin: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface Database {
  cooperative: CooperativeTable;
  sequences: SequencesTable;
  members: MembersTable;
}

export type CooperativeRow = Selectable<CooperativeTable>;
export type MemberRecord = Selectable<MembersTable>;
