import { useCallback, useEffect, useId, useState } from 'react';
import type { BackupProgressView, BackupRow } from '../../shared/backup';
import type { AppStatus } from '../../shared/contract';
import type { AppError } from '../../shared/errors';
import { call } from '../api';
import { useI18n } from '../i18n';
import { momentLabel } from '../ledger/statements/dates';
import { refusalText } from '../ledger/statements/refusal';

const POLL_MS = 150;

/**
 * Backups on demand to a folder the user chooses (a USB stick), with progress and cancel; the automatic
 * ones; and a backup file chosen to restore over the books (after a confirmation) or to open read-only
 * as a review copy.
 */
export function BackupScreen({ onStatus }: { onStatus: (status: AppStatus) => void }) {
  const i18n = useI18n();
  const b = i18n.t.backup;
  const passphraseId = useId();
  const restorePassId = useId();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<BackupProgressView | null>(null);
  const [banner, setBanner] = useState<{ ok: boolean; text: string } | null>(null);
  const [automatic, setAutomatic] = useState<BackupRow[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [chosenPass, setChosenPass] = useState('');
  const [confirming, setConfirming] = useState(false);

  const refuse = useCallback(
    (error: AppError) => setBanner({ ok: false, text: refusalText(i18n, error) }),
    [i18n],
  );
  const load = useCallback(async () => {
    const result = await call('backup.list', {});
    if (result.ok) setAutomatic(result.value);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => {
      void call('backup.progress', {}).then((result) => {
        if (result.ok) setProgress(result.value);
      });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [busy]);

  const backUp = async () => {
    setBanner(null);
    setBusy(true);
    const result = await call('backup.create', passphrase ? { passphrase } : {});
    setBusy(false);
    setProgress(null);
    if (!result.ok) refuse(result.error);
    else if (result.value.file)
      setBanner({ ok: true, text: i18n.format(b.made, {}, { file: result.value.file }) });
  };

  const choose = async () => {
    setConfirming(false);
    setBanner(null);
    const result = await call('backup.chooseFile', {});
    if (result.ok) setChosen(result.value.file);
  };

  const withChosen = async (channel: 'backup.restore' | 'review.open') => {
    if (!chosen) return;
    setConfirming(false);
    const result = await call(channel, { file: chosen, ...(chosenPass ? { passphrase: chosenPass } : {}) });
    if (!result.ok) return refuse(result.error);
    if (channel === 'backup.restore') setBanner({ ok: true, text: b.restored });
    onStatus(result.value);
  };

  const percent = progress && progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0;
  return (
    <section className="screen backup-screen">
      <header className="screen-header">
        <h1>{i18n.t.nav.backup}</h1>
      </header>
      <p className="muted">{b.intro}</p>
      {banner ? (
        <div className={banner.ok ? 'banner ok' : 'banner error'} role={banner.ok ? 'status' : 'alert'}>
          {banner.text}
        </div>
      ) : null}
      <div className="backup-now">
        <label htmlFor={passphraseId}>{b.passphrase}</label>
        <input
          id={passphraseId}
          type="password"
          value={passphrase}
          autoComplete="new-password"
          onChange={(e) => setPassphrase(e.target.value)}
        />
        <p className="muted">{b.passphraseHint}</p>
        <button type="button" className="primary" disabled={busy} onClick={() => void backUp()}>
          {b.now}
        </button>
        {busy ? (
          <div className="backup-progress">
            <progress max={100} value={percent} aria-label={progress ? b.progress[progress.stage] : b.now} />
            <span>{progress ? `${b.progress[progress.stage]} ${i18n.num(percent)}%` : null}</span>
            <button type="button" onClick={() => void call('backup.cancel', {})}>
              {b.cancel}
            </button>
          </div>
        ) : null}
      </div>

      <h2>{b.automatic}</h2>
      <p className="muted">{b.automaticIntro}</p>
      {automatic.length === 0 ? (
        <p>{b.noAutomatic}</p>
      ) : (
        <table className="stmt-table backup-table">
          <thead>
            <tr>
              <th scope="col">{b.madeAt}</th>
              <th scope="col" className="num">
                {b.size}
              </th>
            </tr>
          </thead>
          <tbody>
            {automatic.map((row) => (
              <tr key={row.file}>
                <td>{momentLabel(row.madeAt, i18n)}</td>
                <td className="num">{i18n.num(`${(row.bytes / 1_048_576).toFixed(1)} MB`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{b.restoreTitle}</h2>
      <button type="button" className="backup-choose" onClick={() => void choose()}>
        {b.choose}
      </button>
      {chosen ? (
        <div className="backup-chosen">
          <p>{i18n.format(b.chosen, {}, { file: chosen })}</p>
          <label htmlFor={restorePassId}>{b.passphrase}</label>
          <input
            id={restorePassId}
            type="password"
            value={chosenPass}
            autoComplete="off"
            onChange={(e) => setChosenPass(e.target.value)}
          />
          <div className="backup-actions">
            <button type="button" onClick={() => void withChosen('review.open')}>
              {b.review}
            </button>
            <button type="button" onClick={() => setConfirming(true)}>
              {b.restore}
            </button>
          </div>
          {confirming ? (
            <div className="banner warn" role="alertdialog" aria-label={b.restore}>
              {b.restoreAsk}
              <button type="button" className="primary" onClick={() => void withChosen('backup.restore')}>
                {b.restoreYes}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {b.cancel}
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
