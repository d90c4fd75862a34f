import { type Kysely, sql } from 'kysely';

// Frozen once landed: never import application code here, never edit; add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The by-law's cap may also be a share of all shares (0 = none), beside the cap in shares per member.
  await sql`
    ALTER TABLE cooperative ADD COLUMN share_cap_percent INTEGER NOT NULL DEFAULT 0
      CHECK (share_cap_percent BETWEEN 0 AND 100)
  `.execute(db);

  // How many shares each member holds, and why: the ledger holds their value, this their count and
  // their certificates. Written with the entry that moves the money, never changed afterwards.
  await sql`
    CREATE TABLE share_movements (
      id INTEGER PRIMARY KEY,
      member_id INTEGER NOT NULL REFERENCES members (id),
      date TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('opening', 'purchase', 'transfer_in', 'transfer_out', 'redemption')),
      shares INTEGER NOT NULL CHECK (shares <> 0),
      certificate_number INTEGER UNIQUE,
      counterpart_member_id INTEGER REFERENCES members (id),
      decision_ref TEXT,
      entry_id INTEGER NOT NULL REFERENCES journal_entries (id),
      CHECK ((kind IN ('opening', 'purchase', 'transfer_in')) = (shares > 0)),
      CHECK ((kind IN ('opening', 'purchase', 'transfer_in')) = (certificate_number IS NOT NULL))
    ) STRICT
  `.execute(db);
  await sql`CREATE INDEX share_movements_member ON share_movements (member_id, date)`.execute(db);

  await sql`
    CREATE TABLE savings_products (
      id INTEGER PRIMARY KEY,
      name_km TEXT NOT NULL CHECK (length(name_km) > 0),
      name_en TEXT NOT NULL CHECK (length(name_en) > 0),
      currency TEXT NOT NULL CHECK (currency IN ('KHR', 'USD')),
      kind TEXT NOT NULL CHECK (kind IN ('ordinary', 'fixed')),
      term_months INTEGER CHECK (term_months BETWEEN 1 AND 120),
      annual_rate_bp INTEGER NOT NULL CHECK (annual_rate_bp BETWEEN 0 AND 10000),
      posting TEXT NOT NULL CHECK (posting IN ('monthly', 'quarterly', 'yearly', 'maturity')),
      min_opening_deposit INTEGER NOT NULL CHECK (min_opening_deposit >= 0),
      early_withdrawal INTEGER NOT NULL CHECK (early_withdrawal IN (0, 1)),
      early_penalty_bp INTEGER NOT NULL CHECK (early_penalty_bp BETWEEN 0 AND 10000),
      account_id INTEGER NOT NULL UNIQUE REFERENCES accounts (id),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL,
      CHECK ((kind = 'fixed') = (term_months IS NOT NULL)),
      CHECK (kind = 'fixed' OR posting <> 'maturity')
    ) STRICT
  `.execute(db);

  // A member holds at most one open account per product, so an account's balance is the member's
  // sub-ledger on the product's control account.
  await sql`
    CREATE TABLE savings_accounts (
      id INTEGER PRIMARY KEY,
      number TEXT NOT NULL UNIQUE,
      member_id INTEGER NOT NULL REFERENCES members (id),
      product_id INTEGER NOT NULL REFERENCES savings_products (id),
      opened_on TEXT NOT NULL,
      maturity_on TEXT,
      closed_on TEXT,
      CHECK (closed_on IS NULL OR closed_on >= opened_on)
    ) STRICT
  `.execute(db);
  await sql`
    CREATE UNIQUE INDEX savings_accounts_open ON savings_accounts (member_id, product_id) WHERE closed_on IS NULL
  `.execute(db);

  // Interest is posted once per product and period: the key refuses a second run.
  await sql`
    CREATE TABLE interest_runs (
      product_id INTEGER NOT NULL REFERENCES savings_products (id),
      period TEXT NOT NULL,
      -- NULL when the period earned nothing: the run is still recorded, so it is not run twice.
      entry_id INTEGER REFERENCES journal_entries (id),
      PRIMARY KEY (product_id, period)
    ) STRICT
  `.execute(db);

  for (const table of ['share_movements', 'interest_runs']) {
    for (const action of ['UPDATE', 'DELETE']) {
      await sql
        .raw(`
          CREATE TRIGGER ${table}_no_${action.toLowerCase()} BEFORE ${action} ON ${table}
          BEGIN SELECT RAISE(ABORT, 'posted rows are immutable'); END
        `)
        .execute(db);
    }
  }
}
