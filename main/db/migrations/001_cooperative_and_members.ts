import { type Kysely, sql } from 'kysely';

// Frozen once landed: never import application code here, never edit; add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE cooperative (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      name_km TEXT NOT NULL CHECK (length(name_km) > 0),
      name_latin TEXT,
      registration_number TEXT,
      registration_date TEXT,
      founded_on TEXT NOT NULL,
      village TEXT,
      commune TEXT,
      district TEXT,
      province TEXT,
      fiscal_year_start_month INTEGER NOT NULL DEFAULT 1 CHECK (fiscal_year_start_month BETWEEN 1 AND 12),
      share_par INTEGER NOT NULL CHECK (share_par > 0),
      share_cap_per_member INTEGER NOT NULL DEFAULT 0 CHECK (share_cap_per_member >= 0),
      chair TEXT,
      vice_chair TEXT,
      treasurer TEXT,
      bookkeeper TEXT,
      internal_control TEXT,
      report_digits TEXT NOT NULL DEFAULT 'khmer' CHECK (report_digits IN ('khmer', 'latin')),
      is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT
  `.execute(db);

  // Numbers handed out in sequence (members now; certificates and receipts later). A number once given
  // is never given again, even if the row that took it were ever removed.
  await sql`
    CREATE TABLE sequences (
      name TEXT PRIMARY KEY,
      next_value INTEGER NOT NULL CHECK (next_value > 0)
    ) STRICT
  `.execute(db);

  await sql`
    CREATE TABLE members (
      id INTEGER PRIMARY KEY,
      number INTEGER NOT NULL UNIQUE CHECK (number > 0),
      name_km TEXT NOT NULL CHECK (length(name_km) > 0),
      name_latin TEXT,
      sex TEXT NOT NULL CHECK (sex IN ('F', 'M')),
      birth_date TEXT,
      national_id TEXT UNIQUE,
      phone TEXT,
      village TEXT,
      commune TEXT,
      join_date TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'left', 'deceased')),
      exit_date TEXT,
      exit_reason TEXT,
      next_of_kin TEXT,
      notes TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((status = 'active') = (exit_date IS NULL))
    ) STRICT
  `.execute(db);
  await sql`CREATE INDEX members_status ON members (status)`.execute(db);
  await sql`CREATE INDEX members_village ON members (village)`.execute(db);
}
