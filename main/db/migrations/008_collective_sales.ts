import { type Kysely, sql } from 'kysely';

// Frozen once landed: never import application code here, never edit; add a new migration instead.

// biome-ignore format: one account per line reads as the chart it is.
const ACCOUNTS: readonly [code: string, parent: string, type: string, currency: string | null, km: string, en: string, role: string | null][] = [
  ['15', '1', 'asset', null, 'ប្រាក់ត្រូវទទួលពីអ្នកទិញ', 'Receivable from buyers', null],
  ['1501', '15', 'asset', 'KHR', 'ប្រាក់ត្រូវទទួលពីអ្នកទិញ (រៀល)', 'Receivable from buyers (riel)', 'buyer_receivable_khr'],
  ['1502', '15', 'asset', 'USD', 'ប្រាក់ត្រូវទទួលពីអ្នកទិញ (ដុល្លារ)', 'Receivable from buyers (dollars)', 'buyer_receivable_usd'],
  ['23', '2', 'liability', null, 'ប្រាក់ត្រូវបង់ឱ្យសមាជិកពីការលក់រួម', 'Owed to members for collective sales', null],
  ['2301', '23', 'liability', 'KHR', 'ប្រាក់ស្រូវត្រូវបង់ឱ្យសមាជិក (រៀល)', 'Owed to members for paddy (riel)', 'sales_clearing_khr'],
  ['2302', '23', 'liability', 'USD', 'ប្រាក់ស្រូវត្រូវបង់ឱ្យសមាជិក (ដុល្លារ)', 'Owed to members for paddy (dollars)', 'sales_clearing_usd'],
  ['4501', '4', 'income', 'KHR', 'កម្រៃសេវាលក់រួម (រៀល)', 'Collective sales service fees (riel)', 'sales_fees_khr'],
  ['4502', '4', 'income', 'USD', 'កម្រៃសេវាលក់រួម (ដុល្លារ)', 'Collective sales service fees (dollars)', 'sales_fees_usd'],
  ['5302', '5', 'expense', 'KHR', 'ចំណាយលើការលក់រួម (រៀល)', 'Collective sales costs (riel)', 'sales_costs_khr'],
  ['5303', '5', 'expense', 'USD', 'ចំណាយលើការលក់រួម (ដុល្លារ)', 'Collective sales costs (dollars)', 'sales_costs_usd'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  // A campaign's money flows through what the cooperative owes its members for their paddy: the sale
  // to the buyer is credited there, the costs the members share and the payouts are debited there, so
  // that it shows at any moment what is still owed, and is zero once a campaign is paid out. What the
  // buyer has not paid yet is a receivable of its own. The service fee is the cooperative's income;
  // a cost the cooperative bears itself (not shared by members) is its expense.
  const now = new Date().toISOString();
  for (const [code, parent, type, currency, km, en, role] of ACCOUNTS) {
    await sql`
      INSERT INTO accounts (code, name_km, name_en, type, currency, parent_id, role, created_at)
      SELECT ${code}, ${km}, ${en}, ${type}, ${currency}, (SELECT id FROM accounts WHERE code = ${parent}),
             ${role}, ${now}
      WHERE NOT EXISTS (SELECT 1 FROM accounts WHERE code = ${code} OR (role IS NOT NULL AND role = ${role}))
    `.execute(db);
  }

  await sql`
    CREATE TABLE sales_campaigns (
      id INTEGER PRIMARY KEY,
      number TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL CHECK (length(name) > 0),
      crop TEXT NOT NULL CHECK (length(crop) > 0),
      variety TEXT,
      buyer_name TEXT NOT NULL CHECK (length(buyer_name) > 0),
      buyer_phone TEXT,
      start_date TEXT NOT NULL,
      end_date TEXT,
      currency TEXT NOT NULL CHECK (currency IN ('KHR', 'USD')),
      -- Per net kg in thousandths of the currency's minor unit, or a share of the sale in hundredths of a percent.
      fee_kind TEXT NOT NULL CHECK (fee_kind IN ('per_kg', 'percent')),
      fee_value INTEGER NOT NULL CHECK (fee_value >= 0),
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
      closed_on TEXT,
      created_at TEXT NOT NULL,
      CHECK ((status = 'closed') = (closed_on IS NOT NULL)),
      CHECK (fee_kind = 'per_kg' OR fee_value <= 10000)
    ) STRICT
  `.execute(db);

  // Weights in grams (thousandths of a kg), as the inputs keep quantities: exact integers.
  await sql`
    CREATE TABLE sales_deliveries (
      id INTEGER PRIMARY KEY,
      number TEXT NOT NULL UNIQUE,
      campaign_id INTEGER NOT NULL REFERENCES sales_campaigns (id),
      member_id INTEGER NOT NULL REFERENCES members (id),
      date TEXT NOT NULL,
      gross_g INTEGER NOT NULL CHECK (gross_g > 0),
      -- The moisture or quality deduction as typed: grams, or hundredths of a percent of the gross.
      deduction_kind TEXT NOT NULL CHECK (deduction_kind IN ('kg', 'percent')),
      deduction_value INTEGER NOT NULL CHECK (deduction_value >= 0),
      net_g INTEGER NOT NULL CHECK (net_g > 0 AND net_g <= gross_g),
      created_at TEXT NOT NULL
    ) STRICT
  `.execute(db);
  await sql`CREATE INDEX sales_deliveries_campaign ON sales_deliveries (campaign_id, member_id)`.execute(db);
  await sql`CREATE INDEX sales_deliveries_member ON sales_deliveries (member_id, date)`.execute(db);

  // The member's consent, for this campaign, that input credit owed is taken from the payout.
  await sql`
    CREATE TABLE sales_consents (
      campaign_id INTEGER NOT NULL REFERENCES sales_campaigns (id),
      member_id INTEGER NOT NULL REFERENCES members (id),
      date TEXT NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (campaign_id, member_id)
    ) STRICT, WITHOUT ROWID
  `.execute(db);

  // The campaign's money documents, each written with the entry that carries it.
  await sql`
    CREATE TABLE sales_buyer_sales (
      id INTEGER PRIMARY KEY,
      number TEXT NOT NULL UNIQUE,
      campaign_id INTEGER NOT NULL REFERENCES sales_campaigns (id),
      date TEXT NOT NULL,
      sold_g INTEGER NOT NULL CHECK (sold_g > 0),
      -- Per kg, in thousandths of the currency's minor unit.
      unit_price INTEGER NOT NULL CHECK (unit_price > 0),
      amount INTEGER NOT NULL CHECK (amount > 0),
      deductions INTEGER NOT NULL CHECK (deductions >= 0 AND deductions < amount),
      entry_id INTEGER NOT NULL UNIQUE REFERENCES journal_entries (id)
    ) STRICT
  `.execute(db);
  await sql`
    CREATE TABLE sales_receipts (
      id INTEGER PRIMARY KEY,
      number TEXT NOT NULL UNIQUE,
      campaign_id INTEGER NOT NULL REFERENCES sales_campaigns (id),
      date TEXT NOT NULL,
      amount INTEGER NOT NULL CHECK (amount > 0),
      account_id INTEGER NOT NULL REFERENCES accounts (id),
      entry_id INTEGER NOT NULL UNIQUE REFERENCES journal_entries (id)
    ) STRICT
  `.execute(db);
  await sql`
    CREATE TABLE sales_costs (
      id INTEGER PRIMARY KEY,
      number TEXT NOT NULL UNIQUE,
      campaign_id INTEGER NOT NULL REFERENCES sales_campaigns (id),
      date TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('transport', 'loading', 'other')),
      shared INTEGER NOT NULL CHECK (shared IN (0, 1)),
      note TEXT,
      amount INTEGER NOT NULL CHECK (amount > 0),
      account_id INTEGER NOT NULL REFERENCES accounts (id),
      entry_id INTEGER NOT NULL UNIQUE REFERENCES journal_entries (id)
    ) STRICT
  `.execute(db);

  // A campaign is paid out once: its run, and one row per member with what was computed and posted.
  await sql`
    CREATE TABLE sales_payout_runs (
      campaign_id INTEGER PRIMARY KEY REFERENCES sales_campaigns (id),
      date TEXT NOT NULL,
      proceeds INTEGER NOT NULL,
      fees INTEGER NOT NULL CHECK (fees >= 0),
      credit INTEGER NOT NULL CHECK (credit >= 0),
      to_pay INTEGER NOT NULL CHECK (to_pay >= 0),
      entry_id INTEGER REFERENCES journal_entries (id),
      created_at TEXT NOT NULL
    ) STRICT
  `.execute(db);
  await sql`
    CREATE TABLE sales_payouts (
      id INTEGER PRIMARY KEY,
      campaign_id INTEGER NOT NULL REFERENCES sales_payout_runs (campaign_id),
      member_id INTEGER NOT NULL REFERENCES members (id),
      net_g INTEGER NOT NULL CHECK (net_g > 0),
      gross INTEGER NOT NULL CHECK (gross >= 0),
      fee INTEGER NOT NULL CHECK (fee >= 0),
      credit INTEGER NOT NULL CHECK (credit >= 0),
      net INTEGER NOT NULL CHECK (net >= 0 AND gross = fee + credit + net),
      method TEXT NOT NULL CHECK (method IN ('cash', 'savings')),
      repayment_entry_id INTEGER REFERENCES journal_entries (id),
      savings_entry_id INTEGER REFERENCES journal_entries (id),
      -- A cash payout is owed until the member collects it; collecting it writes these once.
      paid_on TEXT,
      paid_entry_id INTEGER REFERENCES journal_entries (id),
      UNIQUE (campaign_id, member_id),
      CHECK ((paid_on IS NULL) = (paid_entry_id IS NULL)),
      CHECK (method = 'cash' OR paid_on IS NULL)
    ) STRICT
  `.execute(db);
  await sql`CREATE INDEX sales_payouts_member ON sales_payouts (member_id)`.execute(db);

  for (const table of ['sales_buyer_sales', 'sales_receipts', 'sales_costs', 'sales_payout_runs']) {
    for (const action of ['UPDATE', 'DELETE']) {
      await sql
        .raw(`
          CREATE TRIGGER ${table}_no_${action.toLowerCase()} BEFORE ${action} ON ${table}
          BEGIN SELECT RAISE(ABORT, 'posted collective sales records are immutable'); END
        `)
        .execute(db);
    }
  }
  // A payout row changes once, when a cash payout is collected; nothing else about it ever changes.
  await sql`
    CREATE TRIGGER sales_payouts_no_delete BEFORE DELETE ON sales_payouts
    BEGIN SELECT RAISE(ABORT, 'posted collective sales records are immutable'); END
  `.execute(db);
  await sql`
    CREATE TRIGGER sales_payouts_paid_once BEFORE UPDATE ON sales_payouts
    WHEN OLD.paid_entry_id IS NOT NULL
      OR NEW.campaign_id IS NOT OLD.campaign_id OR NEW.member_id IS NOT OLD.member_id
      OR NEW.net_g IS NOT OLD.net_g OR NEW.gross IS NOT OLD.gross OR NEW.fee IS NOT OLD.fee
      OR NEW.credit IS NOT OLD.credit OR NEW.net IS NOT OLD.net OR NEW.method IS NOT OLD.method
      OR NEW.repayment_entry_id IS NOT OLD.repayment_entry_id
      OR NEW.savings_entry_id IS NOT OLD.savings_entry_id
    BEGIN SELECT RAISE(ABORT, 'posted collective sales records are immutable'); END
  `.execute(db);
}
