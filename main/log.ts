import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Unexpected failures go to a file the user can send to whoever supports them; the screen shows an apology. */
export function fileLogger(dataDir: string): (error: unknown) => void {
  const dir = join(dataDir, 'logs');
  return (error) => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    try {
      mkdirSync(dir, { recursive: true });
      appendFileSync(join(dir, 'sahakum.log'), `${new Date().toISOString()} ${detail}\n`);
    } catch {
      // Nowhere left to report a failure to write the report; the user still gets the apology.
    }
  };
}
