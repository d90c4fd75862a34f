import type { ChangesSinceReview } from '../../shared/backup';
import { localIsoDate } from '../../shared/dates';
import type { BuiltReport } from '../../shared/reports';
import { reviewChangesPdf } from '../reports/review-changes';
import type { ReportService } from '../reports/service';
import { withBothBackups } from './changes';

/**
 * The changes between two backups for the review screen: the lists, and the printed report kept with
 * the built reports so that saving it is saving any report. Built in the main process, not the report
 * worker: the worker reads the books open, and these are two backups of someone else's.
 */
export async function reviewChanges(
  input: {
    older: { file: string; passphrase?: string | undefined };
    newer: { file: string; passphrase?: string | undefined };
    lang: 'km' | 'en';
  },
  reports: ReportService,
  today: string,
): Promise<{ changes: ChangesSinceReview; report: BuiltReport }> {
  const started = performance.now();
  const options = {
    ...(input.newer.passphrase ? { passphrase: input.newer.passphrase } : {}),
    ...(input.older.passphrase ? { olderPassphrase: input.older.passphrase } : {}),
  };
  return withBothBackups(input.older.file, input.newer.file, options, async ({ changes, newer }) => {
    const pdf = await reviewChangesPdf(newer, changes, { lang: input.lang, today });
    const day = (iso: string) => localIsoDate(new Date(iso));
    const name = `review-changes-${day(changes.older.createdAt)}-${day(changes.newer.createdAt)}${input.lang === 'en' ? '-en' : ''}.pdf`;
    return { changes, report: reports.keep(name, pdf, Math.round(performance.now() - started)) };
  });
}
