import type { Clock } from './clock';
import type { OpenOptions } from './db/open';
import { createHandlers } from './ipc/handlers';
import { createRouter, type Router } from './ipc/router';
import { fileLogger } from './log';
import { PreferencesStore } from './preferences';
import { AppSession } from './session';

export interface Backend {
  session: AppSession;
  preferences: PreferencesStore;
  router: Router;
  close(): Promise<void>;
}

/** Everything behind the IPC door, in plain Node: the Electron shell, the end-to-end tests and the CLI share it. */
export async function startBackend(
  dataDir: string,
  clock: Clock,
  options: Pick<OpenOptions, 'nativeBinding'> & { logError?: (error: unknown) => void } = {},
): Promise<Backend> {
  const session = await AppSession.start(dataDir, clock, options);
  const preferences = new PreferencesStore(dataDir);
  const router = createRouter(createHandlers(session, preferences), options.logError ?? fileLogger(dataDir));
  return { session, preferences, router, close: () => session.close() };
}
