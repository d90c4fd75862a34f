import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { createBackup, type MadeBackup } from './create';
import { sweepPartials } from './files';

export const AUTO_PREFIX = 'auto';
const AUTO_NAME = /^auto-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(\d{2})(?:-\d+)?\.sahakum-backup$/;

export interface AutomaticBackup {
  file: string;
  name: string;
  /** Local time the name says it was made, as a Date. */
  madeAt: Date;
  bytes: number;
}

/** The automatic backups in `dir`, newest first (by the time in their names, which the rotation keeps by). */
export function listAutomaticBackups(dir: string): AutomaticBackup[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const found: AutomaticBackup[] = [];
  for (const name of names) {
    const m = AUTO_NAME.exec(name);
    if (!m) continue;
    const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
    const file = join(dir, name);
    found.push({ file, name, madeAt: new Date(y, mo - 1, d, h, mi, s), bytes: statSync(file).size });
  }
  return found.sort((a, b) => b.madeAt.getTime() - a.madeAt.getTime() || b.name.localeCompare(a.name));
}

const dayKey = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
const monthKey = (d: Date) => `${d.getFullYear()}-${d.getMonth()}`;
// Weeks start on Monday; the key is that Monday's date.
const weekKey = (d: Date) =>
  dayKey(new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7)));

export const ROTATION = { daily: 7, weekly: 4, monthly: 12 } as const;

/**
 * Which backups the rotation keeps: the newest of each of the last 7 days that have one, of the last 4
 * weeks and of the last 12 months. `backups` is newest first; the answer is a subset of it.
 */
export function backupsToKeep<T extends { madeAt: Date }>(backups: readonly T[]): Set<T> {
  const keep = new Set<T>();
  for (const [key, limit] of [
    [dayKey, ROTATION.daily],
    [weekKey, ROTATION.weekly],
    [monthKey, ROTATION.monthly],
  ] as const) {
    const seen = new Set<string>();
    for (const backup of backups) {
      const k = key(backup.madeAt);
      if (seen.has(k)) continue;
      if (seen.size === limit) break;
      seen.add(k);
      keep.add(backup);
    }
  }
  return keep;
}

/** Removes the automatic backups the rotation no longer keeps, and what a crash left half-made. */
export function rotateBackups(dir: string): string[] {
  const all = listAutomaticBackups(dir);
  const keep = backupsToKeep(all);
  const removed = all.filter((b) => !keep.has(b)).map((b) => b.file);
  for (const file of removed) rmSync(file, { force: true });
  return [...removed, ...sweepPartials(dir)];
}

export interface AutomaticOptions {
  dir: string;
  at: Date;
  appVersion: string;
  nativeBinding?: string;
  /** 'exit' always backs up; 'daily' only when today has no automatic backup yet. */
  reason: 'exit' | 'daily';
}

/** An automatic backup into the data folder's backups/, then the rotation. Null when none was due. */
export async function automaticBackup(
  source: BetterSqlite3.Database,
  options: AutomaticOptions,
): Promise<MadeBackup | null> {
  const today = dayKey(options.at);
  if (
    options.reason === 'daily' &&
    listAutomaticBackups(options.dir).some((b) => dayKey(b.madeAt) === today)
  ) {
    return null;
  }
  const made = await createBackup(source, {
    dir: options.dir,
    prefix: AUTO_PREFIX,
    appVersion: options.appVersion,
    at: options.at,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  rotateBackups(options.dir);
  return made;
}
