import type { Generated } from 'kysely';

// The by-law and meetings tables (migration 006) as the database holds them.
export interface BylawsTable {
  id: number;
  assembly_quorum_numerator: number;
  assembly_quorum_denominator: number;
  assembly_quorum_strict: number;
  board_quorum_numerator: number;
  board_quorum_denominator: number;
  board_quorum_strict: number;
  board_size: number;
  proxies_allowed: number;
  proxies_per_person: number;
  reserve_percent: number;
  development_percent: number;
  social_percent: number;
  dividend_percent: number;
  patronage_percent: number;
  updated_at: string;
}

export interface MeetingsTable {
  id: Generated<number>;
  number: string;
  kind: 'board' | 'general_assembly' | 'member';
  date: string;
  time: string | null;
  place: string;
  chair_name: string | null;
  secretary_name: string | null;
  held: number;
  created_at: string;
  updated_at: string;
}

export interface MeetingAgendaTable {
  id: Generated<number>;
  meeting_id: number;
  position: number;
  title: string;
  discussion: string | null;
  decision: string | null;
  votes_for: number;
  votes_against: number;
  votes_abstain: number;
}

export interface MeetingAttendeesTable {
  id: Generated<number>;
  meeting_id: number;
  position: number;
  member_id: number | null;
  guest_name: string | null;
  role: string | null;
  is_board: number;
}

export interface MeetingProxiesTable {
  meeting_id: number;
  attendee_id: number;
  member_id: number;
}

export interface YearClosesTable {
  year: number;
  first_day: string;
  last_day: string;
  meeting_id: number;
  surplus: number;
  loss_covered: number;
  reserve: number;
  development: number;
  social: number;
  dividends: number;
  patronage: number;
  result_usd: number;
  paddy_counted: number;
  entry_id: number | null;
  closed_at: string;
  closed_by: string;
}

export interface YearDistributionsTable {
  year: number;
  member_id: number;
  shares: number;
  business: number;
  dividend: number;
  patronage: number;
  paid_entry_id: number | null;
  paid_on: string | null;
  paid_how: 'cash' | 'savings' | null;
}

export interface MeetingsTables {
  bylaws: BylawsTable;
  meetings: MeetingsTable;
  meeting_agenda: MeetingAgendaTable;
  meeting_attendees: MeetingAttendeesTable;
  meeting_proxies: MeetingProxiesTable;
  year_closes: YearClosesTable;
  year_distributions: YearDistributionsTable;
}
