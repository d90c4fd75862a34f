import type { App } from 'electron';

const HOUR = 60 * 60 * 1000;

/**
 * Automatic backups as the app lives: one when it starts and then every hour if the day has none yet,
 * and one on every exit, which waits for the backup before the app quits.
 */
export function wireAutomaticBackups(
  app: Pick<App, 'on' | 'quit'>,
  backup: (reason: 'exit' | 'daily') => Promise<unknown>,
  logError: (error: unknown) => void,
  every: (run: () => void, ms: number) => unknown = setInterval,
): void {
  const daily = () => void backup('daily').catch(logError);
  daily();
  every(daily, HOUR);
  let backedUp = false;
  app.on('before-quit', (event) => {
    if (backedUp) return;
    event.preventDefault();
    backedUp = true;
    void backup('exit')
      .catch(logError)
      .finally(() => app.quit());
  });
}
