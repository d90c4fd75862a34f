import { userInfo } from 'node:os';

/**
 * Who the audit log names for the changes this process seals: the signed-in user once the session
 * says so, otherwise the program and the operating-system account that ran it (the CLI, a test).
 */
let current = defaultUser();

function defaultUser(): string {
  try {
    return `${process.versions.electron ? 'app' : 'cli'}: ${userInfo().username}`;
  } catch {
    return 'system';
  }
}

export function setAuditUser(user: string | null): void {
  current = user ?? defaultUser();
}

export const auditUser = (): string => current;
