import { type Kysely, sql } from 'kysely';

// Frozen once landed: never import application code here, never edit; add a new migration instead.

// biome-ignore format: one account per line reads as the chart it is.
const ACCOUNTS: readonly [code: string, parent: string, type: string, currency: string | null, km: string, en: string, role: string | null][] = [
  ['24', '2', 'liability', null, 'ប្រាក់ចំណេញត្រូវបែងចែកឱ្យសមាជិក', 'Surplus owed to members', null],
  ['2401', '24', 'liability', 'KHR', 'ភាគលាភលើភាគហ៊ុនត្រូវបង់', 'Dividends on shares payable', 'dividends_payable'],
  ['2402', '24', 'liability', 'KHR', 'ប្រាក់បង្វិលសងតាមការប្រើប្រាស់សេវាត្រូវបង់', 'Patronage refunds payable', 'patronage_payable'],
  ['3204', '3', 'equity', 'KHR', 'មូលនិធិអភិវឌ្ឍន៍', 'Development fund', 'development_fund'],
  ['3302', '3', 'equity', 'KHR', 'លទ្ធផលប្រចាំឆ្នាំ (រៀល)', 'Surplus of the year (riel)', 'year_surplus_khr'],
  ['3303', '3', 'equity', 'USD', 'លទ្ធផលប្រចាំឆ្នាំ (ដុល្លារ)', 'Surplus of the year (dollars)', 'year_surplus_usd'],
  ['3304', '3', 'equity', 'USD', 'ប្រាក់ចំណេញរក្សាទុក (ដុល្លារ)', 'Retained surplus (dollars)', 'retained_surplus_usd'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  const now = new Date().toISOString();
  for (const [code, parent, type, currency, km, en, role] of ACCOUNTS) {
    await sql`
      INSERT INTO accounts (code, name_km, name_en, type, currency, parent_id, role, created_at)
      SELECT ${code}, ${km}, ${en}, ${type}, ${currency}, (SELECT id FROM accounts WHERE code = ${parent}),
             ${role}, ${now}
      WHERE NOT EXISTS (SELECT 1 FROM accounts WHERE code = ${code} OR (role IS NOT NULL AND role = ${role}))
    `.execute(db);
  }

  // The by-law's rules, one row beside the cooperative's profile; defaults are the model by-law's.
  await sql`
    CREATE TABLE bylaws (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      assembly_quorum_numerator INTEGER NOT NULL DEFAULT 1,
      assembly_quorum_denominator INTEGER NOT NULL DEFAULT 2,
      assembly_quorum_strict INTEGER NOT NULL DEFAULT 1 CHECK (assembly_quorum_strict IN (0, 1)),
      board_quorum_numerator INTEGER NOT NULL DEFAULT 2,
      board_quorum_denominator INTEGER NOT NULL DEFAULT 3,
      board_quorum_strict INTEGER NOT NULL DEFAULT 0 CHECK (board_quorum_strict IN (0, 1)),
      board_size INTEGER NOT NULL DEFAULT 5 CHECK (board_size > 0),
      proxies_allowed INTEGER NOT NULL DEFAULT 1 CHECK (proxies_allowed IN (0, 1)),
      proxies_per_person INTEGER NOT NULL DEFAULT 1 CHECK (proxies_per_person > 0),
      reserve_percent INTEGER NOT NULL DEFAULT 20,
      development_percent INTEGER NOT NULL DEFAULT 10,
      social_percent INTEGER NOT NULL DEFAULT 10,
      dividend_percent INTEGER NOT NULL DEFAULT 30,
      patronage_percent INTEGER NOT NULL DEFAULT 30,
      updated_at TEXT NOT NULL,
      CHECK (reserve_percent + development_percent + social_percent + dividend_percent + patronage_percent = 100)
    ) STRICT
  `.execute(db);

  await sql`
    CREATE TABLE meetings (
      id INTEGER PRIMARY KEY,
      number TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('board', 'general_assembly', 'member')),
      date TEXT NOT NULL,
      time TEXT,
      place TEXT NOT NULL CHECK (length(place) > 0),
      chair_name TEXT,
      secretary_name TEXT,
      held INTEGER NOT NULL CHECK (held IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT
  `.execute(db);
  await sql`CREATE INDEX meetings_date ON meetings (date)`.execute(db);

  await sql`
    CREATE TABLE meeting_agenda (
      id INTEGER PRIMARY KEY,
      meeting_id INTEGER NOT NULL REFERENCES meetings (id),
      position INTEGER NOT NULL,
      title TEXT NOT NULL CHECK (length(title) > 0),
      discussion TEXT,
      decision TEXT,
      votes_for INTEGER NOT NULL CHECK (votes_for >= 0),
      votes_against INTEGER NOT NULL CHECK (votes_against >= 0),
      votes_abstain INTEGER NOT NULL CHECK (votes_abstain >= 0),
      UNIQUE (meeting_id, position)
    ) STRICT
  `.execute(db);

  // A member attends at most once; a guest has a name instead of a member.
  await sql`
    CREATE TABLE meeting_attendees (
      id INTEGER PRIMARY KEY,
      meeting_id INTEGER NOT NULL REFERENCES meetings (id),
      position INTEGER NOT NULL,
      member_id INTEGER REFERENCES members (id),
      guest_name TEXT,
      role TEXT,
      is_board INTEGER NOT NULL CHECK (is_board IN (0, 1)),
      CHECK ((member_id IS NULL) <> (guest_name IS NULL)),
      UNIQUE (meeting_id, member_id)
    ) STRICT
  `.execute(db);
  await sql`CREATE INDEX meeting_attendees_meeting ON meeting_attendees (meeting_id, position)`.execute(db);

  // An absent member is represented by at most one person at a meeting.
  await sql`
    CREATE TABLE meeting_proxies (
      meeting_id INTEGER NOT NULL REFERENCES meetings (id),
      attendee_id INTEGER NOT NULL REFERENCES meeting_attendees (id),
      member_id INTEGER NOT NULL REFERENCES members (id),
      PRIMARY KEY (meeting_id, member_id)
    ) STRICT
  `.execute(db);

  await sql`
    CREATE TABLE year_closes (
      year INTEGER PRIMARY KEY,
      first_day TEXT NOT NULL,
      last_day TEXT NOT NULL,
      meeting_id INTEGER NOT NULL UNIQUE REFERENCES meetings (id),
      surplus INTEGER NOT NULL,
      loss_covered INTEGER NOT NULL,
      reserve INTEGER NOT NULL,
      development INTEGER NOT NULL,
      social INTEGER NOT NULL,
      dividends INTEGER NOT NULL,
      patronage INTEGER NOT NULL,
      result_usd INTEGER NOT NULL,
      paddy_counted INTEGER NOT NULL CHECK (paddy_counted IN (0, 1)),
      entry_id INTEGER REFERENCES journal_entries (id),
      closed_at TEXT NOT NULL,
      closed_by TEXT NOT NULL
    ) STRICT
  `.execute(db);
  // A closed year stays closed: the books of a year the general assembly approved do not reopen.
  for (const action of ['UPDATE', 'DELETE']) {
    await sql
      .raw(`
        CREATE TRIGGER year_closes_no_${action.toLowerCase()} BEFORE ${action} ON year_closes
        BEGIN SELECT RAISE(ABORT, 'a closed year stays closed'); END
      `)
      .execute(db);
  }

  await sql`
    CREATE TABLE year_distributions (
      year INTEGER NOT NULL REFERENCES year_closes (year),
      member_id INTEGER NOT NULL REFERENCES members (id),
      shares INTEGER NOT NULL CHECK (shares >= 0),
      business INTEGER NOT NULL CHECK (business >= 0),
      dividend INTEGER NOT NULL CHECK (dividend >= 0),
      patronage INTEGER NOT NULL CHECK (patronage >= 0),
      paid_entry_id INTEGER REFERENCES journal_entries (id),
      paid_on TEXT,
      paid_how TEXT CHECK (paid_how IN ('cash', 'savings')),
      PRIMARY KEY (year, member_id),
      CHECK ((paid_entry_id IS NULL) = (paid_on IS NULL) AND (paid_on IS NULL) = (paid_how IS NULL))
    ) STRICT
  `.execute(db);
}
