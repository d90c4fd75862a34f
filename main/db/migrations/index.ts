import type { Kysely } from 'kysely';
import * as m001 from './001_cooperative_and_members';
import * as m002 from './002_ledger';
import * as m003 from './003_members_money';
import * as m004 from './004_farm_inputs';
import * as m005 from './005_users';
import * as m006 from './006_meetings_yearend';
import * as m007 from './007_audit_log';
import * as m008 from './008_collective_sales';

export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
}

// Listed by hand, in order: Node cannot import .ts files that a directory scan finds at run time, and
// an explicit list makes the order a reviewed decision.
export const migrations: readonly Migration[] = [
  { version: 1, name: '001_cooperative_and_members', up: m001.up },
  { version: 2, name: '002_ledger', up: m002.up },
  { version: 3, name: '003_members_money', up: m003.up },
  { version: 4, name: '004_farm_inputs', up: m004.up },
  { version: 5, name: '005_users', up: m005.up },
  { version: 6, name: '006_meetings_yearend', up: m006.up },
  { version: 7, name: '007_audit_log', up: m007.up },
  { version: 8, name: '008_collective_sales', up: m008.up },
];

export const LATEST_SCHEMA_VERSION = migrations.length;
