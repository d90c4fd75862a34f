import { type Kysely, sql } from 'kysely';

// Frozen once landed: never import application code here, never edit; add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Damaged, lost and found stock and the differences a stock count finds go to their own expense head,
  // so that the board sees shrinkage apart from the cost of what members bought.
  await sql`
    INSERT INTO accounts (code, name_km, name_en, type, currency, parent_id, role, created_at)
    SELECT '5102', 'ការខូចខាត និងបាត់បង់ស្តុក', 'Stock losses and count differences', 'expense', 'KHR',
           (SELECT id FROM accounts WHERE code = '5'), 'stock_losses', ${new Date().toISOString()}
    WHERE NOT EXISTS (SELECT 1 FROM accounts WHERE code = '5102' OR role = 'stock_losses')
  `.execute(db);

  await sql`
    CREATE TABLE input_suppliers (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(name) > 0),
      phone TEXT,
      village TEXT,
      created_at TEXT NOT NULL
    ) STRICT
  `.execute(db);

  await sql`
    CREATE TABLE input_items (
      id INTEGER PRIMARY KEY,
      name_km TEXT NOT NULL CHECK (length(name_km) > 0),
      name_latin TEXT,
      unit TEXT NOT NULL,
      sale_price INTEGER NOT NULL CHECK (sale_price >= 0),
      stock_account_id INTEGER NOT NULL REFERENCES accounts (id),
      income_account_id INTEGER NOT NULL REFERENCES accounts (id),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL
    ) STRICT
  `.execute(db);

  // The documents of the inputs business. Each is written with the journal entry that carries its money
  // and never changed afterwards: a correction reverses the entry.
  await sql`
    CREATE TABLE input_purchases (
      id INTEGER PRIMARY KEY,
      number TEXT NOT NULL UNIQUE,
      supplier_id INTEGER NOT NULL REFERENCES input_suppliers (id),
      date TEXT NOT NULL,
      payment TEXT NOT NULL CHECK (payment IN ('cash', 'credit')),
      currency TEXT NOT NULL CHECK (currency IN ('KHR', 'USD')),
      rate TEXT,
      reference TEXT,
      -- What the stock received is worth, in riel; and what was paid, in the purchase's currency.
      value INTEGER NOT NULL CHECK (value > 0),
      amount INTEGER NOT NULL CHECK (amount > 0),
      entry_id INTEGER NOT NULL UNIQUE REFERENCES journal_entries (id)
    ) STRICT
  `.execute(db);
  await sql`CREATE INDEX input_purchases_supplier ON input_purchases (supplier_id, date)`.execute(db);

  await sql`
    CREATE TABLE input_supplier_payments (
      id INTEGER PRIMARY KEY,
      number TEXT NOT NULL UNIQUE,
      supplier_id INTEGER NOT NULL REFERENCES input_suppliers (id),
      date TEXT NOT NULL,
      amount INTEGER NOT NULL CHECK (amount > 0),
      entry_id INTEGER NOT NULL UNIQUE REFERENCES journal_entries (id)
    ) STRICT
  `.execute(db);

  await sql`
    CREATE TABLE input_sales (
      id INTEGER PRIMARY KEY,
      number TEXT NOT NULL UNIQUE,
      member_id INTEGER NOT NULL REFERENCES members (id),
      date TEXT NOT NULL,
      payment TEXT NOT NULL CHECK (payment IN ('cash', 'credit')),
      due_date TEXT,
      charge_kind TEXT NOT NULL CHECK (charge_kind IN ('none', 'flat', 'rate')),
      -- The flat fee in riel, or the monthly rate in hundredths of a percent.
      charge_value INTEGER NOT NULL DEFAULT 0,
      goods INTEGER NOT NULL CHECK (goods > 0),
      charge INTEGER NOT NULL CHECK (charge >= 0),
      cost INTEGER NOT NULL CHECK (cost >= 0),
      entry_id INTEGER NOT NULL UNIQUE REFERENCES journal_entries (id),
      CHECK ((payment = 'credit') = (due_date IS NOT NULL)),
      CHECK (payment = 'credit' OR (charge_kind = 'none' AND charge = 0))
    ) STRICT
  `.execute(db);
  await sql`CREATE INDEX input_sales_member ON input_sales (member_id, date)`.execute(db);
  await sql`CREATE INDEX input_sales_date ON input_sales (date)`.execute(db);

  await sql`
    CREATE TABLE input_repayments (
      id INTEGER PRIMARY KEY,
      number TEXT NOT NULL UNIQUE,
      member_id INTEGER NOT NULL REFERENCES members (id),
      date TEXT NOT NULL,
      amount INTEGER NOT NULL CHECK (amount > 0),
      -- The credit sale the bookkeeper chose to pay first; NULL pays the oldest first.
      sale_id INTEGER REFERENCES input_sales (id),
      entry_id INTEGER NOT NULL UNIQUE REFERENCES journal_entries (id)
    ) STRICT
  `.execute(db);

  // Every change of an item's stock, in thousandths of its unit and in riel at average cost. The
  // sum of the values of all items at a date is what the stock accounts hold at that date.
  await sql`
    CREATE TABLE input_movements (
      id INTEGER PRIMARY KEY,
      item_id INTEGER NOT NULL REFERENCES input_items (id),
      date TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('purchase', 'sale', 'damage', 'loss', 'found', 'count', 'reversal')),
      quantity INTEGER NOT NULL,
      value INTEGER NOT NULL,
      -- For a purchase or a sale: the price per unit in its document's currency, and the line's amount.
      unit_price INTEGER,
      amount INTEGER,
      purchase_id INTEGER REFERENCES input_purchases (id),
      sale_id INTEGER REFERENCES input_sales (id),
      note TEXT,
      entry_id INTEGER NOT NULL REFERENCES journal_entries (id),
      CHECK (quantity <> 0 OR value <> 0)
    ) STRICT
  `.execute(db);
  await sql`
    CREATE INDEX input_movements_item_date ON input_movements (item_id, date, quantity, value)
  `.execute(db);
  await sql`CREATE INDEX input_movements_entry ON input_movements (entry_id)`.execute(db);
  await sql`CREATE INDEX input_movements_sale ON input_movements (sale_id) WHERE sale_id IS NOT NULL`.execute(
    db,
  );

  for (const table of [
    'input_purchases',
    'input_supplier_payments',
    'input_sales',
    'input_repayments',
    'input_movements',
  ]) {
    for (const action of ['UPDATE', 'DELETE']) {
      await sql
        .raw(`
          CREATE TRIGGER ${table}_no_${action.toLowerCase()} BEFORE ${action} ON ${table}
          BEGIN SELECT RAISE(ABORT, 'posted inputs records are immutable'); END
        `)
        .execute(db);
    }
  }
}
