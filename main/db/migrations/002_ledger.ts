import { type Kysely, sql } from 'kysely';

// Frozen once landed: never import application code here, never edit; add a new migration instead.

type Flags = { control?: true; role?: string; cash?: true; bank?: true };
type Row = [
  code: string,
  parent: string | null,
  type: string,
  currency: string | null,
  km: string,
  en: string,
  flags?: Flags,
];

// The default chart of an agricultural cooperative. Accounts without a currency are groups: they
// gather the accounts below them in the statements and take no postings. Role names let the code find
// the accounts it posts to automatically, whatever the cooperative renames them to.
// biome-ignore format: one account per line reads as the chart it is.
const CHART: readonly Row[] = [
  ['1', null, 'asset', null, 'ទ្រព្យសកម្ម', 'Assets'],
  ['11', '1', 'asset', null, 'សាច់ប្រាក់ក្នុងដៃ', 'Cash on hand'],
  ['1101', '11', 'asset', 'KHR', 'សាច់ប្រាក់ក្នុងដៃ (រៀល)', 'Cash on hand (riel)', { role: 'cash_khr', cash: true }],
  ['1102', '11', 'asset', 'USD', 'សាច់ប្រាក់ក្នុងដៃ (ដុល្លារ)', 'Cash on hand (dollars)', { role: 'cash_usd', cash: true }],
  ['12', '1', 'asset', null, 'ប្រាក់នៅធនាគារ', 'Bank accounts'],
  ['1201', '12', 'asset', 'KHR', 'ប្រាក់នៅធនាគារ (រៀល)', 'Bank (riel)', { role: 'bank_khr', bank: true }],
  ['1202', '12', 'asset', 'USD', 'ប្រាក់នៅធនាគារ (ដុល្លារ)', 'Bank (dollars)', { role: 'bank_usd', bank: true }],
  ['13', '1', 'asset', null, 'ស្តុកធាតុចូលកសិកម្ម', 'Farm input stock'],
  ['1301', '13', 'asset', 'KHR', 'ស្តុកធាតុចូលកសិកម្ម', 'Farm input stock', { role: 'input_stock' }],
  ['14', '1', 'asset', null, 'ឥណទានធាតុចូលលើសមាជិក', 'Member receivables for inputs'],
  ['1401', '14', 'asset', 'KHR', 'ឥណទានធាតុចូលលើសមាជិក (រៀល)', 'Member receivables for inputs (riel)', { control: true, role: 'input_credit_khr' }],
  ['2', null, 'liability', null, 'បំណុល', 'Liabilities'],
  ['21', '2', 'liability', null, 'ប្រាក់សន្សំសមាជិក', 'Member savings'],
  ['2101', '21', 'liability', 'KHR', 'ប្រាក់សន្សំធម្មតា (រៀល)', 'Ordinary savings (riel)', { control: true, role: 'savings_ordinary_khr' }],
  ['2102', '21', 'liability', 'USD', 'ប្រាក់សន្សំធម្មតា (ដុល្លារ)', 'Ordinary savings (dollars)', { control: true, role: 'savings_ordinary_usd' }],
  ['2103', '21', 'liability', 'KHR', 'ប្រាក់បញ្ញើមានកាលកំណត់ (រៀល)', 'Fixed-term deposits (riel)', { control: true, role: 'savings_fixed_khr' }],
  ['2104', '21', 'liability', 'USD', 'ប្រាក់បញ្ញើមានកាលកំណត់ (ដុល្លារ)', 'Fixed-term deposits (dollars)', { control: true, role: 'savings_fixed_usd' }],
  ['22', '2', 'liability', null, 'បំណុលអ្នកផ្គត់ផ្គង់', 'Supplier payables'],
  ['2201', '22', 'liability', 'KHR', 'បំណុលអ្នកផ្គត់ផ្គង់ (រៀល)', 'Supplier payables (riel)', { role: 'payables_khr' }],
  ['3', null, 'equity', null, 'មូលធន', 'Equity'],
  ['3101', '3', 'equity', 'KHR', 'ដើមទុនភាគហ៊ុន', 'Share capital', { control: true, role: 'share_capital' }],
  ['3201', '3', 'equity', 'KHR', 'មូលនិធិបម្រុង', 'Reserve fund', { role: 'reserve_fund' }],
  ['3202', '3', 'equity', 'KHR', 'មូលនិធិសង្គម', 'Social fund', { role: 'social_fund' }],
  ['3203', '3', 'equity', 'KHR', 'មូលនិធិអប់រំ និងបណ្តុះបណ្តាល', 'Education and training fund', { role: 'education_fund' }],
  ['3301', '3', 'equity', 'KHR', 'ប្រាក់ចំណេញរក្សាទុក', 'Retained surplus', { role: 'retained_surplus' }],
  ['39', '3', 'equity', null, 'មូលធនដើមគ្រា និងការប្តូររូបិយប័ណ្ណ', 'Opening equity and currency conversion'],
  ['3901', '39', 'equity', 'KHR', 'មូលធនដើមគ្រា (រៀល)', 'Opening balance equity (riel)', { role: 'opening_khr' }],
  ['3902', '39', 'equity', 'USD', 'មូលធនដើមគ្រា (ដុល្លារ)', 'Opening balance equity (dollars)', { role: 'opening_usd' }],
  ['3951', '39', 'equity', 'KHR', 'ការប្តូររូបិយប័ណ្ណ (រៀល)', 'Currency conversion (riel)', { role: 'conversion_khr' }],
  ['3952', '39', 'equity', 'USD', 'ការប្តូររូបិយប័ណ្ណ (ដុល្លារ)', 'Currency conversion (dollars)', { role: 'conversion_usd' }],
  ['4', null, 'income', null, 'ចំណូល', 'Income'],
  ['4101', '4', 'income', 'KHR', 'ចំណូលពីការលក់ធាតុចូល', 'Income from input sales', { role: 'input_sales' }],
  ['4201', '4', 'income', 'KHR', 'កម្រៃសេវា', 'Service fees', { role: 'service_fees' }],
  ['4301', '4', 'income', 'KHR', 'ការប្រាក់ទទួលបាន (រៀល)', 'Interest received (riel)', { role: 'interest_received_khr' }],
  ['4302', '4', 'income', 'USD', 'ការប្រាក់ទទួលបាន (ដុល្លារ)', 'Interest received (dollars)', { role: 'interest_received_usd' }],
  ['4401', '4', 'income', 'KHR', 'លម្អៀងពីការប្តូររូបិយប័ណ្ណ (រៀល)', 'Exchange differences (riel)', { role: 'exchange_difference_khr' }],
  ['4402', '4', 'income', 'USD', 'លម្អៀងពីការប្តូររូបិយប័ណ្ណ (ដុល្លារ)', 'Exchange differences (dollars)', { role: 'exchange_difference_usd' }],
  ['4901', '4', 'income', 'KHR', 'ចំណូលផ្សេងៗ', 'Other income', { role: 'other_income' }],
  ['5', null, 'expense', null, 'ចំណាយ', 'Expenses'],
  ['5101', '5', 'expense', 'KHR', 'ថ្លៃដើមធាតុចូលដែលបានលក់', 'Cost of inputs sold', { role: 'cost_of_inputs' }],
  ['5201', '5', 'expense', 'KHR', 'ប្រាក់ឧបត្ថម្ភគណៈកម្មការ', 'Officers\u2019 allowances', { role: 'allowances' }],
  ['5301', '5', 'expense', 'KHR', 'ថ្លៃធ្វើដំណើរ និងដឹកជញ្ជូន', 'Travel and transport', { role: 'transport' }],
  ['5401', '5', 'expense', 'KHR', 'សម្ភារៈការិយាល័យ', 'Stationery', { role: 'stationery' }],
  ['5501', '5', 'expense', 'KHR', 'កម្រៃធនាគារ (រៀល)', 'Bank fees (riel)', { role: 'bank_fees_khr' }],
  ['5502', '5', 'expense', 'USD', 'កម្រៃធនាគារ (ដុល្លារ)', 'Bank fees (dollars)', { role: 'bank_fees_usd' }],
  ['5601', '5', 'expense', 'KHR', 'ការប្រាក់បង់ឱ្យអ្នកសន្សំ (រៀល)', 'Interest paid to savers (riel)', { role: 'interest_paid_khr' }],
  ['5602', '5', 'expense', 'USD', 'ការប្រាក់បង់ឱ្យអ្នកសន្សំ (ដុល្លារ)', 'Interest paid to savers (dollars)', { role: 'interest_paid_usd' }],
  ['5901', '5', 'expense', 'KHR', 'ចំណាយផ្សេងៗ', 'Other expenses', { role: 'other_expenses' }],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE accounts (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE CHECK (length(code) > 0),
      name_km TEXT NOT NULL CHECK (length(name_km) > 0),
      name_en TEXT NOT NULL CHECK (length(name_en) > 0),
      type TEXT NOT NULL CHECK (type IN ('asset', 'liability', 'equity', 'income', 'expense')),
      currency TEXT CHECK (currency IN ('KHR', 'USD')),
      parent_id INTEGER REFERENCES accounts (id),
      is_control INTEGER NOT NULL DEFAULT 0 CHECK (is_control IN (0, 1)),
      is_cash INTEGER NOT NULL DEFAULT 0 CHECK (is_cash IN (0, 1)),
      is_bank INTEGER NOT NULL DEFAULT 0 CHECK (is_bank IN (0, 1)),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      role TEXT UNIQUE,
      created_at TEXT NOT NULL,
      CHECK (currency IS NOT NULL OR (is_control = 0 AND is_cash = 0 AND is_bank = 0)),
      CHECK (NOT (is_cash = 1 AND is_bank = 1))
    ) STRICT
  `.execute(db);

  await sql`
    CREATE TABLE journal_entries (
      id INTEGER PRIMARY KEY,
      date TEXT NOT NULL,
      kind TEXT NOT NULL,
      number TEXT UNIQUE,
      memo TEXT NOT NULL,
      source_ref TEXT,
      details TEXT,
      reverses_id INTEGER UNIQUE REFERENCES journal_entries (id),
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT
  `.execute(db);
  await sql`CREATE INDEX journal_entries_date ON journal_entries (date)`.execute(db);

  // A line carries its entry's date so that balances at a date read one index, never the entries.
  await sql`
    CREATE TABLE journal_lines (
      id INTEGER PRIMARY KEY,
      entry_id INTEGER NOT NULL REFERENCES journal_entries (id),
      account_id INTEGER NOT NULL REFERENCES accounts (id),
      member_id INTEGER REFERENCES members (id),
      date TEXT NOT NULL,
      amount INTEGER NOT NULL CHECK (amount <> 0)
    ) STRICT
  `.execute(db);
  await sql`CREATE INDEX journal_lines_entry ON journal_lines (entry_id)`.execute(db);
  await sql`
    CREATE TRIGGER journal_lines_entry_date BEFORE INSERT ON journal_lines
    WHEN NEW.date IS NOT (SELECT date FROM journal_entries WHERE id = NEW.entry_id)
    BEGIN SELECT RAISE(ABORT, 'a line carries the date of its entry'); END
  `.execute(db);
  // Covers balances at a date (account, date, amount) and an account's ledger in date and entry order.
  await sql`
    CREATE INDEX journal_lines_account_date ON journal_lines (account_id, date, entry_id, amount, member_id)
  `.execute(db);
  await sql`
    CREATE INDEX journal_lines_member ON journal_lines (member_id, account_id, date, amount)
    WHERE member_id IS NOT NULL
  `.execute(db);

  // Each account's movement per month, kept by the database itself as lines are posted. Lines are
  // immutable, so this can never drift from them; it lets a balance at any date add up a few hundred
  // monthly figures plus part of one month instead of every line ever posted.
  await sql`
    CREATE TABLE account_month_totals (
      account_id INTEGER NOT NULL REFERENCES accounts (id),
      month TEXT NOT NULL,
      amount INTEGER NOT NULL,
      PRIMARY KEY (account_id, month)
    ) STRICT, WITHOUT ROWID
  `.execute(db);
  await sql`
    CREATE TRIGGER journal_lines_month_total AFTER INSERT ON journal_lines
    BEGIN
      INSERT INTO account_month_totals (account_id, month, amount)
      VALUES (NEW.account_id, substr(NEW.date, 1, 7), NEW.amount)
      ON CONFLICT (account_id, month) DO UPDATE SET amount = amount + excluded.amount;
    END
  `.execute(db);

  // The monthly totals change only as the line just posted says: by its amount, for its account and month.
  const lastLine = `(SELECT account_id, substr(date, 1, 7) AS month, amount FROM journal_lines
                     WHERE id = (SELECT max(id) FROM journal_lines))`;
  await sql
    .raw(`
      CREATE TRIGGER account_month_totals_insert BEFORE INSERT ON account_month_totals
      WHEN NOT EXISTS (SELECT 1 FROM ${lastLine} l
                       WHERE l.account_id = NEW.account_id AND l.month = NEW.month AND l.amount = NEW.amount)
      BEGIN SELECT RAISE(ABORT, 'posted ledger rows are immutable'); END
    `)
    .execute(db);
  await sql
    .raw(`
      CREATE TRIGGER account_month_totals_update BEFORE UPDATE ON account_month_totals
      WHEN NEW.account_id IS NOT OLD.account_id OR NEW.month IS NOT OLD.month
        OR NOT EXISTS (SELECT 1 FROM ${lastLine} l
                       WHERE l.account_id = NEW.account_id AND l.month = NEW.month
                         AND l.amount = NEW.amount - OLD.amount)
      BEGIN SELECT RAISE(ABORT, 'posted ledger rows are immutable'); END
    `)
    .execute(db);

  // Posted entries are never edited or deleted; a correction is a reversing entry.
  for (const table of ['journal_entries', 'journal_lines', 'account_month_totals']) {
    const guarded = table === 'account_month_totals' ? ['DELETE'] : ['UPDATE', 'DELETE'];
    for (const action of guarded) {
      await sql
        .raw(`
          CREATE TRIGGER ${table}_no_${action.toLowerCase()} BEFORE ${action} ON ${table}
          BEGIN SELECT RAISE(ABORT, 'posted ledger rows are immutable'); END
        `)
        .execute(db);
    }
  }

  await sql`
    CREATE TABLE closed_months (
      month TEXT PRIMARY KEY CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
      closed_at TEXT NOT NULL,
      closed_by TEXT NOT NULL
    ) STRICT
  `.execute(db);
  await sql`
    CREATE TABLE month_close_log (
      id INTEGER PRIMARY KEY,
      month TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('close', 'reopen')),
      reason TEXT,
      at TEXT NOT NULL,
      by TEXT NOT NULL,
      CHECK (action = 'close' OR length(reason) > 0)
    ) STRICT
  `.execute(db);

  const now = new Date().toISOString();
  const ids = new Map<string, number>();
  let id = 0;
  for (const [code, parent, type, currency, km, en, flags] of CHART) {
    id += 1;
    ids.set(code, id);
    const parentId = parent === null ? null : (ids.get(parent) ?? null);
    await sql`
      INSERT INTO accounts
        (id, code, name_km, name_en, type, currency, parent_id, is_control, is_cash, is_bank, role, created_at)
      VALUES (${id}, ${code}, ${km}, ${en}, ${type}, ${currency}, ${parentId}, ${flags?.control ? 1 : 0},
              ${flags?.cash ? 1 : 0}, ${flags?.bank ? 1 : 0}, ${flags?.role ?? null}, ${now})
    `.execute(db);
  }
}
