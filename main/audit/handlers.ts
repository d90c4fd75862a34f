import type { Handlers } from '../ipc/router';
import type { AppSession } from '../session';
import { listAudit } from './list';
import { verifyAudit } from './verify';

/** The audit screen's channels, over the session's open books (a review copy's too: both only read). */
export function auditHandlers(session: AppSession): Pick<Handlers, 'audit.list' | 'audit.verify'> {
  return {
    'audit.list': async (query) => listAudit(session.database.sqlite, query),
    'audit.verify': async () => verifyAudit(session.database.sqlite),
  };
}
