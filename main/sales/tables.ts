import type { Generated } from 'kysely';
import type { CurrencyCode } from '../db/schema';

// The collective sales tables (migration 005) as the database holds them.
export interface SalesCampaignsTable {
  id: Generated<number>;
  number: string;
  name: string;
  crop: string;
  variety: string | null;
  buyer_name: string;
  buyer_phone: string | null;
  start_date: string;
  end_date: string | null;
  currency: CurrencyCode;
  fee_kind: 'per_kg' | 'percent';
  fee_value: number;
  status: Generated<'open' | 'closed'>;
  closed_on: string | null;
  created_at: string;
}

export interface SalesDeliveriesTable {
  id: Generated<number>;
  number: string;
  campaign_id: number;
  member_id: number;
  date: string;
  gross_g: number;
  deduction_kind: 'kg' | 'percent';
  deduction_value: number;
  net_g: number;
  created_at: string;
}

export interface SalesConsentsTable {
  campaign_id: number;
  member_id: number;
  date: string;
  created_at: string;
}

export interface SalesBuyerSalesTable {
  id: Generated<number>;
  number: string;
  campaign_id: number;
  date: string;
  sold_g: number;
  unit_price: number;
  amount: number;
  deductions: number;
  entry_id: number;
}

export interface SalesReceiptsTable {
  id: Generated<number>;
  number: string;
  campaign_id: number;
  date: string;
  amount: number;
  account_id: number;
  entry_id: number;
}

export interface SalesCostsTable {
  id: Generated<number>;
  number: string;
  campaign_id: number;
  date: string;
  kind: 'transport' | 'loading' | 'other';
  shared: number;
  note: string | null;
  amount: number;
  account_id: number;
  entry_id: number;
}

export interface SalesPayoutRunsTable {
  campaign_id: number;
  date: string;
  proceeds: number;
  fees: number;
  credit: number;
  to_pay: number;
  entry_id: number | null;
  created_at: string;
}

export interface SalesPayoutsTable {
  id: Generated<number>;
  campaign_id: number;
  member_id: number;
  net_g: number;
  gross: number;
  fee: number;
  credit: number;
  net: number;
  method: 'cash' | 'savings';
  repayment_entry_id: number | null;
  savings_entry_id: number | null;
  paid_on: string | null;
  paid_entry_id: number | null;
}

export interface SalesTables {
  sales_campaigns: SalesCampaignsTable;
  sales_deliveries: SalesDeliveriesTable;
  sales_consents: SalesConsentsTable;
  sales_buyer_sales: SalesBuyerSalesTable;
  sales_receipts: SalesReceiptsTable;
  sales_costs: SalesCostsTable;
  sales_payout_runs: SalesPayoutRunsTable;
  sales_payouts: SalesPayoutsTable;
}
