import { z } from 'zod';

// What the Backup and review screens ask of the main process, and what they are told.
const passphrase = z.string().min(1).max(200).optional();
const backupFile = z.string().min(1).max(4096);

export const backupCreateSchema = z.strictObject({ passphrase });
export const backupOpenSchema = z.strictObject({ file: backupFile, passphrase });

export interface BackupProgressView {
  stage: 'copy' | 'write' | 'verify';
  done: number;
  total: number;
}

export interface BackupRow {
  file: string;
  name: string;
  /** ISO time the backup was made. */
  madeAt: string;
  bytes: number;
}

export interface BackupMade {
  /** Null when the folder dialog was closed without a choice. */
  file: string | null;
}
